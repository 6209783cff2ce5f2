import { byAreaOrder, councilsIn, ENGLAND, valueAt, yearIndex } from '../explorer/access';
import type { MeasureData } from '../explorer/types';
import { PER, type FunnelClass } from '../stats/funnel';
import { classifyRatio, expectedCount } from '../stats/standardise';
import { STATUS_LABEL } from '../status';
import type { AdjustedInput, IneqCouncil } from './types';

/**
 * The deprivation-adjusted comparison of one measure and year (pure): each council's observed count
 * against the count expected from England's rate and its children's neighbourhood deprivation
 * (lib/stats/standardise.ts), with the funnel verdict. Descriptive, not a judgement of performance.
 */

export interface AdjustedPoint {
  readonly code: string;
  readonly name: string;
  readonly regionCode: string | undefined;
  /** Children on plans / looked after (DfE's count). */
  readonly observed: number;
  /** Children aged 0-17 (the population DfE uses for the year's rates). */
  readonly children: number;
  /** observed ÷ children × 10,000 (computed here). */
  readonly observedRate: number;
  /** England's rate × the council's relative deprivation index. */
  readonly expectedRate: number;
  readonly expected: number;
  /** observed ÷ expected. */
  readonly ratio: number;
  readonly cls: FunnelClass;
}

export interface AdjustedResult {
  readonly year: number;
  readonly englandRate: number | undefined;
  readonly points: readonly AdjustedPoint[];
  /** Councils of the year not drawn, and why. */
  readonly missing: readonly { readonly code: string; readonly name: string; readonly reason: string }[];
}

export function adjustedFor(data: MeasureData, input: AdjustedInput, councils: ReadonlyMap<string, IneqCouncil>, year: number): AdjustedResult {
  const englandRate = valueAt(data, 'rate', ENGLAND, year);
  const yi = yearIndex(data, year);
  const points: AdjustedPoint[] = [];
  const missing: { code: string; name: string; reason: string }[] = [];
  for (const a of councilsIn(data, year)) {
    const c = data.count[a.code]?.[yi];
    const n = data.population[a.code]?.[yi];
    const rel = input.relative[a.code];
    if (typeof c !== 'number') missing.push({ code: a.code, name: a.name, reason: c === null || c === undefined ? 'no figure published' : STATUS_LABEL[c] });
    else if (typeof n !== 'number' || !(n > 0)) missing.push({ code: a.code, name: a.name, reason: 'no child population figure' });
    else if (rel === undefined) missing.push({ code: a.code, name: a.name, reason: 'no neighbourhood deprivation profile' });
    else if (englandRate === undefined) missing.push({ code: a.code, name: a.name, reason: 'no England rate for this year' });
    else {
      const expectedRate = englandRate * rel;
      const expected = expectedCount(expectedRate, n);
      points.push({
        code: a.code,
        name: a.name,
        regionCode: councils.get(a.code)?.regionCode ?? a.regionCode,
        observed: c,
        children: n,
        observedRate: (c / n) * PER,
        expectedRate,
        expected,
        ratio: c / expected,
        cls: classifyRatio(c, expected),
      });
    }
  }
  missing.sort(byAreaOrder(data));
  return { year, englandRate, points, missing };
}

/** How many councils fall in each class. */
export function classCounts(points: readonly AdjustedPoint[]): Record<FunnelClass, number> {
  const out: Record<FunnelClass, number> = { within: 0, above95: 0, above998: 0, below95: 0, below998: 0 };
  for (const p of points) out[p.cls]++;
  return out;
}
