import { toCsv } from '../../lib/csv';
import type { PublishedRate } from './lait';
import type { Populations } from './population';
import type { TidyRecord } from './write';
import { fmtNum } from './write';
import type { AreaIndex } from './areas';

/**
 * Computed rates against the rates DfE publishes for the same measure, year and area (LAIT, which
 * DfE refreshed with its 2025 releases). A computed rate matches when it lies within rounding of
 * the published one: half a unit of the published precision (whole numbers for children looked
 * after, one decimal otherwise) plus half a unit of ours (0.05). Mismatches are listed with a
 * reason, found by asking what population the published rate implies.
 */
export interface RateComparison {
  readonly measure: string;
  readonly year: number;
  readonly areaCode: string;
  readonly computed: number;
  readonly published: number;
  readonly match: boolean;
  readonly reason: string;
}

export function tolerance(published: number): number {
  return (Number.isInteger(published) ? 0.5 : 0.05) + 0.05 + 1e-9;
}

export function compareRates(rows: readonly TidyRecord[], published: readonly PublishedRate[], pops: Populations, areas: AreaIndex): RateComparison[] {
  const pub = new Map(published.filter((p) => p.rate !== undefined).map((p) => [`${p.measure}|${p.year}|${p.areaCode}`, p.rate!]));
  const out: RateComparison[] = [];
  for (const r of rows) {
    if (r.rate_origin !== 'computed' || r.rate_status !== 'ok') continue;
    const key = `${r.measure}|${r.year}|${r.area_code}`;
    const p = pub.get(key);
    if (p === undefined) continue;
    const computed = Number(r.rate_per_10k);
    const match = Math.abs(computed - p) <= tolerance(p);
    let reason = '';
    if (!match) {
      const count = Number(r.count);
      const pop = pops.forRate(Number(r.year) - 1, String(r.area_code), areas)?.population;
      const implied = p > 0 ? Math.round((count / p) * 10000) : NaN;
      const ours = pop?.kind === 'value' ? pop.value : NaN;
      reason =
        Number.isFinite(implied) && Number.isFinite(ours) && Math.abs(implied - ours) / ours > 0.002
          ? `published rate implies a population of about ${fmtNum(implied)} children; DfE's population file for mid-${Number(r.year) - 1} gives ${fmtNum(ours)} (different population vintage or count)`
          : 'same population; the count behind the published rate differs (revised or rounded differently)';
    }
    out.push({ measure: String(r.measure), year: Number(r.year), areaCode: String(r.area_code), computed, published: p, match, reason });
  }
  return out.sort((a, b) => a.measure.localeCompare(b.measure) || a.areaCode.localeCompare(b.areaCode) || a.year - b.year);
}

export function rateCheckCsv(c: readonly RateComparison[]): string {
  return toCsv(
    ['measure', 'year', 'area_code', 'computed_rate', 'dfe_published_rate', 'within_rounding', 'reason'],
    c.map((x) => ({ measure: x.measure, year: x.year, area_code: x.areaCode, computed_rate: fmtNum(x.computed), dfe_published_rate: fmtNum(x.published), within_rounding: x.match ? 'yes' : 'no', reason: x.reason })),
  );
}
