import { breakPhrase, breaksBetween, breaksForUnit } from '../breaks';
import type { MeasureData } from '../explorer/types';
import { formatNumber, formatRate, formatYear } from '../format';
import { FUNNEL_CLASS_LABEL } from '../stats/funnel';
import { strengthWord } from '../stats/fit';
import type { AdjustedResult } from './adjusted';
import { classCounts } from './adjusted';
import { gapRatio } from './gap';
import { SCALE_INFO, type ScatterResult } from './scatter';
import type { GapSeries, GradientMeasure, GradientSeries, MeasureHead, PublishedFigure } from './types';

/**
 * Titles and generated text descriptions of the /inequalities/ charts, with their key numbers: what
 * "Describe this chart" shows, what screen readers reach, and what exports carry. Pure.
 */

const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
/** Lower-case the first letter, unless the word is an acronym (IMD, IDACI). */
const lower = (s: string) => (/^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
/** "in 2024-25" for a year's flow, "on 31 March 2025" for a day's snapshot. */
export const when = (period: string, label: string) => `${period === '31-march' || period === '30-september' ? 'on' : 'in'} ${label}`;
export const times = (r: number) => `${r.toFixed(r < 10 ? 1 : 0)} times`;
export const formatRho = (rho: number) => (rho < 0 ? `−${Math.abs(rho).toFixed(2)}` : rho.toFixed(2));

export const GRADIENT_MEASURE_LABEL: Record<GradientMeasure, string> = {
  plans: 'Child protection plans (England) and the child protection register (Wales)',
  'looked-after': 'Children looked after',
};

export function decileWords(d: number): string {
  return d === 1 ? 'most deprived 10%' : d === 10 ? 'least deprived 10%' : `decile ${d}`;
}

export function gradientTitle(year: number): string {
  return `Children on a child protection plan or register and children looked after, per 10,000 children, by neighbourhood deprivation decile: England and Wales, 31 March ${year}`;
}

export function describeGradient(series: readonly GradientSeries[]): string {
  const year = series[0]?.year ?? 2015;
  const parts: string[] = [];
  for (const measure of ['plans', 'looked-after'] as const) {
    const ss = series.filter((s) => s.measure === measure);
    const ends = ss.map((s) => `${s.country} ${formatNumber(s.points[0]!.rate)} in the most deprived 10% of neighbourhoods and ${formatNumber(s.points[9]!.rate)} in the least deprived 10%`);
    const en = ss.find((s) => s.country === 'England');
    const wa = ss.find((s) => s.country === 'Wales');
    let contrast = '';
    if (en && wa) {
      const higher = wa.points.filter((p, i) => p.rate > en.points[i]!.rate).map((p) => p.decile);
      contrast = higher.length === 10 ? ' Wales’s rate is above England’s in every decile.' : higher.length === 0 ? ' Wales’s rate is not above England’s in any decile.' : ` Wales’s rate is above England’s in ${higher.length === 1 ? 'decile' : 'deciles'} ${list(higher.map(String))} of 10 (each country’s deciles are of its own deprivation index).`;
    }
    parts.push(`${GRADIENT_MEASURE_LABEL[measure]}: ${list(ends)}.${contrast}`);
  }
  return `Chart of rates per 10,000 children by neighbourhood deprivation decile, from the most deprived 10% of neighbourhoods (decile 1) to the least deprived (decile 10), on 31 March ${year}, from the Child Welfare Inequalities Project (England: its 18-council sample; whole numbers, from a secondary copy of the Final Report’s figures). ${parts.join(' ')}`;
}

export function scatterTitle(data: MeasureData, result: ScatterResult): string {
  return `${data.measure.label}: rate per 10,000 children against ${lower(SCALE_INFO[result.scale].short)}, every council, ${formatYear(data.measure.period, result.year)}`;
}

export function describeScatter(data: MeasureData, result: ScatterResult, names: { selected: readonly string[]; regionName?: string }): string {
  const m = data.measure;
  const info = SCALE_INFO[result.scale];
  const year = formatYear(m.period, result.year);
  const head = `Scatter plot of ${lower(m.label)}, per 10,000 children aged 0 to 17, ${year}, against ${lower(info.short)}: ${result.points.length} councils.`;
  if (result.points.length === 0) return `${head} No council has both figures for this year.`;
  const f = result.fit;
  const fit =
    f.rho === undefined
      ? ''
      : ` Spearman’s rank correlation ρ = ${formatRho(f.rho)} (${strengthWord(f.rho)}${Math.abs(f.rho) >= 0.2 ? `: councils with ${f.rho > 0 ? 'more' : 'less'} deprivation tend to have higher rates` : ''}).${f.line ? ` Theil–Sen line: ${f.line.slope >= 0 ? '+' : '−'}${formatRate(Math.abs(f.line.slope))} per 10,000 ${info.per}.` : ''}`;
  const sorted = [...result.points].sort((a, b) => b.y - a.y);
  const pt = (p: (typeof sorted)[number]) => `${p.name} ${formatRate(p.y)} (${info.format(p.x)})`;
  const extremes = ` Highest: ${list(sorted.slice(0, 3).map(pt))}. Lowest: ${list(sorted.slice(-3).reverse().map(pt))}.`;
  const england = result.england !== undefined ? ` England: ${formatRate(result.england)}.` : '';
  const sel = result.points.filter((p) => names.selected.includes(p.code));
  const selected = sel.length ? ` Selected: ${list(sel.map(pt))}.` : '';
  const region = names.regionName ? ` Councils in ${names.regionName} are picked out.` : '';
  const missing = result.missing.length ? ` Not shown: ${list(result.missing.map((x) => `${x.name} (${x.reason})`))}.` : '';
  return `${head}${fit}${england}${extremes}${selected}${region}${missing}`;
}

export function adjustedTitle(data: MeasureData, year: number): string {
  return `${data.measure.label}: each council’s number against the number expected from its children’s neighbourhood deprivation, ${formatYear(data.measure.period, year)}`;
}

export function describeAdjusted(data: MeasureData, r: AdjustedResult, selected: readonly string[]): string {
  const m = data.measure;
  const year = formatYear(m.period, r.year);
  const head = `Funnel plot of ${lower(m.label)}, ${year}: each council’s observed number divided by the number expected from England’s rate${r.englandRate !== undefined ? ` (${formatRate(r.englandRate)} per 10,000)` : ''} and its children’s neighbourhood deprivation (indirect standardisation on CWIP’s 2015 decile rates), against the expected number, with 95% and 99.8% Poisson limits.`;
  if (r.points.length === 0) return `${head} No council has the figures needed for this year.`;
  const c = classCounts(r.points);
  const above = c.above95 + c.above998;
  const below = c.below95 + c.below998;
  const counts = ` ${r.points.length} councils: ${c.within} within the 95% limits; ${above} above (${c.above998} above the 99.8% limit); ${below} below (${c.below998} below the 99.8% limit).`;
  const sorted = [...r.points].sort((a, b) => b.ratio - a.ratio);
  const pt = (p: (typeof sorted)[number]) => `${p.name} ${p.ratio.toFixed(2)} (${formatNumber(p.observed)} against ${formatNumber(Math.round(p.expected))} expected)`;
  const extremes = ` Highest ratios: ${list(sorted.slice(0, 3).map(pt))}. Lowest: ${list(sorted.slice(-3).reverse().map(pt))}.`;
  const sel = r.points.filter((p) => selected.includes(p.code));
  const selText = sel.length ? ` Selected: ${list(sel.map((p) => `${pt(p)}, ${FUNNEL_CLASS_LABEL[p.cls]}`))}.` : '';
  const missing = r.missing.length ? ` Not shown: ${list(r.missing.map((x) => `${x.name} (${x.reason})`))}.` : '';
  return `${head}${counts}${extremes}${selText}${missing} This describes how councils differ once deprivation is allowed for; it does not judge their practice: at the same neighbourhood deprivation, CWIP found that less deprived councils intervene more.`;
}

export function gapTitle(data: MeasureHead, from: number, to: number): string {
  return `${data.measure.label}: rate per 10,000 children in the most and least deprived fifths of councils (IMD 2019), ${formatYear(data.measure.period, from)} to ${formatYear(data.measure.period, to)}`;
}

/** The breaks a gap chart crosses (rates: counting changes and new population bases). */
export function gapBreaks(data: MeasureHead, g: GapSeries) {
  const ys = g.years.filter((y) => y.most && y.least).map((y) => y.year);
  if (ys.length < 2) return [];
  return breaksBetween(breaksForUnit(data.breaks, 'rate'), ys[0]!, ys[ys.length - 1]!);
}

export function describeGap(data: MeasureHead, g: GapSeries): string {
  const m = data.measure;
  const fy = (y: number) => formatYear(m.period, y);
  const shown = g.years.filter((y) => y.most && y.least);
  const head = `Line chart of ${lower(m.label)}, per 10,000 children aged 0 to 17, in the most deprived fifth of councils and the least deprived fifth (councils ranked by their IMD 2019 average score; pooled rates computed here from counts and populations), with England’s rate. A comparison of councils, not of neighbourhoods.`;
  if (shown.length === 0) return `${head} No year has figures for both fifths.`;
  const at = (y: (typeof shown)[number]) => `${when(m.period, fy(y.year))} the most deprived fifth’s rate was ${formatRate(y.most!.rate)} (${y.most!.councils} councils) and the least deprived fifth’s ${formatRate(y.least!.rate)} (${y.least!.councils} councils), ${times(gapRatio(y)!)} as high`;
  const first = shown[0]!;
  const last = shown[shown.length - 1]!;
  const span = first === last ? `${at(first)}.` : `${at(first)}; ${at(last)}.`;
  const breaks = gapBreaks(data, g);
  const br = breaks.length ? ` The years cross ${breaks.length > 1 ? 'breaks' : 'a break'} in the series: ${list(breaks.map((b) => breakPhrase(b, fy)))}; figures either side are not fully comparable.` : '';
  return `${head} ${span.charAt(0).toUpperCase()}${span.slice(1)}${br}`;
}

const QUALIFIER_WORDS: Record<string, string> = { 'as stated': '', 'more than': 'more than ', about: 'about ', almost: 'almost ' };

/**
 * A published CWIP figure in a few words, as it was published: a ratio stays a ratio ("more than 10
 * times"), a "1 in N" stays in its words ("around one in 60"), a rate stays a rate.
 */
export function figureHeadline(f: Pick<PublishedFigure, 'kind' | 'ratio' | 'qualifier' | 'label' | 'rate' | 'rateBasis'>): string {
  if (f.kind === 'ratio') {
    const q = QUALIFIER_WORDS[f.qualifier ?? 'as stated'] ?? '';
    return `${q}${formatNumber(f.ratio!)} times${f.label === 'per decile step' ? ' per decile step' : ''}`;
  }
  const oneIn = /from '([^']+)'/.exec(f.rateBasis);
  if (oneIn) return oneIn[1]!;
  return `${formatNumber(f.rate!)} per 10,000`;
}
