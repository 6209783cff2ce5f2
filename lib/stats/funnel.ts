/**
 * Funnel plot control limits for rates per 10,000 children (Spiegelhalter 2005, "Funnel plots for
 * comparing institutional performance", Statistics in Medicine 24:1185–1202).
 *
 * Model: a council with n children and the same underlying rate as England (p0 per 10,000) would record
 * X ~ Poisson(λ) events, λ = p0 / 10,000 · n. Its limits are quantiles of X turned back into rates
 * (× 10,000 / n): 95% limits at the 2.5% and 97.5% quantiles, 99.8% limits at 0.1% and 99.9%.
 *
 * Exact Poisson quantiles are computed by summing the probability mass (see `poissonWindow`) for
 * λ ≤ 1e7; above that a Cornish–Fisher expansion is used (error far below a thousandth of a rate point).
 *
 * Smoothing: a Poisson quantile is a whole number, so limits drawn from it would be step functions of n.
 * We use Spiegelhalter's interpolation (2005, appendix A.1.1): with r_p the p-quantile (smallest r with
 * P(X ≤ r) ≥ p), α = (P(X ≤ r_p) − p) / (P(X ≤ r_p) − P(X ≤ r_p − 1)), the limit is r_p − α. That is the
 * point where the CDF, joined linearly between whole numbers, reaches p; it varies smoothly with λ.
 * A lower limit that would fall below zero (tiny λ) is set to 0.
 *
 * No allowance is made for over-dispersion: councils differ for many reasons besides chance, so far more
 * of them fall outside these limits than the 5% or 0.2% that chance alone would put there.
 */

/** Rates are per this many children. */
export const PER = 10_000;

export const LEVELS = {
  p95: { lower: 0.025, upper: 0.975 },
  p998: { lower: 0.001, upper: 0.999 },
} as const;

const PROBS = [LEVELS.p998.lower, LEVELS.p95.lower, LEVELS.p95.upper, LEVELS.p998.upper] as const;
const EXACT_MAX_LAMBDA = 1e7;

/** Unnormalised Poisson masses over a window that holds all but ~1e-30 of the probability. */
function poissonWindow(lambda: number): { lo: number; w: Float64Array; total: number } {
  const sd = Math.sqrt(lambda);
  const mode = Math.floor(lambda);
  const lo = Math.max(0, Math.floor(lambda - 13 * sd - 10));
  const hi = Math.ceil(lambda + 13 * sd + 30);
  const w = new Float64Array(hi - lo + 1);
  // Relative masses from the mode outwards: p(k+1) = p(k)·λ/(k+1), p(k−1) = p(k)·k/λ.
  w[mode - lo] = 1;
  for (let k = mode + 1; k <= hi; k++) w[k - lo] = (w[k - 1 - lo]! * lambda) / k;
  for (let k = mode - 1; k >= lo; k--) w[k - lo] = (w[k + 1 - lo]! * (k + 1)) / lambda;
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i]!;
  return { lo, w, total };
}

function checkLambda(lambda: number) {
  if (!Number.isFinite(lambda) || lambda < 0) throw new RangeError(`Poisson mean must be a finite number ≥ 0, got ${lambda}`);
}
function checkP(p: number) {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be strictly between 0 and 1, got ${p}`);
}

/** P(X ≤ k) for X ~ Poisson(λ). */
export function poissonCdf(k: number, lambda: number): number {
  checkLambda(lambda);
  if (k < 0) return 0;
  if (lambda === 0) return 1;
  const kk = Math.floor(k);
  if (lambda > EXACT_MAX_LAMBDA) return normalCdf((kk + 0.5 - lambda) / Math.sqrt(lambda));
  const { lo, w, total } = poissonWindow(lambda);
  if (kk < lo) return 0;
  let s = 0;
  for (let i = 0; i <= Math.min(kk - lo, w.length - 1); i++) s += w[i]!;
  return Math.min(1, s / total);
}

/** Exact and smoothed quantiles for several probabilities (ascending) in one pass. */
function quantiles(lambda: number, ps: readonly number[]): { exact: number[]; smooth: number[] } {
  if (lambda === 0) return { exact: ps.map(() => 0), smooth: ps.map(() => 0) };
  if (lambda > EXACT_MAX_LAMBDA) {
    // Cornish–Fisher for the Poisson (skewness 1/√λ), continuity-corrected to the interpolated scale.
    const smooth = ps.map((p) => {
      const z = normalQuantile(p);
      return Math.max(0, lambda + z * Math.sqrt(lambda) + (z * z - 1) / 6 - 0.5);
    });
    return { exact: smooth.map((s) => Math.ceil(s)), smooth };
  }
  const { lo, w, total } = poissonWindow(lambda);
  const exact: number[] = [];
  const smooth: number[] = [];
  let cdf = 0;
  let prev = 0;
  let j = 0;
  for (let i = 0; i < w.length && j < ps.length; i++) {
    prev = cdf;
    cdf += w[i]! / total;
    while (j < ps.length && cdf >= ps[j]!) {
      const r = lo + i;
      const alpha = (cdf - ps[j]!) / (cdf - prev);
      exact.push(r);
      smooth.push(Math.max(0, r - alpha));
      j++;
    }
  }
  // Rounding can leave the last probability unreached by a hair: it sits at the top of the window.
  while (exact.length < ps.length) {
    exact.push(lo + w.length - 1);
    smooth.push(lo + w.length - 1);
  }
  return { exact, smooth };
}

/** The p-quantile of Poisson(λ): the smallest whole r with P(X ≤ r) ≥ p. */
export function poissonQuantile(p: number, lambda: number): number {
  checkLambda(lambda);
  checkP(p);
  return quantiles(lambda, [p]).exact[0]!;
}

/** Spiegelhalter's interpolated (continuous) p-quantile r_p − α of Poisson(λ), at least 0. */
export function poissonSmoothQuantile(p: number, lambda: number): number {
  checkLambda(lambda);
  checkP(p);
  return quantiles(lambda, [p]).smooth[0]!;
}

export interface FunnelLimits {
  /** Children aged 0-17. */
  readonly n: number;
  /** Expected count at the centre rate. */
  readonly expected: number;
  /** Limits as rates per 10,000. */
  readonly lower998: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly upper998: number;
}

/** 95% and 99.8% limits (rates per 10,000) around a centre rate p0 (per 10,000) for a population n. */
export function funnelLimits(p0: number, n: number): FunnelLimits {
  if (!Number.isFinite(p0) || p0 < 0) throw new RangeError(`centre rate must be ≥ 0, got ${p0}`);
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`population must be > 0, got ${n}`);
  const lambda = (p0 / PER) * n;
  const { smooth } = quantiles(lambda, PROBS);
  const rate = (c: number) => (c * PER) / n;
  return {
    n,
    expected: lambda,
    lower998: rate(smooth[0]!),
    lower95: rate(smooth[1]!),
    upper95: rate(smooth[2]!),
    upper998: rate(smooth[3]!),
  };
}

const curveCache = new Map<string, readonly FunnelLimits[]>();

/**
 * Limits at `steps` populations from nMin to nMax (inclusive), evenly spaced on a log scale (or linear),
 * for drawing the funnel. Memoised (a chart re-renders on every cursor move).
 */
export function funnelCurve(p0: number, nMin: number, nMax: number, steps = 160, spacing: 'log' | 'linear' = 'log'): readonly FunnelLimits[] {
  if (!(nMin > 0) || !(nMax >= nMin)) throw new RangeError(`need 0 < nMin ≤ nMax, got ${nMin}, ${nMax}`);
  const key = `${p0}|${nMin}|${nMax}|${steps}|${spacing}`;
  const hit = curveCache.get(key);
  if (hit) return hit;
  const k = Math.max(2, Math.floor(steps));
  const out: FunnelLimits[] = [];
  for (let i = 0; i < k; i++) {
    const t = i / (k - 1);
    const n = spacing === 'log' ? Math.exp(Math.log(nMin) + t * (Math.log(nMax) - Math.log(nMin))) : nMin + t * (nMax - nMin);
    out.push(funnelLimits(p0, n));
  }
  if (curveCache.size > 50) curveCache.clear();
  curveCache.set(key, out);
  return out;
}

export type FunnelClass = 'within' | 'above95' | 'above998' | 'below95' | 'below998';

/**
 * Where a council's rate falls against the limits for its population. A rate exactly on a limit counts
 * as inside it.
 */
export function classify(rate: number, n: number, p0: number): FunnelClass {
  const l = funnelLimits(p0, n);
  if (rate > l.upper998) return 'above998';
  if (rate > l.upper95) return 'above95';
  if (rate < l.lower998) return 'below998';
  if (rate < l.lower95) return 'below95';
  return 'within';
}

export const FUNNEL_CLASS_LABEL: Record<FunnelClass, string> = {
  within: 'within the 95% limits: consistent with England’s rate and chance',
  above95: 'above the 95% limit (but within 99.8%)',
  above998: 'above the 99.8% limit: unlikely to differ from England only by chance',
  below95: 'below the 95% limit (but within 99.8%)',
  below998: 'below the 99.8% limit: unlikely to differ from England only by chance',
};

/* ---- Normal distribution helpers (for very large λ) ----------------------------------------------- */

function normalCdf(z: number): number {
  // Abramowitz & Stegun 7.1.26 via erf; adequate where used (λ > 1e7).
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  checkP(p);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - pl) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
