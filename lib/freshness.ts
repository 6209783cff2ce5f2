/**
 * How fresh the data are, read from the data themselves (sources.csv's `published`), never from
 * the build clock, so a rebuild of the same data says the same thing.
 */

export interface ReleaseSource {
  readonly id: string;
  readonly publisher: string;
  readonly series: string;
  readonly release: string;
  readonly url: string;
  readonly published: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A sortable value for a `published` text such as "November 2025", "2011", "2017 to 2021" or
 * "2021 and 2023": the last year named (with its month, if one is given just before it), as
 * year × 12 + month; a year alone sorts before any month of that year. Undefined if no year.
 */
export function publishedOrder(published: string): number | undefined {
  const matches = [...published.matchAll(/(?:\b([A-Za-z]+)\s+)?\b((?:19|20)\d{2})\b/g)];
  const last = matches[matches.length - 1];
  if (!last) return undefined;
  const month = last[1] ? MONTHS.indexOf(last[1].toLowerCase()) : -1;
  return Number(last[2]) * 12 + (month >= 0 ? month + 1 : 0);
}

const later = <T extends ReleaseSource>(a: T, b: T) => ((publishedOrder(b.published) ?? -1) > (publishedOrder(a.published) ?? -1) ? b : a);

/** The most recently published source: when the data were last refreshed. */
export function latestSource<T extends ReleaseSource>(sources: readonly T[]): T | undefined {
  return sources.length ? sources.reduce(later) : undefined;
}

/**
 * The latest release of each publication series among `cited` (source ids), in the order the
 * series are first cited: the releases the figures come from now.
 */
export function currentReleases<T extends ReleaseSource>(sources: readonly T[], cited: readonly string[]): T[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const bySeries = new Map<string, T>();
  for (const id of cited) {
    const s = byId.get(id);
    if (!s) throw new Error(`freshness: source ${id} is cited but not in sources.csv`);
    const seen = bySeries.get(s.series);
    bySeries.set(s.series, seen ? later(seen, s) : s);
  }
  return [...bySeries.values()];
}
