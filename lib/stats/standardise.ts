import { funnelLimits, PER, type FunnelClass } from './funnel';

/**
 * Indirect standardisation of a council's rate for the deprivation of its neighbourhoods (pure; no
 * React). The question: if a council's children were on plans (or looked after) at England's rate
 * for the year, but with the neighbourhood gradient the Child Welfare Inequalities Project measured,
 * how many would there be, given where its children live?
 *
 *   index(area)    = Σ_d share of the area's children in decile d × CWIP rate for decile d
 *   expected rate  = England's rate for the year × index(council) ÷ index(England)
 *   expected count = expected rate × the council's children ÷ 10,000
 *   ratio          = observed count ÷ expected count
 *
 * The CWIP rates only fix the shape of the gradient (how much more likely in decile 1 than in
 * decile 10); the level comes from England's rate for the year. Applied to the children counted in
 * the deciles themselves, the councils' expected counts add up to England's exactly (a property of
 * the method, tested), because England's decile children are the sum of its councils'.
 *
 * Funnel limits for the ratio: under "the council is as expected", the observed count is
 * Poisson(expected), so the limits are Poisson quantiles ÷ expected (exact, with Spiegelhalter's
 * interpolation; lib/stats/funnel.ts). They narrow as the expected count grows.
 */

export const DECILES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

function checkTen(v: readonly number[], what: string) {
  if (v.length !== 10) throw new RangeError(`${what}: need 10 deciles (1 = most deprived), got ${v.length}`);
  for (const x of v) if (!Number.isFinite(x) || x < 0) throw new RangeError(`${what}: values must be finite and ≥ 0, got ${x}`);
}

/** Shares (adding up to 1) of children by decile, from counts by decile. */
export function decileShares(children: readonly number[]): number[] {
  checkTen(children, 'children by decile');
  const total = children.reduce((s, c) => s + c, 0);
  if (!(total > 0)) throw new RangeError('children by decile: the area has no children');
  return children.map((c) => c / total);
}

/** Σ_d share_d × rate_d: the rate an area would have if each decile's children had that decile's rate. */
export function deprivationIndex(shares: readonly number[], decileRates: readonly number[]): number {
  checkTen(shares, 'shares by decile');
  checkTen(decileRates, 'rates by decile');
  return shares.reduce((s, share, i) => s + share * decileRates[i]!, 0);
}

/** Expected rate per 10,000 of an area: England's rate × index(area) ÷ index(England). */
export function expectedRate(args: { readonly areaShares: readonly number[]; readonly englandShares: readonly number[]; readonly decileRates: readonly number[]; readonly englandRate: number }): number {
  const { areaShares, englandShares, decileRates, englandRate } = args;
  if (!Number.isFinite(englandRate) || englandRate < 0) throw new RangeError(`England's rate must be ≥ 0, got ${englandRate}`);
  const ref = deprivationIndex(englandShares, decileRates);
  if (!(ref > 0)) throw new RangeError("England's deprivation index is 0: the decile rates are all 0");
  return (englandRate * deprivationIndex(areaShares, decileRates)) / ref;
}

/** Expected count: the expected rate per 10,000 applied to a number of children. */
export function expectedCount(expectedRatePer10k: number, children: number): number {
  if (!Number.isFinite(children) || children <= 0) throw new RangeError(`children must be > 0, got ${children}`);
  return (expectedRatePer10k * children) / PER;
}

export interface RatioLimits {
  readonly expected: number;
  readonly lower998: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly upper998: number;
}

/**
 * 95% and 99.8% limits of observed ÷ expected when the observed count is Poisson(expected). (The rate
 * limits of lib/stats/funnel for `expected` children at a rate of one per child are exactly the
 * Poisson quantiles × 10,000 ÷ expected; dividing by 10,000 leaves quantile ÷ expected.)
 */
export function ratioLimits(expected: number): RatioLimits {
  if (!Number.isFinite(expected) || expected <= 0) throw new RangeError(`expected count must be > 0, got ${expected}`);
  const l = funnelLimits(PER, expected);
  return { expected, lower998: l.lower998 / PER, lower95: l.lower95 / PER, upper95: l.upper95 / PER, upper998: l.upper998 / PER };
}

/** Where observed ÷ expected falls against its limits (a ratio exactly on a limit is inside it). */
export function classifyRatio(observed: number, expected: number): FunnelClass {
  const ratio = observed / expected;
  const l = ratioLimits(expected);
  if (ratio > l.upper998) return 'above998';
  if (ratio > l.upper95) return 'above95';
  if (ratio < l.lower998) return 'below998';
  if (ratio < l.lower95) return 'below95';
  return 'within';
}

const ratioCurveCache = new Map<string, readonly RatioLimits[]>();

/** Limits at `steps` expected counts from eMin to eMax, evenly spaced on a log scale (memoised, for drawing). */
export function ratioCurve(eMin: number, eMax: number, steps = 120): readonly RatioLimits[] {
  if (!(eMin > 0) || !(eMax >= eMin)) throw new RangeError(`need 0 < eMin ≤ eMax, got ${eMin}, ${eMax}`);
  const key = `${eMin}|${eMax}|${steps}`;
  const hit = ratioCurveCache.get(key);
  if (hit) return hit;
  const k = Math.max(2, Math.floor(steps));
  const out: RatioLimits[] = [];
  for (let i = 0; i < k; i++) out.push(ratioLimits(Math.exp(Math.log(eMin) + (i / (k - 1)) * (Math.log(eMax) - Math.log(eMin)))));
  if (ratioCurveCache.size > 50) ratioCurveCache.clear();
  ratioCurveCache.set(key, out);
  return out;
}

/** The words of a verdict, without judgement: "more/fewer than expected from deprivation alone". */
export const RATIO_CLASS_LABEL: Record<FunnelClass, string> = {
  within: 'within the 95% limits: about as many as expected from its children’s deprivation, allowing for chance',
  above95: 'above the 95% limit (within 99.8%): more than expected from deprivation, possibly by chance',
  above998: 'above the 99.8% limit: more than expected from deprivation, unlikely to be chance alone',
  below95: 'below the 95% limit (within 99.8%): fewer than expected from deprivation, possibly by chance',
  below998: 'below the 99.8% limit: fewer than expected from deprivation, unlikely to be chance alone',
};

/** Short words for tables and keys. */
export const RATIO_CLASS_SHORT: Record<FunnelClass, string> = {
  within: 'within limits',
  above95: 'above 95% limit',
  above998: 'above 99.8% limit',
  below95: 'below 95% limit',
  below998: 'below 99.8% limit',
};
