import { breakPhrase, changeWithBreaks } from '../breaks';
import { formatChange, formatCount, formatRate, formatYear } from '../format';
import { countedTheEarlierWay } from '../explorer/breaks';
import { citationFromSources, CSV_COLUMNS, sourceLineText } from '../explorer/share';
import { rateNoteFromYears } from '../explorer/describe';
import type { Series, SeriesBreak, SourceRef } from '../explorer/types';
import type { ChartShare, CsvExport } from '../share/types';
import { STATUS_LABEL, type Cell } from '../status';
import type { DeprivationSummary } from './context';
import type { NeighbourComparison, NeighbourSet } from './neighbours';
import { unpackCell, type PathwaySeries } from './pathway';
import type { ProfileTrend } from './trends';
import { andList, cellText, conversionText, RATE_UNIT, stepConversionText, type MeasureInfo } from './words';

/**
 * What the share kit of each chart on an area page shares (pure, browser or server): the figures
 * shown as CSV with status and source, a text description with the key numbers, the citation,
 * and the permalink and embed paths. Area charts embed from /embed/areas/{code}/?chart=…; a trend
 * is the measure's own chart with the area (and its region) selected.
 */

/** An area's own charts (factors at assessment embed from /embed/factors/{code}/). */
export type AreaChartId = 'pathway' | 'neighbours' | 'deprivation';
export const AREA_CHARTS: readonly AreaChartId[] = ['pathway', 'neighbours', 'deprivation'];
/** The page section each chart sits in (the permalink's fragment). */
export const CHART_ANCHOR: Readonly<Record<AreaChartId, string>> = { pathway: 'pathway', neighbours: 'similar', deprivation: 'deprivation' };

export interface AreaRef {
  readonly code: string;
  readonly name: string;
}

type Row = (string | number)[];

/** "Before the 2012-13 break in the series: children who were the subject of a section 47 enquiry." (as the measure pages' CSVs say it) */
function breakNote(breaks: readonly SeriesBreak[] | undefined, m: Pick<MeasureInfo, 'period'>, year: number): string {
  const b = breaks ? countedTheEarlierWay(breaks, year) : undefined;
  return b ? `Before the ${formatYear(m.period, b.year)} break in the series: ${b.before}.` : '';
}

function csvRow(area: { code: string; name: string }, year: number, m: Pick<MeasureInfo, 'id' | 'period'> & { unitLabel: string; breaks?: readonly SeriesBreak[] }, c: Cell | undefined, rateOrigin: string, sourceId: string | undefined, sources: Readonly<Record<string, SourceRef>>): Row {
  return [
    area.code,
    area.name,
    year,
    formatYear(m.period, year),
    m.id,
    m.unitLabel,
    c?.kind === 'value' ? c.value : '',
    c === undefined ? 'no figure' : c.kind === 'value' ? 'ok' : c.status,
    c === undefined ? 'not published for this area and year' : c.kind === 'value' ? '' : STATUS_LABEL[c.status],
    rateOrigin,
    sourceId ?? '',
    sourceId && sources[sourceId] ? sources[sourceId]!.citation : '',
    breakNote(m.breaks, m, year),
  ];
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const embedOf = (code: string, chart: AreaChartId, extra = '') => `/embed/areas/${code}/?chart=${chart}${extra}`;
const pageOf = (code: string, chart: AreaChartId, query = '') => `/areas/${code}/${query}#${CHART_ANCHOR[chart]}`;
const refs = (ids: Iterable<string | undefined>, sources: Readonly<Record<string, SourceRef>>) => [...new Set([...ids].filter((x): x is string => !!x))].sort().map((id) => sources[id]).filter((s): s is SourceRef => !!s);

// ---------------------------------------------------------------------------------------------
// Similar councils.

export function neighboursTitle(area: AreaRef, set: NeighbourSet): string {
  return `${area.name} and its ${set.neighbours.length} statistical neighbours: rates per 10,000 children, latest year`;
}

export function describeNeighbours(area: AreaRef, set: NeighbourSet, comparisons: readonly NeighbourComparison[], measures: Readonly<Record<string, MeasureInfo>>): string {
  const head = `Dot chart comparing ${area.name} with its ${set.neighbours.length} statistical neighbours (DfE's ${set.model === '2025' ? '2025' : 'April 2021'} model) and England on ${comparisons.length} measures, ${RATE_UNIT}, in each measure's latest year.`;
  const lines = comparisons.map((c) => {
    const m = measures[c.measure]!;
    const vals = c.neighbours.filter((n) => n.cell?.kind === 'value').map((n) => ({ name: n.neighbour.name, v: (n.cell as { value: number }).value }));
    const lo = vals.reduce((a, b) => (b.v < a.v ? b : a), vals[0] ?? { name: '', v: 0 });
    const hi = vals.reduce((a, b) => (b.v > a.v ? b : a), vals[0] ?? { name: '', v: 0 });
    const avg = c.average ? `neighbours' average ${formatRate(c.average.value)} (${c.average.n} of ${c.neighbours.length} councils${vals.length > 1 ? `, from ${formatRate(lo.v)} in ${lo.name} to ${formatRate(hi.v)} in ${hi.name}` : ''})` : 'no neighbour has a figure';
    return `${m.shortLabel}, ${formatYear(m.period, c.year)}: ${area.name} ${cellText(c.area)}; ${avg}; England ${cellText(c.england)}.`;
  });
  return `${head} ${lines.join(' ')}`;
}

export function neighboursShare(area: AreaRef, set: NeighbourSet, comparisons: readonly NeighbourComparison[], measures: Readonly<Record<string, MeasureInfo>>, sources: Readonly<Record<string, SourceRef>>): ChartShare<CsvExport> {
  const rows: Row[] = [];
  const ids: (string | undefined)[] = [set.sourceId];
  for (const c of comparisons) {
    const m = { ...measures[c.measure]!, unitLabel: c.unit === 'rate' ? 'per 10,000 children aged 0 to 17' : measures[c.measure]!.countUnit };
    rows.push(csvRow({ code: c.areaCode ?? area.code, name: area.name }, c.year, m, c.area, '', c.areaSourceId, sources));
    for (const n of c.neighbours) rows.push(csvRow({ code: n.dataCode ?? n.neighbour.code, name: n.neighbour.name }, c.year, m, n.cell, '', n.sourceId, sources));
    rows.push(csvRow({ code: '', name: `Average of ${area.name}'s statistical neighbours (${c.average?.n ?? 0} with a figure)` }, c.year, m, c.average ? { kind: 'value', value: Math.round(c.average.value * 10) / 10 } : undefined, 'computed', undefined, sources));
    rows.push(csvRow({ code: 'E92000001', name: 'England' }, c.year, m, c.england, '', c.englandSourceId, sources));
    ids.push(c.areaSourceId, c.englandSourceId, ...c.neighbours.map((n) => n.sourceId));
  }
  const used = refs(ids, sources);
  const title = neighboursTitle(area, set);
  return {
    title,
    sourceText: sourceLineText(used, "The neighbours' average is the plain mean of the neighbours' rates, computed here."),
    description: describeNeighbours(area, set, comparisons, measures),
    path: pageOf(area.code, 'neighbours'),
    embedPath: embedOf(area.code, 'neighbours'),
    csv: { filename: `${slug(area.name)}-statistical-neighbours`, columns: CSV_COLUMNS, rows },
    cite: citationFromSources(used, `${area.name} and its statistical neighbours, ${RATE_UNIT}`, 'latest year of each measure'),
  };
}

// ---------------------------------------------------------------------------------------------
// The pathway.

export function pathwayTitle(area: AreaRef, yearLabel: string, withNeighbours: boolean, isEngland: boolean): string {
  return `The child protection pathway in ${area.name}, ${yearLabel}: per 10,000 children${isEngland ? '' : `, with ${withNeighbours ? "its statistical neighbours' average and " : ''}England`}`;
}

export function describePathway(area: AreaRef, series: PathwaySeries, year: number, measures: Readonly<Record<string, MeasureInfo>>): string {
  const y = series.years.find((x) => x.year === year);
  if (!y) return `No pathway figures for ${area.name} in ${year}.`;
  const isEngland = area.code === 'E92000001';
  const yl = formatYear('reporting-year', year);
  const steps = series.steps.map((id, i) => {
    const parts = [`${area.name} ${cellText(unpackCell(y.rate[i]!))}`];
    if (y.neighbours[i] !== null && y.neighbours[i] !== undefined) parts.push(`neighbours' average ${formatRate(y.neighbours[i]!)}`);
    if (!isEngland) parts.push(`England ${cellText(unpackCell(y.england[i]!))}`);
    return `${measures[id]!.shortLabel}: ${parts.join(', ')}`;
  });
  const conv = series.steps.slice(1).map((id, i) => {
    const eng = isEngland ? '' : ` (England ${conversionText(y.englandConversions[i])})`;
    return `${stepConversionText(y.conversions[i], measures[series.steps[i]!]!.countUnit, measures[id]!.countUnit)}${eng}`;
  });
  return `Bar chart of the child protection pathway in ${area.name}, ${yl}, ${RATE_UNIT}. ${steps.join('. ')}. From one step to the next, from the counts: ${conv.join('; ')}.`;
}

export function pathwayShare(area: AreaRef, series: PathwaySeries, year: number, latestYear: number, measures: Readonly<Record<string, MeasureInfo>>, sources: Readonly<Record<string, SourceRef>>, breaks: Readonly<Record<string, readonly SeriesBreak[]>> = {}): ChartShare<CsvExport> {
  const y = series.years.find((x) => x.year === year)!;
  const rows: Row[] = [];
  const isEngland = area.code === 'E92000001';
  series.steps.forEach((id, i) => {
    const m = measures[id]!;
    const rate = { ...m, unitLabel: 'per 10,000 children aged 0 to 17', breaks: breaks[id] };
    const count = { ...m, unitLabel: m.countUnit, breaks: breaks[id] };
    rows.push(csvRow(area, year, rate, unpackCell(y.rate[i]!), y.rateOrigins[i]!, y.sourceIds[i] ?? undefined, sources));
    rows.push(csvRow(area, year, count, unpackCell(y.count[i]!), '', y.sourceIds[i] ?? undefined, sources));
    if (y.neighbours[i] !== null) rows.push(csvRow({ code: '', name: `Average of ${area.name}'s statistical neighbours (${y.neighboursN[i]} with a figure)` }, year, rate, { kind: 'value', value: y.neighbours[i]! }, 'computed', undefined, sources));
    if (!isEngland) rows.push(csvRow({ code: 'E92000001', name: 'England' }, year, rate, unpackCell(y.england[i]!), '', y.sourceIds[i] ?? undefined, sources));
  });
  const used = refs(y.sourceIds.map((s) => s ?? undefined), sources);
  const yl = formatYear('reporting-year', year);
  const q = year === latestYear ? '' : `&year=${year}`;
  const published = new Set(y.rateOrigins.some((o) => o === 'published') ? [year] : []);
  const computed = new Set(y.rateOrigins.some((o) => o === 'computed') ? [year] : []);
  return {
    title: pathwayTitle(area, yl, series.neighbourModel !== undefined, isEngland),
    sourceText: sourceLineText(used, rateNoteFromYears(published, computed)),
    description: describePathway(area, series, year, measures),
    path: pageOf(area.code, 'pathway', year === latestYear ? '' : `?year=${year}`),
    embedPath: embedOf(area.code, 'pathway', q),
    csv: { filename: `${slug(area.name)}-pathway-${year}`, columns: CSV_COLUMNS, rows },
    cite: citationFromSources(used.length ? used : Object.values(sources), `The child protection pathway, ${area.name}, ${RATE_UNIT}`, yl),
  };
}

// ---------------------------------------------------------------------------------------------
// Trends (small multiples): the measure's chart with the area selected.

export function trendTitle(m: MeasureInfo, trend: ProfileTrend, first: number, last: number): string {
  const places = andList([...trend.series].reverse().map((s) => s.label));
  return `${m.label}: ${trend.unit === 'rate' ? 'rate per 10,000 children' : m.countUnit}, ${places}, ${formatYear(m.period, first)} to ${formatYear(m.period, last)}`;
}

/** "Blackpool: 94 in 31 March 2010, 184 in 31 March 2025 (+96%)", with breaks in the series and the like-for-like change. */
export function describeSeries(s: Series, m: MeasureInfo, breaks: readonly SeriesBreak[], unit: 'rate' | 'count'): string {
  const vals = s.points.filter((p) => p.cell?.kind === 'value').map((p) => ({ year: p.year, value: (p.cell as { value: number }).value }));
  const missing = s.points.filter((p) => p.cell?.kind !== 'value');
  if (!vals.length) return `${s.label}: no figure.`;
  const f = vals[0]!;
  const l = vals[vals.length - 1]!;
  const fy = (y: number) => formatYear(m.period, y);
  const fmt = (n: number) => (unit === 'rate' ? formatRate(n) : formatCount(n, m.countUnit));
  let out = f === l ? `${s.label}: ${fmt(l.value)} in ${fy(l.year)}` : `${s.label}: ${fmt(f.value)} in ${fy(f.year)}, ${fmt(l.value)} in ${fy(l.year)}${f.value !== 0 ? ` (${formatChange(f.value, l.value)})` : ''}`;
  const ch = changeWithBreaks(vals, breaks, unit);
  if (ch && ch.crosses.length) {
    out += `, across ${ch.crosses.length > 1 ? 'breaks' : 'a break'} in the series (${ch.crosses.map((b) => breakPhrase(b, fy)).join('; ')})`;
    if (ch.likeForLike && ch.likeForLike.from.value !== 0) out += `; like for like, ${fmt(ch.likeForLike.from.value)} in ${fy(ch.likeForLike.from.year)} to ${fmt(ch.likeForLike.to.value)} (${formatChange(ch.likeForLike.from.value, ch.likeForLike.to.value)})`;
  }
  if (missing.length) out += `; no figure for ${andList(missing.map((p) => `${fy(p.year)} (${p.cell?.kind === 'missing' ? STATUS_LABEL[p.cell.status] : 'not published'})`))}`;
  return `${out}.`;
}

export function trendShare(m: MeasureInfo, trend: ProfileTrend & { readonly link: string }, breaks: readonly SeriesBreak[], sources: Readonly<Record<string, SourceRef>>): ChartShare<CsvExport> {
  const years = trend.series.flatMap((s) => s.points.map((p) => p.year));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const unitLabel = trend.unit === 'rate' ? 'per 10,000 children aged 0 to 17' : m.countUnit;
  const rows: Row[] = [];
  for (const s of trend.series)
    s.points.forEach((p, i) => {
      const pv = trend.provenance[s.key]?.[i];
      rows.push(csvRow({ code: pv?.code ?? s.key, name: s.label }, p.year, { ...m, unitLabel, breaks }, p.cell, pv?.rateOrigin ?? '', pv?.sourceId, sources));
    });
  const used = refs(trend.sourceIds, sources);
  const head = `Line chart of ${m.label.charAt(0).toLowerCase()}${m.label.slice(1)}, ${unitLabel}, ${formatYear(m.period, first)} to ${formatYear(m.period, last)}.`;
  const own = trend.series[trend.series.length - 1]!;
  return {
    title: trendTitle(m, trend, first, last),
    sourceText: sourceLineText(used, rateNoteFromYears(new Set(trend.publishedRateYears), new Set(trend.computedRateYears))),
    description: `${head} ${trend.series.map((s) => describeSeries(s, m, breaks, trend.unit)).join(' ')}`,
    path: trend.link,
    embedPath: trend.link.replace(/^\/measures\//, '/embed/'),
    csv: { filename: `${m.id}-${trend.unit}-${slug(own.label)}-${first}-${last}`, columns: CSV_COLUMNS, rows } satisfies CsvExport,
    cite: citationFromSources(used, `${m.label}, ${unitLabel}, ${andList(trend.series.map((s) => s.label))}`, `${formatYear(m.period, first)} to ${formatYear(m.period, last)}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Deprivation and factors.

export function describeDeciles(area: AreaRef, d: NonNullable<DeprivationSummary['deciles']>): string {
  const pct = (x: number) => `${formatRate(100 * x)}%`;
  const isEngland = area.code === 'E92000001';
  const items = d.area.map((s, i) => `decile ${i + 1}: ${pct(s)}${isEngland ? '' : ` (England ${pct(d.england[i]!)})`}`);
  return `Bar chart of the share of ${area.name}'s children aged 0 to 15 living in each tenth of England's neighbourhoods by deprivation (Index of Multiple Deprivation 2019), from decile 1, the most deprived 10%, to decile 10, the least deprived: ${items.join('; ')}.`;
}

export function decilesShare(area: AreaRef, d: NonNullable<DeprivationSummary['deciles']>, sources: Readonly<Record<string, SourceRef>>): ChartShare<CsvExport> {
  const isEngland = area.code === 'E92000001';
  const rows: Row[] = [];
  const m = { id: 'imd-2019-children-by-decile', period: 'year' as const, unitLabel: 'share of children aged 0 to 15 (mid-2015)' };
  d.area.forEach((s, i) => {
    rows.push([area.code, area.name, 2019, `IMD 2019 decile ${i + 1}`, m.id, m.unitLabel, s, 'ok', '', '', d.sourceId, sources[d.sourceId]?.citation ?? '', '']);
    if (!isEngland) rows.push(['E92000001', 'England', 2019, `IMD 2019 decile ${i + 1}`, m.id, m.unitLabel, d.england[i]!, 'ok', '', '', d.sourceId, sources[d.sourceId]?.citation ?? '', '']);
  });
  const used = refs([d.sourceId], sources);
  return {
    title: `Children by neighbourhood deprivation: ${area.name}${isEngland ? '' : ' and England'}, IMD 2019 deciles`,
    sourceText: sourceLineText(used, 'Shares of children aged 0 to 15 (mid-2015) computed here from the LSOA files.'),
    description: describeDeciles(area, d),
    path: pageOf(area.code, 'deprivation'),
    embedPath: embedOf(area.code, 'deprivation'),
    csv: { filename: `${slug(area.name)}-children-by-imd-2019-decile`, columns: CSV_COLUMNS, rows },
    cite: citationFromSources(used, `Children by neighbourhood deprivation decile, ${area.name}`, '2019'),
  };
}
