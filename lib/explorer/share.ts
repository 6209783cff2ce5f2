import { formatYear } from '../format';
import type { ChartShare, CitationInput, CsvExport } from '../share/types';
import { STATUS_LABEL } from '../status';
import { serializeViewState, type StateContext, type ViewState } from '../view-state';
import { cellAt, councilsIn, ENGLAND, provenanceAt } from './access';
import { groupSources, publishedOrder, unitLabel, yearRange } from './describe';
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
  const groups = groupSources(sources).map((g) => `${g.publication}, ${g.latest.release}${g.latest.table ? `, ${g.latest.table}` : ''}${g.count > 1 ? ` and ${g.count - 1} earlier release${g.count > 2 ? 's' : ''}` : ''}`);
  return `Source: ${groups.join('; ')}.${rateNote ? ` ${rateNote}` : ''}`;
}

/** Citation inputs from the sources of the figures shown: the latest release is the one cited. */
export function citationInput(data: Pick<MeasureData, 'sources'>, sources: readonly SourceRef[], subject: string, dataYears: string): CitationInput {
  const sorted = [...(sources.length ? sources : data.sources)].sort((a, b) => publishedOrder(b) - publishedOrder(a));
  const latest = sorted[0]!;
  return {
    publisher: latest.publisher,
    publication: latest.title,
    release: latest.release,
    table: latest.table,
    publishedYear: Math.floor(publishedOrder(latest) / 100),
    releaseUrl: latest.url,
    subject,
    dataYears,
    otherReleases: sorted.length - 1,
  };
}

const COLUMNS = ['area_code', 'area_name', 'year', 'period', 'measure', 'unit', 'value', 'status', 'status_meaning', 'rate_origin', 'source_id', 'source'] as const;

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
  ];
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
}): ChartShare {
  const { data, state, ctx } = args;
  return {
    title: args.title,
    sourceText: sourceLineText(args.sources, args.rateNote),
    description: args.description,
    ...viewPaths(data.measure.id, state, ctx),
    csv: args.csv,
    cite: citationInput(data, args.sources, args.subject, yearRange(data.measure, args.from, args.to)),
  };
}
