import { formatCount, formatOrdinal, formatRate, formatYear } from '../format';
import { oneIn } from '../pathway';
import type { PeriodType } from '../schema/tables';
import { STATUS_LABEL, STATUS_MEANING, type Cell } from '../status';
import type { FunnelVerdict, RankOf } from './headline';

/** Wording of the area pages' figures (pure; server, browser, descriptions and tests share it). */

/** What a measure's figures are called on an area page: the catalogue's entry, less what the page does not need. */
export interface MeasureInfo {
  readonly id: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly definition: string;
  readonly period: PeriodType;
  readonly countUnit: string;
  readonly hasRate: boolean;
}

export const RATE_UNIT = 'per 10,000 children';

/** "184", "suppressed", "no figure". */
export function cellText(c: Cell | undefined, fmt: (n: number) => string = formatRate): string {
  if (c === undefined) return 'no figure';
  return c.kind === 'value' ? fmt(c.value) : STATUS_LABEL[c.status];
}

/** Why a figure is missing, in a sentence ("Suppressed by DfE …"), or undefined for a value. */
export function missingReason(c: Cell | undefined): string | undefined {
  if (c === undefined) return 'No figure was published for this area and year.';
  return c.kind === 'missing' ? STATUS_MEANING[c.status] : undefined;
}

/** "531 children", "£55.7m", "17.9%". */
export function countText(c: Cell | undefined, m: Pick<MeasureInfo, 'countUnit'>): string {
  if (c?.kind !== 'value') return cellText(c);
  const symbol = m.countUnit === '£' || m.countUnit === '%';
  return `${formatCount(c.value, m.countUnit)}${symbol ? '' : ` ${m.countUnit}`}`;
}

/** "1st highest of 151 councils" (tied: "joint 3rd highest"). */
export function rankText(r: RankOf): string {
  const place = r.position === 1 ? 'highest' : `${formatOrdinal(r.position)} highest`;
  return `${r.tied ? 'joint ' : r.position === 1 ? 'the ' : ''}${place} of ${r.of} ${r.among}`;
}

export const FUNNEL_WORDS: Readonly<Record<FunnelVerdict, { short: string; long: string }>> = {
  above: { short: 'Above the 99.8% limits', long: "higher than England's rate by more than chance would explain for a council of this size" },
  below: { short: 'Below the 99.8% limits', long: "lower than England's rate by more than chance would explain for a council of this size" },
  within: { short: 'Within the 99.8% limits', long: "not far enough from England's rate to rule out chance for a council of this size" },
};

export const yearText = (m: Pick<MeasureInfo, 'period'>, year: number) => formatYear(m.period, year);

/** "1 in 3" / "87 in 100" style conversion wording between two pathway steps. */
export function conversionText(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return 'not known';
  // Close to one (0.87), "1 in 1" says nothing: "87 in 100" does.
  if (ratio > 0.6 && ratio < 1) return `${Math.round(ratio * 100)} in 100`;
  return oneIn(ratio);
}

/** "a, b and c". */
export const andList = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** The entries of a record under some keys (what a client component needs, and no more). */
export function pickMeasures<T>(rec: Readonly<Record<string, T>>, ids: Iterable<string>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id of ids) if (rec[id] !== undefined) out[id] = rec[id]!;
  return out;
}

const singular = (noun: string) => noun.replace(/ies$/, 'y').replace(/s$/, '');

/**
 * A conversion between pathway steps in words, from the two counts' ratio: "1 enquiry for every 3
 * referrals", "87 plans for every 100 conferences", "1.2 plans for each conference".
 */
export function stepConversionText(ratio: number | null | undefined, fromUnit: string, toUnit: string): string {
  if (ratio === null || ratio === undefined) return 'not known (a count is missing)';
  if (ratio <= 0) return `no ${toUnit}`;
  if (ratio >= 1) return `${formatRate(Math.round(ratio * 10) / 10)} ${toUnit} for each ${singular(fromUnit)}`;
  if (ratio > 0.6) return `${Math.round(ratio * 100)} ${toUnit} for every 100 ${fromUnit}`;
  const n = Math.round(1 / ratio);
  return `1 ${singular(toUnit)} for every ${n} ${n === 1 ? singular(fromUnit) : fromUnit}`;
}
