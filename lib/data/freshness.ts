import { currentReleases, latestSource } from '../freshness';
import type { Source } from '../schema/tables';
import { updatesTable } from '../schema/updates';
import { loadMeasures, loadPopulation, loadSources, loadTable } from './load';

export interface DataFreshness {
  /** The most recently published source the data include. */
  readonly refreshed: Source | undefined;
  /** The latest release of each series the statistics (and their rate denominators) come from. */
  readonly releases: readonly Source[];
}

export interface NextUpdate {
  /** "October 2026" */
  readonly month: string;
  /** Short labels of the measures DfE says it will next update then. */
  readonly measures: readonly string[];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** DfE's next update of the measures shown, as its LAIT data dictionary states (data/updates.csv), soonest first. */
export function nextUpdates(): NextUpdate[] {
  const label = new Map(loadMeasures().map((m) => [m.id, m.shortLabel]));
  const byMonth = new Map<string, string[]>();
  for (const u of [...loadTable(updatesTable)].sort((a, b) => a.nextUpdate.localeCompare(b.nextUpdate))) {
    const [y, m] = u.nextUpdate.split('-');
    const month = `${MONTH_NAMES[Number(m) - 1]} ${y}`;
    const list = byMonth.get(month) ?? [];
    const name = label.get(u.measure) ?? u.measure;
    if (!list.includes(name)) list.push(name);
    byMonth.set(month, list);
  }
  return [...byMonth].map(([month, measures]) => ({ month, measures }));
}

/** When the data were last refreshed and from which releases, from sources.csv (build-time). */
export function dataFreshness(): DataFreshness {
  const sources = loadSources();
  const cited = [...new Set([...loadMeasures().flatMap((m) => m.sources), ...loadPopulation().map((p) => p.sourceId)])];
  return { refreshed: latestSource(sources), releases: currentReleases(sources, cited) };
}
