import { breakPhrase, breaksBetween, breaksForUnit } from '../breaks';
import { countedTheEarlierWay } from './breaks';
import { formatCount, formatRate, formatYear } from '../format';
import type { ChartShare, CitationInput, CsvExport } from '../share/types';
import { STATUS_LABEL } from '../status';
import { serializeViewState, type StateContext, type ViewState } from '../view-state';
import { cellAt, councilsIn, ENGLAND, provenanceAt, valueAt } from './access';
import { groupSources, groupTail, publishedOrder, unitLabel, yearRange } from './describe';
import type { AreaMeta, MeasureData, SourceRef, Unit } from './types';

/**
 * What a view's share kit shares: the exact figures shown as CSV (with status and source), the
 * citation inputs and the paths of this view and of its embed. Pure.
 */

export function viewPaths(measureId: string, state: ViewState, ctx: StateContext): { path: string; embedPath: string } {
  const qs = serializeViewState(state, ctx);
  return { path: `/measures/${measureId}/${qs}`, embedPath: `/embed/${measureId}/${qs}` };
}

/** Plain-text source line, as the frame prints it. */
export function sourceLineText(sources: readonly SourceRef[], rateNote?: string): string {
  const groups = groupSources(sources).map((g) => `${g.publication}, ${g.latest.release}${g.latest.table ? `, ${g.latest.table}` : ''}${groupTail(g)}`);
  return `Source: ${groups.join('; ')}.${rateNote ? ` ${rateNote}` : ''}`;
}

/** Citation inputs from the sources of the figures shown: the latest release is the one cited. */
/**
 * What a citation must say about breaks in the series: of a span of years, the breaks it crosses;
 * of one figure, that it comes from before a break (counted the earlier way). Breaks of the rates
 * only are named only for rates.
 */
export function citationBreakNote(data: MeasureData, unit: Unit, from: number, to: number): string | undefined {
  const fmt = (y: number) => formatYear(data.measure.period, y);
  const relevant = breaksForUnit(data.breaks, unit);
  if (from === to) {
    const after = relevant.filter((b) => b.year > from && b.appliesTo === 'count-and-rate' && b.kind !== 'system-change');
    if (after.length === 0) return undefined;
    const b = after[0]!;
    return `figures before ${fmt(b.year)} are ${b.before} (a break in the series; see the site's methodology)`;
  }
  const crossed = breaksBetween(relevant, from, to);
  if (crossed.length === 0) return undefined;
  return `the series has ${crossed.length > 1 ? 'breaks' : 'a break'} (${crossed.map((b) => breakPhrase(b, fmt)).join('; ')}): compare years on the same side`;
}

/** The release part of a citation, from a source: publisher, publication, release, table, year, URL. */
export function releaseCitation(src: SourceRef): Pick<CitationInput, 'publisher' | 'publication' | 'release' | 'table' | 'publishedYear' | 'releaseUrl'> {
  return { publisher: src.publisher, publication: src.title, release: src.release, table: src.table, publishedYear: Math.floor(publishedOrder(src) / 100), releaseUrl: src.url };
}

export function citationInput(data: Pick<MeasureData, 'sources'>, sources: readonly SourceRef[], subject: string, dataYears: string, breakNote?: string): CitationInput {
  return citationFromSources(sources.length ? sources : data.sources, subject, dataYears, breakNote);
}

/** Citation inputs from a non-empty list of releases: the latest is cited, other releases (not tables of the same one) are counted (also used by area pages). */
export function citationFromSources(sources: readonly SourceRef[], subject: string, dataYears: string, breakNote?: string): CitationInput {
  const sorted = [...sources].sort((a, b) => publishedOrder(b) - publishedOrder(a));
  const latest = sorted[0]!;
  return {
    ...releaseCitation(latest),
    subject,
    dataYears,
    ...(breakNote ? { breakNote } : {}),
    otherReleases: new Set(sorted.filter((x) => x.release !== latest.release).map((x) => x.release)).size,
  };
}

/** A figure in focus: an area and a year. */
export interface FigureFocus {
  readonly code: string;
  readonly year: number;
}

/** "81,770 children", "67 per 10,000 children aged 0 to 17", "£5.3bn", "28.1%". */
export function figureValueText(data: MeasureData, unit: Unit, value: number): string {
  const m = data.measure;
  if (unit === 'rate') return `${formatRate(value)} ${unitLabel(m, unit)}`;
  return m.countUnit === '£' || m.countUnit === '%' ? formatCount(value, m.countUnit) : `${formatCount(value, m.countUnit)} ${m.countUnit}`;
}

/**
 * Citation inputs of one figure, from the release it comes from (not the latest release of the
 * chart): undefined when the area has no figure that year, or the figure has no recorded source.
 */
export function figureCitation(data: MeasureData, unit: Unit, code: string, year: number): CitationInput | undefined {
  const m = data.measure;
  const value = valueAt(data, unit, code, year);
  const area = data.areas.find((a) => a.code === code);
  const p = provenanceAt(data, code, year);
  const src = p ? data.sources.find((s) => s.id === p.sourceId) : undefined;
  if (value === undefined || !area || !src) return undefined;
  const origin = unit === 'rate' && p!.rateOrigin === 'computed' ? ' (rate computed here from DfE’s count and the ONS population DfE uses)' : '';
  const breakNote = citationBreakNote(data, unit, year, year);
  return {
    ...releaseCitation(src),
    subject: `${m.label}, ${area.name}`,
    dataYears: formatYear(m.period, year),
    // a figure counted the earlier way (before a counting change) is given without the unit word it does not count; breakNote says what it counts
    value: `${unit === 'count' && countedTheEarlierWay(data.breaks, year) ? formatCount(value, m.countUnit) : figureValueText(data, unit, value)}${origin}`,
    otherReleases: 0,
    ...(breakNote ? { breakNote } : {}),
  };
}

/**
 * The figure a citation of "this figure" is of: the one in focus if it has a value, or else the
 * latest figure (between `from` and `to`) of the first selected area, or else England's.
 */
export function figureInFocus(data: MeasureData, unit: Unit, focus: FigureFocus | null | undefined, selected: readonly string[], from: number, to: number): FigureFocus | undefined {
  if (focus && valueAt(data, unit, focus.code, focus.year) !== undefined) return focus;
  const years = data.years.filter((y) => y >= from && y <= to).reverse();
  for (const code of [...selected.slice(0, 1), ENGLAND]) {
    const year = years.find((y) => valueAt(data, unit, code, y) !== undefined);
    if (year !== undefined) return { code, year };
  }
  return undefined;
}

/** The columns of every chart CSV: one row per area, year and figure, with its status, source and break note (also used by area pages). */
export const CSV_COLUMNS = ['area_code', 'area_name', 'year', 'period', 'measure', 'unit', 'value', 'status', 'status_meaning', 'rate_origin', 'source_id', 'source', 'break_note'] as const;
const COLUMNS = CSV_COLUMNS;

function csvRow(data: MeasureData, unit: Unit, a: AreaMeta, year: number): (string | number)[] {
  const m = data.measure;
  const c = cellAt(data, unit, a.code, year);
  const p = provenanceAt(data, a.code, year);
  const src = p ? data.sources.find((s) => s.id === p.sourceId) : undefined;
  return [
    a.code,
    a.name,
    year,
    formatYear(m.period, year),
    m.id,
    unitLabel(m, unit),
    c?.kind === 'value' ? c.value : '',
    c === undefined ? 'no figure' : c.kind === 'value' ? 'ok' : c.status,
    c === undefined ? 'not published for this area and year' : c.kind === 'value' ? '' : STATUS_LABEL[c.status],
    unit === 'rate' && p ? p.rateOrigin : '',
    p?.sourceId ?? '',
    src ? src.citation : '',
    breakNoteOf(data, year),
  ];
}

/** "Before the 2012-13 break in the series: children who were the subject of a section 47 enquiry, not enquiries." or ''. */
function breakNoteOf(data: MeasureData, year: number): string {
  const b = countedTheEarlierWay(data.breaks, year);
  return b ? `Before the ${formatYear(data.measure.period, b.year)} break in the series: ${b.before}.` : '';
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** CSV of a trend chart: every area shown × every year shown (a council only for the years it existed). */
export function trendCsv(data: MeasureData, unit: Unit, shown: readonly AreaMeta[], from: number, to: number): CsvExport {
  const rows: (string | number)[][] = [];
  for (const a of shown) {
    for (const y of data.years) {
      if (y < from || y > to) continue;
      if (a.level === 'la' && (y < a.firstYear || (a.lastYear !== undefined && y > a.lastYear))) continue;
      rows.push(csvRow(data, unit, a, y));
    }
  }
  const places = shown.length <= 3 ? shown.map((a) => slug(a.name)).join('-') : `${shown.length}-areas`;
  return { filename: `${data.measure.id}-${unit}-${places}-${from}-${to}`, columns: COLUMNS, rows };
}

/** CSV of a map or ranking: England and every council of the year. */
export function yearCsv(data: MeasureData, unit: Unit, year: number): CsvExport {
  const england = data.areas.find((a) => a.code === ENGLAND)!;
  const rows = [england, ...councilsIn(data, year)].map((a) => csvRow(data, unit, a, year));
  return { filename: `${data.measure.id}-${unit}-councils-${year}`, columns: COLUMNS, rows };
}

export function makeShare(args: {
  data: MeasureData;
  state: ViewState;
  ctx: StateContext;
  title: string;
  sources: readonly SourceRef[];
  rateNote: string | undefined;
  description: string;
  subject: string;
  from: number;
  to: number;
  csv: CsvExport;
  /** The figure in focus (chart cursor, selected cell), if any: see figureInFocus. */
  focus?: FigureFocus | null;
  noun?: 'chart' | 'table';
  images?: boolean;
}): ChartShare<CsvExport> {
  const { data, state, ctx } = args;
  const f = figureInFocus(data, state.unit, args.focus, state.areas, args.from, args.to);
  const figure = f && figureCitation(data, state.unit, f.code, f.year);
  // A view that passes a focus (even null) can move it; one that does not cites its default figure.
  const figureHint =
    args.noun === 'table'
      ? 'To cite another figure, select its cell in the table (click, tap, or the arrow keys).'
      : 'focus' in args
        ? 'To cite another figure, move the chart’s cursor to it (hover, tap, or the arrow keys on the chart).'
        : 'This is the figure of the first area chosen (or England’s) for the year shown.';
  return {
    title: args.title,
    sourceText: sourceLineText(args.sources, args.rateNote),
    description: args.description,
    ...viewPaths(data.measure.id, state, ctx),
    csv: args.csv,
    cite: citationInput(data, args.sources, args.subject, yearRange(data.measure, args.from, args.to), citationBreakNote(data, state.unit, args.from, args.to)),
    ...(figure ? { figure, figureHint } : {}),
    ...(args.noun ? { noun: args.noun } : {}),
    ...(args.images === false ? { images: false } : {}),
  };
}
