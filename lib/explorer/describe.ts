import { formatCount, formatRate, formatYear } from '../format';
import { provenanceAt } from './access';
import type { MeasureData, MeasureMeta, SourceRef, Unit } from './types';

/** Wording shared by the views, the frame and (later) citations and alt text. Pure. */

export function unitLabel(m: MeasureMeta, unit: Unit): string {
  if (unit === 'rate') return 'per 10,000 children aged 0 to 17';
  if (m.countUnit === '£') return '£, gross, cash terms';
  if (m.countUnit === '%') return '%';
  return m.countUnit;
}

export function valueFormatter(m: MeasureMeta, unit: Unit): (n: number) => string {
  return unit === 'rate' ? formatRate : (n) => formatCount(n, m.countUnit);
}

/** "2010 to 2025" or "2009-10 to 2024-25" or "31 March 2010 to 31 March 2025". */
export function yearRange(m: MeasureMeta, from: number, to: number): string {
  return from === to ? formatYear(m.period, from) : `${formatYear(m.period, from)} to ${formatYear(m.period, to)}`;
}

/** A chart title that states its subject: measure, unit, places and years. */
export function chartTitle(m: MeasureMeta, unit: Unit, places: string, years: string): string {
  const u = unit === 'rate' ? 'rate per 10,000 children' : m.countUnit === '£' ? 'spending (£)' : m.countUnit === '%' ? 'percentage' : `number of ${m.countUnit}`;
  return `${m.label}: ${u}, ${places}, ${years}`;
}

/** The sources behind the figures shown (areas × years), in the order first met. */
export function sourcesShown(data: MeasureData, codes: readonly string[], years: readonly number[]): SourceRef[] {
  const ids = new Set<string>();
  for (const c of codes) for (const y of years) {
    const p = provenanceAt(data, c, y);
    if (p) ids.add(p.sourceId);
  }
  return data.sources.filter((s) => ids.has(s.id));
}

/** "Rates for 2013 to 2025 computed here …; 2010 to 2012 as published by DfE." for the figures shown. */
export function rateNote(data: MeasureData, codes: readonly string[], years: readonly number[], unit: Unit): string | undefined {
  if (unit !== 'rate') return undefined;
  const computed = new Set<number>();
  const published = new Set<number>();
  for (const c of codes) for (const y of years) {
    const p = provenanceAt(data, c, y);
    if (p?.rateOrigin === 'computed') computed.add(y);
    if (p?.rateOrigin === 'published') published.add(y);
  }
  return rateNoteFromYears(published, computed);
}

/** The rate note from the years whose rates are DfE's and those computed here (also used by area pages). */
export function rateNoteFromYears(published: ReadonlySet<number>, computed: ReadonlySet<number>): string | undefined {
  const span = (s: ReadonlySet<number>) => {
    const ys = [...s].sort((a, b) => a - b);
    const runs: string[] = [];
    for (let i = 0; i < ys.length; ) {
      let j = i;
      while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
      runs.push(ys[i] === ys[j] ? `${ys[i]}` : `${ys[i]} to ${ys[j]}`);
      i = j + 1;
    }
    return runs.join(', ');
  };
  const parts: string[] = [];
  if (published.size) parts.push(`rates ${computed.size ? `for ${span(published)} ` : ''}as published by DfE`);
  if (computed.size) parts.push(`rates ${published.size ? `for ${span(computed)} ` : ''}computed here from the count and the ONS population DfE uses (mid-year before the year end)`);
  if (!parts.length) return undefined;
  const s = parts.join('; ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Sortable publication date of a release ("November 2025" → 202511). */
export function publishedOrder(s: SourceRef): number {
  const y = Number(/(\d{4})/.exec(s.published)?.[1] ?? 0);
  const m = MONTHS.findIndex((x) => s.published.toLowerCase().includes(x)) + 1;
  return y * 100 + m;
}

export interface SourceGroup {
  /** "Department for Education, Children looked after in England including adoptions" */
  readonly publication: string;
  /** Latest release used, for the link and the release named first. */
  readonly latest: SourceRef;
  readonly count: number;
  /** Other tables of the latest release (an area page's pathway draws on C1, C4 and D3). */
  readonly otherTables: readonly SourceRef[];
  /** Older releases of the publication (distinct releases, not tables). */
  readonly earlier: number;
}

/** Releases of the same publication grouped, newest first, for a short source line. */
export function groupSources(sources: readonly SourceRef[]): SourceGroup[] {
  const groups = new Map<string, SourceRef[]>();
  for (const s of sources) {
    const k = `${s.publisher}|${s.series}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return [...groups.values()].map((list) => {
    const sorted = [...list].sort((a, b) => publishedOrder(b) - publishedOrder(a));
    const latest = sorted[0]!;
    const otherTables = sorted.filter((x) => x !== latest && x.release === latest.release);
    const earlier = new Set(sorted.filter((x) => x.release !== latest.release).map((x) => x.release)).size;
    return { publication: `${latest.publisher}, ${latest.title}`, latest, count: list.length, otherTables, earlier };
  });
}

/** "and C4: …; and 2 earlier releases": what a source line adds after a group's latest release and table. */
export function groupTail(g: SourceGroup, listed = ''): string {
  const tables = g.otherTables.filter((t) => t.table).map((t) => `; ${t.table}`).join('');
  return `${tables}${g.earlier > 0 ? ` and ${g.earlier} earlier release${g.earlier > 1 ? 's' : ''}${listed}` : ''}`;
}
