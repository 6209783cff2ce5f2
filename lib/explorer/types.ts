import type { BreakKind, BreakScope } from '../schema/pathway';
import type { AreaLevel, Measure } from '../schema/tables';
import type { Cell, MissingStatus } from '../status';

/**
 * What a measure page hands to its client components: plain, JSON-serialisable, compact. Built at
 * build time from data/ (lib/explorer/build.ts); never parsed from CSV in the browser.
 */

/** A value in the compact encoding: a number, a DfE missing code, or null for "no figure published for this area and year". */
export type Packed = number | MissingStatus | null;

/** The catalogue entry as the browser needs it (everything but its file and source list). */
export type MeasureMeta = Omit<Measure, 'file' | 'sources' | 'group'>;

export interface AreaMeta {
  readonly code: string;
  readonly name: string;
  readonly level: AreaLevel;
  readonly regionCode: string | undefined;
  readonly firstYear: number;
  readonly lastYear: number | undefined;
  readonly predecessors: readonly string[];
  readonly successors: readonly string[];
  readonly changeNote: string;
}

export interface SourceRef {
  readonly id: string;
  /** "Department for Education, Children in need, reporting year 2025 (2024-25), C4: …" */
  readonly citation: string;
  readonly publisher: string;
  readonly title: string;
  readonly series: string;
  readonly release: string;
  readonly table: string;
  readonly url: string;
  readonly licence: string;
  /** When published, as the release says (e.g. "November 2025"); orders releases. */
  readonly published: string;
}

export interface QuoteRef {
  readonly id: string;
  readonly quote: string;
  readonly speaker: string;
  readonly sourceTitle: string;
  readonly publisher: string;
  readonly date: string;
  readonly url: string;
  readonly year: number | undefined;
  readonly claimType: string;
  readonly verification: string;
  /** The check of the figure the quote states (/claims/{id}/), or undefined for a quote without one (shown as context only). */
  readonly claim: { readonly verdict: 'holds' | 'caveat' | 'fails' | 'cannot'; readonly label: string } | undefined;
}

export interface MeasureData {
  readonly measure: MeasureMeta;
  /** Every year from measure.firstYear to measure.lastYear, ascending; the arrays below align with it. */
  readonly years: readonly number[];
  /** England, the regions, then councils by name. */
  readonly areas: readonly AreaMeta[];
  readonly count: Readonly<Record<string, readonly Packed[]>>;
  readonly rate: Readonly<Record<string, readonly Packed[]>>;
  /** Per area and year, index into `provenance` (or -1 where no figure). */
  readonly prov: Readonly<Record<string, readonly number[]>>;
  readonly provenance: readonly { readonly sourceId: string; readonly rateOrigin: 'published' | 'computed' | '' }[];
  readonly sources: readonly SourceRef[];
  /** Children aged 0-17 used as the rate denominator for each year (mid-year before), councils only; for funnel plots. */
  readonly population: Readonly<Record<string, readonly (number | null)[]>>;
  readonly quotes: readonly QuoteRef[];
  /** Breaks in the series (data/breaks.csv): the figures before `year` are not comparable with those from it. */
  readonly breaks: readonly SeriesBreak[];
}

/** A break in a measure's series, between `year - 1` and `year` (DfE years ending 31 March). */
export interface SeriesBreak {
  /** First year after the break (the first year counted the new way). */
  readonly year: number;
  readonly kind: BreakKind;
  /** count-and-rate: the figures change meaning; rate: only the rates per 10,000 (new population estimates). */
  readonly appliesTo: BreakScope;
  /** A few words for the chart, e.g. "Counting changed". */
  readonly label: string;
  /** What changed, in plain English, e.g. "Until 2011-12 DfE counted children who were the subject of an enquiry; from 2012-13 it counts enquiries." */
  readonly note: string;
  /** How the figures before the break were counted, for tables and CSVs, e.g. "children, not enquiries". */
  readonly before: string;
  readonly sourceId: string;
  /** The release that documents the change, as a citation ("Department for Education, Characteristics of children in need, 2011-12 (SFR27/2012), …"). */
  readonly source: string;
}

export type Unit = 'rate' | 'count';

/** Unpack a compact value into a typed Cell (undefined = no figure published). */
export function unpack(p: Packed | undefined): Cell | undefined {
  if (p === null || p === undefined) return undefined;
  return typeof p === 'number' ? { kind: 'value', value: p } : { kind: 'missing', status: p };
}

/** One line of a trend chart. */
export interface SeriesPoint {
  readonly year: number;
  /** undefined = no figure published for that year (e.g. the council did not exist, or no regional totals). */
  readonly cell: Cell | undefined;
}

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly kind: 'england' | 'region' | 'area';
  readonly points: readonly SeriesPoint[];
  /** Plain-English note about breaks in this line (reorganisation), shown near the chart. */
  readonly note?: string;
}
