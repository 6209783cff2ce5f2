/**
 * How strongly councils' rates follow their deprivation (pure; no React). The scatter on
 * /inequalities/ reports Spearman's rank correlation ρ and draws a Theil–Sen line:
 *
 * - Rates per 10,000 are skewed, with a few councils far above the rest (Blackpool's children looked
 *   after, for one). Pearson's r and R² square every distance, so one such council can make the
 *   relationship look stronger or weaker than it is for the other 150; ranks cannot be pulled that way.
 * - The three deprivation scales (IMD average score, IDACI, share of children in the most deprived
 *   decile) have different shapes — the share is 0 for a third of councils — but rank councils much
 *   the same way; ρ depends only on the order, so it is comparable across them.
 * - The line goes with the statistic: Theil–Sen (the median of the slopes between every pair of
 *   councils; Theil 1950, Sen 1968) is the rank-based line, resistant to the same outliers, where a
 *   least-squares line would be tilted by them.
 *
 * Missing values are the caller's business: pass only pairs where both values exist.
 */

export interface Pair {
  readonly x: number;
  readonly y: number;
}

function check(xs: readonly number[], ys: readonly number[]) {
  if (xs.length !== ys.length) throw new RangeError(`x and y differ in length (${xs.length} and ${ys.length})`);
  for (const v of [...xs, ...ys]) if (!Number.isFinite(v)) throw new RangeError(`values must be finite numbers, got ${v}`);
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

/** The median of a list (the mean of the middle two for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Ranks from 1 (smallest); tied values share the mean of the ranks they span ("fractional" ranking). */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.v === order[i]!.v) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!.i] = r;
    i = j + 1;
  }
  return out;
}

/** Pearson's correlation coefficient r; undefined with fewer than 3 pairs or when either variable is constant. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | undefined {
  check(xs, ys);
  if (xs.length < 3) return undefined;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Spearman's rank correlation ρ: Pearson's r of the ranks (ties get mean ranks, so this is the
 * tie-corrected ρ, equal to 1 − 6Σd²/(n(n²−1)) when there are no ties).
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | undefined {
  check(xs, ys);
  return pearson(ranks(xs), ranks(ys));
}

export interface Line {
  readonly slope: number;
  readonly intercept: number;
}

/**
 * Theil–Sen line: the slope is the median of (y_j − y_i)/(x_j − x_i) over every pair with x_i ≠ x_j;
 * the intercept the median of y_i − slope·x_i. Undefined with fewer than 2 distinct x values.
 */
export function theilSen(xs: readonly number[], ys: readonly number[]): Line | undefined {
  check(xs, ys);
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const dx = xs[j]! - xs[i]!;
      if (dx !== 0) slopes.push((ys[j]! - ys[i]!) / dx);
    }
  }
  if (slopes.length === 0) return undefined;
  const slope = median(slopes);
  const intercept = median(xs.map((x, i) => ys[i]! - slope * x));
  return { slope, intercept };
}

export interface Fit {
  readonly n: number;
  /** Spearman's ρ; undefined when it cannot be computed (fewer than 3 councils, or no variation). */
  readonly rho: number | undefined;
  readonly line: Line | undefined;
}

/** The scatter's fit: ρ and the Theil–Sen line of the pairs given. */
export function fitPairs(pairs: readonly Pair[]): Fit {
  const xs = pairs.map((p) => p.x);
  const ys = pairs.map((p) => p.y);
  return { n: pairs.length, rho: spearman(xs, ys), line: theilSen(xs, ys) };
}

/** Plain words for the strength of a correlation (Evans 1996 bands on |ρ|), for descriptions. */
export function strengthWord(rho: number): string {
  const a = Math.abs(rho);
  const dir = rho > 0 ? 'positive' : 'negative';
  if (a < 0.2) return 'very weak or no';
  if (a < 0.4) return `weak ${dir}`;
  if (a < 0.6) return `moderate ${dir}`;
  if (a < 0.8) return `strong ${dir}`;
  return `very strong ${dir}`;
}
