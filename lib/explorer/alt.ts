import { breakPhrase, changeWithBreaks } from '../breaks';
import { formatChange, formatOrdinal, formatYear } from '../format';
import { STATUS_LABEL } from '../status';
import { cellAt, councilsIn, ENGLAND, valueAt } from './access';
import { unitLabel, valueFormatter, yearRange } from './describe';
import type { AreaMeta, MeasureData, Unit } from './types';

/**
 * Text descriptions of charts with their key numbers: what a screen reader announces, what
 * "Describe this chart" shows, and the alt text of embeds and images. Pure.
 */

const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** "England: 79.6 in 2009-10, 189.3 in 2024-25 (+138%)." — first and last figures in range and the change. */
export function describeLine(data: MeasureData, unit: Unit, area: AreaMeta, from: number, to: number): string {
  const m = data.measure;
  const fmt = valueFormatter(m, unit);
  const years = data.years.filter((y) => y >= from && y <= to && (area.level !== 'la' || (y >= area.firstYear && (area.lastYear === undefined || y <= area.lastYear))));
  const withValue = years.filter((y) => valueAt(data, unit, area.code, y) !== undefined);
  const missing = years.filter((y) => cellAt(data, unit, area.code, y)?.kind !== 'value');
  const name = area.level === 'la' && area.lastYear !== undefined && area.lastYear < m.lastYear ? `${area.name} (abolished after ${area.lastYear})` : area.level === 'la' && area.firstYear > m.firstYear ? `${area.name} (created ${area.firstYear})` : area.name;
  if (withValue.length === 0) return `${name}: no figure in these years.`;
  const y0 = withValue[0]!;
  const y1 = withValue[withValue.length - 1]!;
  const v0 = valueAt(data, unit, area.code, y0)!;
  const v1 = valueAt(data, unit, area.code, y1)!;
  let s = y0 === y1 ? `${name}: ${fmt(v1)} in ${formatYear(m.period, y1)}` : `${name}: ${fmt(v0)} in ${formatYear(m.period, y0)}, ${fmt(v1)} in ${formatYear(m.period, y1)}${v0 !== 0 ? ` (${formatChange(v0, v1)})` : ''}`;
  // A change across a break in the series compares figures counted differently: say so, and give the like-for-like change.
  const crossing = changeWithBreaks(withValue.map((y) => ({ year: y, value: valueAt(data, unit, area.code, y)! })), data.breaks, unit);
  if (crossing && crossing.crosses.length > 0) {
    s += `, across ${crossing.crosses.length > 1 ? 'breaks' : 'a break'} in the series (${crossing.crosses.map((b) => breakPhrase(b, (y) => formatYear(m.period, y))).join('; ')})`;
    const l = crossing.likeForLike;
    if (l && l.from.value !== 0) s += `; like for like, ${fmt(l.from.value)} in ${formatYear(m.period, l.from.year)} to ${fmt(l.to.value)} (${formatChange(l.from.value, l.to.value)})`;
  }
  if (missing.length) {
    const reasons = missing.map((y) => {
      const c = cellAt(data, unit, area.code, y);
      return `${formatYear(m.period, y)} (${c?.kind === 'missing' ? STATUS_LABEL[c.status] : 'not published'})`;
    });
    s += `; no figure for ${list(reasons)}`;
  }
  return `${s}.`;
}

export function describeTrend(data: MeasureData, unit: Unit, shown: readonly AreaMeta[], from: number, to: number, quoteCount = 0): string {
  const m = data.measure;
  const head = `Line chart of ${m.label.charAt(0).toLowerCase()}${m.label.slice(1)}, ${unitLabel(m, unit)}, ${yearRange(m, from, to)}.`;
  const regions = shown.filter((a) => a.level === 'region');
  const lines = shown.filter((a) => a.level !== 'region' || regions.length <= 3).map((a) => describeLine(data, unit, a, from, to));
  const regionNote = regions.length > 3 ? ` Lines for all ${regions.length} regions are also drawn (see the table view).` : '';
  const quotes = quoteCount ? ` ${quoteCount} marker${quoteCount > 1 ? 's' : ''} on the year axis show what reports said.` : '';
  return `${head} ${lines.join(' ')}${regionNote}${quotes}`;
}

interface Ranked {
  readonly area: AreaMeta;
  readonly value: number;
}

function ranked(data: MeasureData, unit: Unit, year: number): { values: Ranked[]; missing: string[] } {
  const councils = councilsIn(data, year);
  const values: Ranked[] = [];
  const missing: string[] = [];
  for (const a of councils) {
    const c = cellAt(data, unit, a.code, year);
    if (c?.kind === 'value') values.push({ area: a, value: c.value });
    else missing.push(`${a.name} (${c ? STATUS_LABEL[c.status] : 'not published'})`);
  }
  values.sort((x, y) => y.value - x.value);
  return { values, missing };
}

function rankSummary(data: MeasureData, unit: Unit, year: number, selected: readonly string[]): string {
  const fmt = valueFormatter(data.measure, unit);
  const { values, missing } = ranked(data, unit, year);
  if (values.length === 0) return 'No council has a figure for this year.';
  const top = values.slice(0, 3).map((r) => `${r.area.name} ${fmt(r.value)}`);
  const bottom = values.slice(-3).reverse().map((r) => `${r.area.name} ${fmt(r.value)}`);
  const mid = values[Math.floor((values.length - 1) / 2)]!.value;
  const england = valueAt(data, unit, ENGLAND, year);
  const parts = [`Highest: ${list(top)}.`, `Lowest: ${list(bottom)}.`, `Middle council: ${fmt(mid)}.`];
  if (england !== undefined) parts.push(`England: ${fmt(england)}.`);
  for (const code of selected) {
    const i = values.findIndex((r) => r.area.code === code);
    if (i >= 0) parts.push(`${values[i]!.area.name}: ${fmt(values[i]!.value)}, ${i === 0 ? 'highest' : `${formatOrdinal(i + 1)} highest`} of ${values.length}.`);
  }
  if (missing.length) parts.push(`No figure: ${list(missing.slice(0, 6))}${missing.length > 6 ? ` and ${missing.length - 6} more` : ''}.`);
  return parts.join(' ');
}

export function describeRank(data: MeasureData, unit: Unit, year: number, selected: readonly string[], plot: 'dots' | 'funnel'): string {
  const m = data.measure;
  const n = ranked(data, unit, year).values.length;
  const head =
    plot === 'funnel'
      ? `Funnel plot of ${n} councils' ${m.shortLabel.toLowerCase()} rates per 10,000 children against their number of children aged 0 to 17, ${formatYear(m.period, year)}, with England's rate as the centre line and 95% and 99.8% limits.`
      : `Dot plot ranking ${n} councils by ${m.shortLabel.toLowerCase()}, ${unitLabel(m, unit)}, ${formatYear(m.period, year)}.`;
  return `${head} ${rankSummary(data, unit, year, selected)}`;
}

export function describeMap(data: MeasureData, unit: Unit, year: number, selected: readonly string[], bandLabels: readonly string[]): string {
  const m = data.measure;
  const n = councilsIn(data, year).length;
  const head = `Two maps of England's ${n} councils, a hex cartogram sized by population and a map of council boundaries, coloured by ${m.shortLabel.toLowerCase()}, ${unitLabel(m, unit)}, ${formatYear(m.period, year)}, in ${bandLabels.length} bands: ${list(bandLabels)}. Hatched councils have no figure.`;
  return `${head} ${rankSummary(data, unit, year, selected)}`;
}

/**
 * The table view in words: what it holds and its key numbers (the first and last figure of each
 * area, or the highest, lowest and middle council of the year).
 */
export function describeTable(data: MeasureData, unit: Unit, mode: 'areas' | 'councils', shown: readonly AreaMeta[], from: number, to: number, year: number, selected: readonly string[]): string {
  const m = data.measure;
  const what = `${m.label.charAt(0).toLowerCase()}${m.label.slice(1)}, ${unitLabel(m, unit)}`;
  if (mode === 'councils') {
    const n = councilsIn(data, year).length;
    return `Table of ${what}, ${formatYear(m.period, year)}: England and ${n} councils, largest figure first. ${rankSummary(data, unit, year, selected)}`;
  }
  const n = data.years.filter((y) => y >= from && y <= to).length;
  return `Table of ${what}, ${yearRange(m, from, to)}: ${shown.length} area${shown.length > 1 ? 's' : ''} by ${n} year${n > 1 ? 's' : ''}. ${shown.map((a) => describeLine(data, unit, a, from, to)).join(' ')}`;
}
