import { chartBreaks } from '../explorer/breaks';
import { rateNote } from '../explorer/describe';
import type { MeasureData, Series, SourceRef } from '../explorer/types';
import { formatRate, formatYear, formatYearShort } from '../format';
import type { ChartShare } from '../share/types';
import { strengthWord, type Line } from '../stats/fit';
import type { FunnelClass } from '../stats/funnel';
import { RATIO_CLASS_SHORT } from '../stats/standardise';
import { adjustedFor, classCounts } from './adjusted';
import { adjustedTitle, decileWords, when, formatRho, gapBreaks, gapTitle, GRADIENT_MEASURE_LABEL, gradientTitle, scatterTitle, times } from './describe';
import { gapRatio } from './gap';
import { scatterFor, SCALE_INFO } from './scatter';
import { adjustedShare, adjustedSources, gapShare, gradientShare, scatterShare, scatterSources } from './share';
import type { IneqContext, IneqState } from './state';
import type { AdjustedInput, DeprivationScale, GapSeries, GradientChartData, IneqCouncil, IneqRegion, MeasureHead } from './types';

/**
 * The view models of the four /inequalities/ charts (pure): everything a chart frame, its chart and
 * its table show for a state. The page renders the default view of each on the server with these,
 * and the interactive frames use the same functions in the browser, so both draw the same thing.
 */

export interface FrameModel {
  readonly id: string;
  readonly title: string;
  readonly definition: string;
  readonly sources: readonly SourceRef[];
  readonly rateNote?: string;
  readonly notes: readonly string[];
  readonly share: ChartShare;
}

/** How a table column's numbers are written (the component maps these to formatters). */
export type ColumnFormat = 'rate' | 'count' | 'round' | 'ratio' | 'times' | DeprivationScale;

export interface TableModel {
  readonly caption: string;
  readonly columns: readonly { readonly key: string; readonly label: string; readonly numeric?: boolean; readonly format?: ColumnFormat }[];
  readonly rows: readonly { readonly key: string; readonly cells: Readonly<Record<string, string | number | undefined>> }[];
  readonly sort?: { readonly key: string; readonly dir: 'asc' | 'desc' };
}

export interface Missing {
  readonly code: string;
  readonly name: string;
  readonly reason: string;
}

/** Lower-case the first letter, unless the word is an acronym (IMD, IDACI). */
const lower = (s: string) => (/^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const interactNote = 'Select a council (click, or Enter) to label it; hover, or use the arrow keys, to read any dot.';

// ---------------------------------------------------------------------------------------------
// 1. The gradient

/** The caveats that travel with the gradient (chart notes, embed, exports). */
export const GRADIENT_CAVEATS = [
  'Data for 31 March 2015. England: the Child Welfare Inequalities Project’s sample of 18 councils, not all of England; Wales: all 22 councils.',
  'Rates are whole numbers as reproduced from the CWIP Final Report by one of its co-authors (a secondary copy); the report’s own table was not seen.',
  'Each country’s deciles are of its own deprivation index (England’s IMD, Wales’s WIMD), so decile 1 is not the same level of deprivation in both.',
  'The Wales rates imply larger most-to-least-deprived gaps than Cardiff University’s February 2017 release gave (24 times for the register, 16 for care): read the Wales lines with caution.',
] as const;

export interface GradientPanelModel {
  readonly key: 'plans' | 'looked-after';
  readonly title: string;
  readonly series: readonly { readonly key: string; readonly label: string; readonly country: 'England' | 'Wales'; readonly points: readonly { readonly decile: number; readonly value: number }[] }[];
}

export function gradientView(g: GradientChartData, state: IneqState, ctx: IneqContext) {
  const year = g.series[0]?.year ?? 2015;
  const panels: GradientPanelModel[] = (['plans', 'looked-after'] as const).map((measure) => ({
    key: measure,
    title: measure === 'plans' ? 'Child protection plans (England) or register (Wales)' : 'Children looked after',
    series: g.series.filter((s) => s.measure === measure).map((s) => ({ key: `${s.country}-${s.measure}`, label: s.country, country: s.country, points: s.points.map((p) => ({ decile: p.decile, value: p.rate })) })),
  }));
  const frame: FrameModel = {
    id: 'gradient-frame',
    title: gradientTitle(year),
    definition: `${GRADIENT_MEASURE_LABEL.plans} and ${lower(GRADIENT_MEASURE_LABEL['looked-after'])}, per 10,000 children living in neighbourhoods (LSOAs) of each tenth of deprivation, from the most deprived 10% (decile 1) to the least deprived (decile 10). Rates as published by the Child Welfare Inequalities Project; nothing here is re-estimated.`,
    sources: [g.source],
    notes: GRADIENT_CAVEATS,
    share: gradientShare(g, state, ctx),
  };
  const table: TableModel = {
    caption: `${gradientTitle(year)} (CWIP)`,
    columns: [
      { key: 'decile', label: 'Neighbourhood deprivation decile' },
      ...g.series.map((s) => ({ key: `${s.country}-${s.measure}`, label: `${s.country}: ${s.measure === 'plans' ? (s.country === 'England' ? 'plans' : 'register') : 'looked after'}`, numeric: true, format: 'count' as const })),
    ],
    rows: Array.from({ length: 10 }, (_, i) => ({ key: String(i + 1), cells: { decile: `${i + 1} (${decileWords(i + 1)})`, ...Object.fromEntries(g.series.map((s) => [`${s.country}-${s.measure}`, s.points[i]!.rate])) } })),
  };
  return { frame, panels, table };
}

// ---------------------------------------------------------------------------------------------
// 2. The scatter

export interface ScatterModel {
  readonly points: readonly { readonly code: string; readonly name: string; readonly x: number; readonly y: number; readonly group: string | undefined }[];
  readonly scale: DeprivationScale;
  readonly xLabel: string;
  readonly england: number | undefined;
  readonly line: Line | undefined;
  readonly selected: readonly string[];
  readonly highlightGroup: string | undefined;
  readonly missing: readonly Missing[];
}

export function scatterView(args: { md: MeasureData; councils: ReadonlyMap<string, IneqCouncil>; regions: readonly IneqRegion[]; iod: SourceRef; state: IneqState; ctx: IneqContext; interactive: boolean }) {
  const { md, councils, regions, iod, state, ctx, interactive } = args;
  const result = scatterFor(md, councils, state.x, state.year);
  const info = SCALE_INFO[state.x];
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const f = result.fit;
  const fitNote =
    f.rho === undefined
      ? 'Too few councils with both figures for a correlation.'
      : `Spearman’s rank correlation ρ = ${formatRho(f.rho)} across ${f.n} councils (${strengthWord(f.rho)}). The line is a Theil–Sen line, the median of the slopes between every pair of councils${f.line ? ` (${f.line.slope >= 0 ? '+' : '−'}${formatRate(Math.abs(f.line.slope))} per 10,000 ${info.per})` : ''}. Both rest on ranks or medians, so one council with an extreme rate cannot tilt them.`;
  const frame: FrameModel = {
    id: 'scatter-frame',
    title: scatterTitle(md, result),
    definition: `Each dot is a council: its ${lower(md.measure.label)} per 10,000 children aged 0 to 17 (up) against its deprivation (across). ${info.definition} The dashed line is England’s rate.`,
    sources: scatterSources(md, result, iod),
    rateNote: rateNote(md, result.points.map((p) => p.code), [state.year], 'rate'),
    notes: [
      fitNote,
      'Deprivation is of 2019 (children of mid-2015); the rates are of the year shown.',
      ...(result.missing.some((x) => x.reason.startsWith('no IMD 2019 score'))
        ? ['The index’s council summaries cover the councils of April 2019, so councils created or abolished since have no average score; the share of children in the most deprived 10% is computed here for every council.']
        : []),
      ...(interactive ? [interactNote] : []),
    ],
    share: scatterShare({ data: md, result, state, ctx, regions, iod }),
  };
  const chart: ScatterModel = {
    points: result.points.map((p) => ({ ...p, group: p.regionCode ? regionName.get(p.regionCode) : undefined })),
    scale: state.x,
    xLabel: info.label,
    england: result.england,
    line: f.line,
    selected: state.areas,
    highlightGroup: state.region ? regionName.get(state.region) : undefined,
    missing: result.missing,
  };
  const table: TableModel = {
    caption: frame.title,
    columns: [
      { key: 'name', label: 'Council' },
      { key: 'region', label: 'Region' },
      { key: 'x', label: info.short, numeric: true, format: state.x },
      { key: 'y', label: 'Rate per 10,000', numeric: true, format: 'rate' },
      { key: 'note', label: 'Note' },
    ],
    rows: [
      ...result.points.map((p) => ({ key: p.code, cells: { name: p.name, region: (p.regionCode && regionName.get(p.regionCode)) || '', x: p.x, y: p.y, note: '' } })),
      ...result.missing.map((m) => {
        const c = councils.get(m.code);
        return { key: m.code, cells: { name: m.name, region: (c?.regionCode && regionName.get(c.regionCode)) || '', x: c ? info.value(c) : undefined, y: undefined, note: `Not drawn: ${m.reason}` } };
      }),
    ],
    sort: { key: 'x', dir: 'desc' },
  };
  return { frame, chart, table, result };
}

// ---------------------------------------------------------------------------------------------
// 3. The adjusted comparison

/** Said beside the chart, in the embed and in every export: what the comparison is and is not. */
export const ADJUSTED_CAVEAT =
  'Descriptive, not a judgement of performance. “Above expected” means more children than England’s rate and the neighbourhood gradient alone would give; it does not mean too many. CWIP’s “inverse intervention law”: at the same neighbourhood deprivation, less deprived councils intervene more, so affluent councils tend to sit above expected and deprived ones below, whatever their practice.';

export interface AdjustedModel {
  readonly points: readonly { readonly code: string; readonly name: string; readonly expected: number; readonly observed: number; readonly ratio: number; readonly cls: FunnelClass; readonly group: string | undefined }[];
  readonly missing: readonly Missing[];
  readonly selected: readonly string[];
}

export function adjustedView(args: { md: MeasureData; input: AdjustedInput; councils: ReadonlyMap<string, IneqCouncil>; regions: readonly IneqRegion[]; iod: SourceRef; cwip: SourceRef; state: IneqState; ctx: IneqContext; interactive: boolean }) {
  const { md, input, councils, regions, iod, cwip, state, ctx, interactive } = args;
  const result = adjustedFor(md, input, councils, state.adjyear);
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const c = classCounts(result.points);
  const year = formatYear(md.measure.period, state.adjyear);
  const distance = Math.abs(state.adjyear - 2015);
  const frame: FrameModel = {
    id: 'adjusted-frame',
    title: adjustedTitle(md, state.adjyear),
    definition: `Each dot is a council: its number of ${lower(md.measure.shortLabel)} divided by the number expected if its children had England’s rate${result.englandRate !== undefined ? ` (${formatRate(result.englandRate)} per 10,000 ${when(md.measure.period, year)})` : ''}, adjusted for how many of them live in deprived neighbourhoods with CWIP’s 2015 rates by decile (up: 1 = as expected), against the expected number (across, log scale). The funnel shows how far a council could stray from 1 by chance alone.`,
    sources: adjustedSources(md, result, iod, cwip),
    rateNote: 'Expected numbers computed here by indirect standardisation (see the methodology).',
    notes: [
      `${result.points.length} councils: ${c.within} within the 95% limits, ${c.above95 + c.above998} above, ${c.below95 + c.below998} below. Chance alone would put about 5 in 100 outside the 95% limits; councils differ for many other reasons too (recording, thresholds, demography), so many more do.`,
      ...(distance > 0 ? [`The decile rates are of 2015 and the deprivation of 2019; ${year} is ${distance} year${distance > 1 ? 's' : ''} from 2015, and the gradient may have changed since.`] : []),
      ...(interactive ? [interactNote] : []),
    ],
    share: adjustedShare({ data: md, result, input, state, ctx, regions, iod, cwip }),
  };
  const chart: AdjustedModel = {
    points: result.points.map((p) => ({ code: p.code, name: p.name, expected: p.expected, observed: p.observed, ratio: p.ratio, cls: p.cls, group: p.regionCode ? regionName.get(p.regionCode) : undefined })),
    missing: result.missing,
    selected: state.areas,
  };
  const table: TableModel = {
    caption: frame.title,
    columns: [
      { key: 'name', label: 'Council' },
      { key: 'region', label: 'Region' },
      { key: 'observed', label: 'Observed', numeric: true, format: 'count' },
      { key: 'expected', label: 'Expected', numeric: true, format: 'round' },
      { key: 'ratio', label: 'Observed ÷ expected', numeric: true, format: 'ratio' },
      { key: 'obsRate', label: 'Rate per 10,000', numeric: true, format: 'rate' },
      { key: 'expRate', label: 'Expected rate', numeric: true, format: 'rate' },
      { key: 'verdict', label: 'Against the limits' },
    ],
    rows: [
      ...result.points.map((p) => ({
        key: p.code,
        cells: { name: p.name, region: (p.regionCode && regionName.get(p.regionCode)) || '', observed: p.observed, expected: p.expected, ratio: p.ratio, obsRate: p.observedRate, expRate: p.expectedRate, verdict: RATIO_CLASS_SHORT[p.cls] },
      })),
      ...result.missing.map((m) => ({ key: m.code, cells: { name: m.name, region: '', verdict: `Not drawn: ${m.reason}` } })),
    ],
    sort: { key: 'ratio', dir: 'desc' },
  };
  return { frame, chart, table, result };
}

// ---------------------------------------------------------------------------------------------
// 4. The gap

/** "2010-11 to 2013-14, 2019-20" from years. */
function yearRuns(years: readonly number[], fmt: (y: number) => string): string {
  const ys = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
    runs.push(i === j ? fmt(ys[i]!) : `${fmt(ys[i]!)} to ${fmt(ys[j]!)}`);
    i = j + 1;
  }
  return runs.join(', ');
}

export const GAP_LABEL = 'A comparison of councils, not of neighbourhoods: a deprived council has affluent neighbourhoods too, and the other way round.';

export function gapView(args: { head: MeasureHead; gap: GapSeries; iod: SourceRef; state: IneqState; ctx: IneqContext }) {
  const { head, gap, iod, state, ctx } = args;
  const m = head.measure;
  const from = gap.years[0]!.year;
  const to = gap.years[gap.years.length - 1]!.year;
  const series: Series[] = [
    { key: 'england', label: 'England', kind: 'england', points: gap.years.map((y) => ({ year: y.year, cell: y.england === undefined ? undefined : { kind: 'value', value: y.england } })) },
    { key: 'most', label: 'Most deprived fifth', kind: 'area', points: gap.years.map((y) => ({ year: y.year, cell: y.most ? { kind: 'value', value: y.most.rate } : undefined })) },
    { key: 'least', label: 'Least deprived fifth', kind: 'area', points: gap.years.map((y) => ({ year: y.year, cell: y.least ? { kind: 'value', value: y.least.rate } : undefined })) },
  ];
  const breaks = gapBreaks(head, gap);
  // Councils left out of their fifth, grouped: "Isles of Scilly: no figure published 2010-11 to 2013-14; suppressed 2019-20".
  const left = new Map<string, Map<string, number[]>>();
  for (const y of gap.years) {
    for (const x of [...(y.most?.excluded ?? []), ...(y.least?.excluded ?? [])]) {
      const byReason = left.get(x.name) ?? new Map<string, number[]>();
      byReason.set(x.reason, [...(byReason.get(x.reason) ?? []), y.year]);
      left.set(x.name, byReason);
    }
  }
  const excluded = [...left.entries()].map(([name, byReason]) => `${name}: ${[...byReason.entries()].map(([reason, ys]) => `${reason} ${yearRuns(ys, (yr) => formatYearShort(m.period, yr))}`).join('; ')}`);
  const sizes = [...new Set(gap.years.map((y) => y.most?.councils ?? 0).filter((n) => n > 0))].sort((a, b) => a - b);
  const last = gap.years[gap.years.length - 1]!;
  const lastRatio = gapRatio(last);
  const frame: FrameModel = {
    id: 'gap-frame',
    title: gapTitle(head, from, to),
    definition: `${m.definition} Rate per 10,000 children aged 0 to 17 in the councils ranked most deprived and least deprived, each fifth taken together, and England.${lastRatio !== undefined ? ` ${capital(when(m.period, formatYear(m.period, last.year)))} the most deprived fifth’s rate was ${times(lastRatio)} the least deprived fifth’s.` : ''}`,
    sources: [...head.sources, iod],
    rateNote: 'Rates of the fifths computed here from the councils’ counts and populations.',
    notes: [
      GAP_LABEL,
      `Councils are ranked by their IMD 2019 average score; each fifth holds ${sizes.length > 1 ? `${sizes[0]} to ${sizes[sizes.length - 1]}` : (sizes[0] ?? 0)} of the councils of that year with a figure. A fifth’s rate is all its children counted divided by all its children aged 0 to 17 (computed here).`,
      ...breaks.map((b) => `Break in the series, ${formatYearShort(m.period, b.year - 1)} to ${formatYearShort(m.period, b.year)}: ${b.note}`),
      ...(gap.unranked.length ? [`Not ranked (no IMD 2019 average score): ${gap.unranked.map((u) => `${u.name} (${u.years})`).join(', ')}.`] : []),
      ...(excluded.length ? [`Left out of their fifth in some years: ${excluded.join('. ')}.`] : []),
    ],
    share: gapShare({ data: head, gap, state, ctx, iod }),
  };
  const table: TableModel = {
    caption: frame.title,
    columns: [
      { key: 'year', label: 'Year' },
      { key: 'most', label: 'Most deprived fifth', numeric: true, format: 'rate' },
      { key: 'least', label: 'Least deprived fifth', numeric: true, format: 'rate' },
      { key: 'ratio', label: 'Ratio', numeric: true, format: 'times' },
      { key: 'england', label: 'England', numeric: true, format: 'rate' },
    ],
    rows: gap.years.map((y) => ({ key: String(y.year), cells: { year: formatYear(m.period, y.year), most: y.most?.rate, least: y.least?.rate, ratio: gapRatio(y), england: y.england } })),
  };
  return { frame, series, breaks, chartBreaks: chartBreaks(head.breaks, 'rate'), from, to, period: m.period, table };
}
