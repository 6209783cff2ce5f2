import { byAreaOrder, provenanceAt } from '../explorer/access';
import { rateNote, sourcesShown, yearRange } from '../explorer/describe';
import { citationInput, sourceLineText } from '../explorer/share';
import type { MeasureData, SourceRef } from '../explorer/types';
import { formatYear } from '../format';
import type { ChartShare, CitationInput, CsvExport } from '../share/types';
import { ratioLimits, RATIO_CLASS_SHORT } from '../stats/standardise';
import type { AdjustedResult } from './adjusted';
import { adjustedTitle, decileWords, describeAdjusted, describeGap, describeGradient, describeScatter, gapTitle, gradientTitle, scatterTitle } from './describe';
import { gapRatio } from './gap';
import { SCALE_INFO, type ScatterResult } from './scatter';
import { chartPaths, type IneqContext, type IneqState } from './state';
import type { AdjustedInput, GapSeries, GradientChartData, IneqCouncil, IneqRegion, MeasureHead } from './types';

/**
 * What each /inequalities/ chart's share kit shares (pure): the permalink and embed path of the view,
 * a CSV of exactly the figures shown, the citation inputs and the description.
 */

const r2 = (n: number) => Math.round(n * 100) / 100;
const r4 = (n: number) => Math.round(n * 10_000) / 10_000;

function publishedYearOf(s: SourceRef): number {
  const m = /(\d{4})/.exec(s.published) ?? /(\d{4})/.exec(s.release);
  return m ? Number(m[1]) : 0;
}

/** Citation of a non-DfE source (CWIP): its publisher, title and release as sources.csv has them. */
function citeSource(s: SourceRef, subject: string, dataYears: string): CitationInput {
  return { publisher: s.publisher, publication: s.title, release: s.release, table: s.table, publishedYear: publishedYearOf(s), releaseUrl: s.url, subject, dataYears, otherReleases: 0 };
}

// ---------------------------------------------------------------------------------------------

export function gradientCsv(g: GradientChartData): CsvExport {
  const rows = g.series.flatMap((s) =>
    s.points.map((p) => [s.country, s.measure === 'plans' ? 'child-protection-plans' : 'looked-after', s.sourceMeasure, p.decile, decileWords(p.decile), p.rate, `31 March ${s.year}`, g.source.id, p.rowRef, g.source.citation]),
  );
  return {
    filename: `cwip-rates-by-deprivation-decile-england-wales-${g.series[0]?.year ?? 2015}`,
    columns: ['country', 'measure', 'measure_as_published', 'decile', 'decile_meaning', 'rate_per_10k', 'date', 'source_id', 'row_ref', 'source'],
    rows,
  };
}

export function gradientShare(g: GradientChartData, s: IneqState, ctx: IneqContext): ChartShare<CsvExport> {
  const year = g.series[0]?.year ?? 2015;
  return {
    title: gradientTitle(year),
    sourceText: `${sourceLineText([g.source])} England: CWIP’s sample of 18 councils; whole numbers, as reproduced from the report by a CWIP co-author (secondary copy).`,
    description: describeGradient(g.series),
    ...chartPaths('gradient', s, ctx),
    csv: gradientCsv(g),
    cite: citeSource(g.source, 'Children on child protection plans or registers and children looked after, rate per 10,000 children, by neighbourhood deprivation decile, England and Wales', `31 March ${year}`),
  };
}

// ---------------------------------------------------------------------------------------------

const regionNameOf = (regions: readonly IneqRegion[], code: string | undefined) => regions.find((r) => r.code === code)?.name ?? '';

export function scatterSources(data: MeasureData, r: ScatterResult, iod: SourceRef): SourceRef[] {
  return [...sourcesShown(data, ['E92000001', ...r.points.map((p) => p.code)], [r.year]), iod];
}

export function scatterCsv(data: MeasureData, r: ScatterResult, regions: readonly IneqRegion[]): CsvExport {
  const m = data.measure;
  const info = SCALE_INFO[r.scale];
  const line = r.fit.line;
  const src = (code: string) => {
    const p = provenanceAt(data, code, r.year);
    return { id: p?.sourceId ?? '', origin: p?.rateOrigin ?? '', citation: data.sources.find((s) => s.id === p?.sourceId)?.citation ?? '' };
  };
  const rows: (string | number)[][] = [];
  if (r.england !== undefined) {
    const s = src('E92000001');
    rows.push(['E92000001', 'England', '', r.year, formatYear(m.period, r.year), m.id, r.england, 'ok', s.origin, r.scale, '', '', s.id, s.citation]);
  }
  for (const p of [...r.points].sort(byAreaOrder(data))) {
    const s = src(p.code);
    rows.push([p.code, p.name, regionNameOf(regions, p.regionCode), r.year, formatYear(m.period, r.year), m.id, p.y, 'ok', s.origin, r.scale, r4(p.x), line ? r2(line.intercept + line.slope * p.x) : '', s.id, s.citation]);
  }
  for (const x of r.missing) rows.push([x.code, x.name, '', r.year, formatYear(m.period, r.year), m.id, '', `not shown: ${x.reason}`, '', r.scale, '', '', '', '']);
  return {
    filename: `${m.id}-rate-against-${r.scale}-councils-${r.year}`,
    columns: ['area_code', 'area_name', 'region', 'year', 'period', 'measure', 'rate_per_10k', 'status', 'rate_origin', 'deprivation_scale', `deprivation_value (${info.short})`, 'theil_sen_line_rate', 'source_id', 'source'],
    rows,
  };
}

export function scatterShare(args: { data: MeasureData; result: ScatterResult; state: IneqState; ctx: IneqContext; regions: readonly IneqRegion[]; iod: SourceRef }): ChartShare<CsvExport> {
  const { data, result, state, ctx, regions, iod } = args;
  const m = data.measure;
  const sources = scatterSources(data, result, iod);
  const note = rateNote(data, result.points.map((p) => p.code), [result.year], 'rate');
  return {
    title: scatterTitle(data, result),
    sourceText: sourceLineText(sources, note),
    description: describeScatter(data, result, { selected: state.areas, regionName: state.region ? regionNameOf(regions, state.region) : undefined }),
    ...chartPaths('scatter', state, ctx),
    csv: scatterCsv(data, result, regions),
    cite: citationInput(data, sources.filter((s) => s.id !== iod.id), `${m.label}, rate per 10,000 children, against ${SCALE_INFO[result.scale].short} (English Indices of Deprivation 2019), every council in England`, formatYear(m.period, result.year)),
  };
}

// ---------------------------------------------------------------------------------------------

export function adjustedSources(data: MeasureData, r: AdjustedResult, iod: SourceRef, cwip: SourceRef): SourceRef[] {
  return [...sourcesShown(data, ['E92000001', ...r.points.map((p) => p.code)], [r.year]), iod, cwip];
}

export function adjustedCsv(data: MeasureData, r: AdjustedResult, input: AdjustedInput, regions: readonly IneqRegion[]): CsvExport {
  const m = data.measure;
  const rows: (string | number)[][] = [];
  for (const p of [...r.points].sort(byAreaOrder(data))) {
    const l = ratioLimits(p.expected);
    const src = provenanceAt(data, p.code, r.year);
    rows.push([
      p.code,
      p.name,
      regionNameOf(regions, p.regionCode),
      r.year,
      formatYear(m.period, r.year),
      m.id,
      p.observed,
      p.children,
      r2(p.observedRate),
      r.englandRate ?? '',
      r4(input.relative[p.code]!),
      r2(p.expectedRate),
      r2(p.expected),
      r4(p.ratio),
      r4(l.lower998),
      r4(l.lower95),
      r4(l.upper95),
      r4(l.upper998),
      RATIO_CLASS_SHORT[p.cls],
      src?.sourceId ?? '',
    ]);
  }
  for (const x of r.missing) rows.push([x.code, x.name, '', r.year, formatYear(m.period, r.year), m.id, '', '', '', r.englandRate ?? '', input.relative[x.code] !== undefined ? r4(input.relative[x.code]!) : '', '', '', '', '', '', '', '', `not shown: ${x.reason}`, '']);
  return {
    filename: `${m.id}-observed-against-expected-from-deprivation-${r.year}`,
    columns: [
      'area_code',
      'area_name',
      'region',
      'year',
      'period',
      'measure',
      'observed_count',
      'children_0_17',
      'observed_rate_per_10k',
      'england_rate_per_10k',
      'relative_deprivation_index',
      'expected_rate_per_10k',
      'expected_count',
      'observed_to_expected',
      'lower_99_8',
      'lower_95',
      'upper_95',
      'upper_99_8',
      'funnel_position',
      'source_id',
    ],
    rows,
  };
}

export function adjustedShare(args: { data: MeasureData; result: AdjustedResult; input: AdjustedInput; state: IneqState; ctx: IneqContext; regions: readonly IneqRegion[]; iod: SourceRef; cwip: SourceRef }): ChartShare<CsvExport> {
  const { data, result, input, state, ctx, regions, iod, cwip } = args;
  const m = data.measure;
  const sources = adjustedSources(data, result, iod, cwip);
  return {
    title: adjustedTitle(data, result.year),
    sourceText: `${sourceLineText(sources)} Expected numbers computed here (indirect standardisation; see the methodology).`,
    description: describeAdjusted(data, result, state.areas),
    ...chartPaths('adjusted', state, ctx),
    csv: adjustedCsv(data, result, input, regions),
    cite: citationInput(data, sources.filter((s) => s.id !== iod.id && s.id !== cwip.id), `${m.label}, observed and expected from neighbourhood deprivation (computed here), every council in England`, formatYear(m.period, result.year)),
  };
}

// ---------------------------------------------------------------------------------------------

export function gapCsv(data: MeasureHead, g: GapSeries): CsvExport {
  const m = data.measure;
  const rows: (string | number)[][] = [];
  for (const y of g.years) {
    const ratio = gapRatio(y);
    for (const [group, gr] of [
      ['most deprived fifth of councils', y.most],
      ['least deprived fifth of councils', y.least],
    ] as const) {
      rows.push([y.year, formatYear(m.period, y.year), m.id, group, gr ? r2(gr.rate) : '', gr?.count ?? '', gr?.children ?? '', gr?.councils ?? '', gr ? gr.excluded.map((x) => `${x.name} (${x.reason})`).join('; ') : '', ratio !== undefined ? r4(ratio) : '']);
    }
    rows.push([y.year, formatYear(m.period, y.year), m.id, 'England', y.england ?? '', '', '', '', '', '']);
  }
  return {
    filename: `${m.id}-rate-most-and-least-deprived-fifths-of-councils-${g.years[0]?.year}-${g.years[g.years.length - 1]?.year}`,
    columns: ['year', 'period', 'measure', 'group', 'rate_per_10k', 'count', 'children_0_17', 'councils', 'councils_left_out', 'ratio_most_to_least'],
    rows,
  };
}

export function gapShare(args: { data: MeasureHead; gap: GapSeries; state: IneqState; ctx: IneqContext; iod: SourceRef }): ChartShare<CsvExport> {
  const { data, gap, state, ctx, iod } = args;
  const m = data.measure;
  const from = gap.years[0]!.year;
  const to = gap.years[gap.years.length - 1]!.year;
  const sources = [...data.sources, iod];
  return {
    title: gapTitle(data, from, to),
    sourceText: `${sourceLineText(sources)} Rates of each fifth computed here from the councils’ counts and populations.`,
    description: describeGap(data, gap),
    ...chartPaths('gap', state, ctx),
    csv: gapCsv(data, gap),
    cite: citationInput(data, data.sources, `${m.label}, rate per 10,000 children, most and least deprived fifths of councils by IMD 2019 (computed here), England`, yearRange(m, from, to)),
  };
}

/** Councils by code, for the pure functions. */
export const councilMap = (cs: readonly IneqCouncil[]) => new Map(cs.map((c) => [c.code, c]));
