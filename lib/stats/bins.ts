/**
 * Classes for a choropleth (map colours). Pure, no DOM: used on the server and in the browser.
 *
 * The classes of a measure are computed once from every council value of that measure, in the
 * chosen unit, across ALL years, so a colour means the same number in every year and playing the
 * years shows real change rather than a rescaled ranking.
 *
 * How the thresholds are chosen: start from the quantiles of all the values (quintiles for 5
 * classes), then round them to the coarsest "nice" step (1, 2, 2.5 or 5 × a power of ten) that
 * keeps each threshold within a few percentage points of its quantile (so each class still holds
 * roughly a fifth of the values) and keeps every class non-empty. Thresholds are strictly increasing
 * and deduplicated: with heavily tied values there are fewer classes, and with no more distinct
 * values than classes each value gets its own class.
 *
 * Class i holds the values v with thresholds[i-1] <= v < thresholds[i]: a value equal to a
 * threshold belongs to the higher class, and the labels say so ("under 45", "45 to under 60", …,
 * "90 and over").
 */

import { formatFixed } from '../format';

/**
 * Colour-blind-safe sequential palettes: ColorBrewer "Blues" (single hue), resampled with d3's
 * interpolateBlues at even CIE lightness steps (L* 90, 74, 58, 42, 26 for five classes; 90 … 25 in
 * steps of 13 for six) so adjacent classes differ clearly in lightness, which is what every kind of
 * colour vision perceives. The lightest class is still distinguishable from a white page (L* 90)
 * and the darkest has 10:1 contrast with white text. Missing values are never given a colour: maps
 * draw them hatched.
 */
export const BLUES_5 = ['#d5e5f4', '#88bedc', '#4694c7', '#1a68ad', '#083e7f'] as const;
export const BLUES_6 = ['#d5e5f4', '#97c6e0', '#5ca4d0', '#3181bd', '#125da4', '#083c7c'] as const;

export interface Bins {
  /** Ascending, strictly increasing; class i = [thresholds[i-1], thresholds[i]). Length = classes − 1. */
  readonly thresholds: readonly number[];
  /** One label per class, e.g. "under 45", "45 to under 60", "90 and over". */
  readonly labels: readonly string[];
  /** One colour per class, light (low) to dark (high). */
  readonly colours: readonly string[];
  /** Smallest and largest value binned (undefined when there were none). */
  readonly domain: readonly [number, number] | undefined;
  /** How many values the classes were computed from. */
  readonly n: number;
}

export interface BinOptions {
  /** Number of classes wanted (5 or 6); fewer when the values do not allow it. Default 5. */
  readonly classes?: 5 | 6;
  /** How a threshold is written in a label (default: en-GB number, up to 2 decimals). */
  readonly format?: (n: number) => string;
}

// formatFixed writes what Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) does, without Intl's start-up cost (lib/format).
const defaultFormat = (n: number) => formatFixed(n, 2);

/** The palette for k classes (1 to 6), light to dark. */
export function paletteFor(k: number): readonly string[] {
  if (k <= 0) return [];
  if (k === 6) return BLUES_6;
  if (k > 6) throw new RangeError(`at most 6 classes (asked for ${k})`);
  // Fewer than 5: spread across the 5-class palette so the contrast between classes stays large.
  if (k === 1) return [BLUES_5[2]];
  return Array.from({ length: k }, (_, i) => BLUES_5[Math.round((i * 4) / (k - 1))]!);
}

/** Which class a value falls in; undefined for a missing value (null, undefined, NaN) or no classes. */
export function binOf(value: number | null | undefined, bins: Pick<Bins, 'thresholds' | 'colours'>): number | undefined {
  if (value === null || value === undefined || !Number.isFinite(value) || bins.colours.length === 0) return undefined;
  // Number of thresholds <= value (bisect right): a value equal to a threshold goes to the higher class.
  const t = bins.thresholds;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Labels for classes split at `thresholds`; `domain` gives the label of a single class. */
export function binLabels(thresholds: readonly number[], format: (n: number) => string = defaultFormat, domain?: readonly [number, number]): string[] {
  if (thresholds.length === 0) {
    if (!domain) return [];
    return [domain[0] === domain[1] ? format(domain[0]) : `${format(domain[0])} to ${format(domain[1])}`];
  }
  const out = [`under ${format(thresholds[0]!)}`];
  for (let i = 1; i < thresholds.length; i++) out.push(`${format(thresholds[i - 1]!)} to under ${format(thresholds[i]!)}`);
  out.push(`${format(thresholds[thresholds.length - 1]!)} and over`);
  return out;
}

// --- thresholds --------------------------------------------------------------------------------

/** Quantile of sorted values, linear interpolation (R-7, as d3.quantileSorted). */
function quantileSorted(sorted: readonly number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (b - a) * (i - lo);
}

/** Share of the values strictly below t. */
function shareBelow(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}

/** Removes float noise: 0.30000000000000004 → 0.3. */
const clean = (x: number) => Number(x.toPrecision(12));

/** Nice steps from coarse to fine: 5, 2.5, 2, 1 × 10^e, from about the range down to range/10^4. */
function niceSteps(range: number): number[] {
  const top = Math.ceil(Math.log10(range));
  const out: number[] = [];
  for (let e = top; e >= top - 5; e--) for (const m of [5, 2.5, 2, 1]) out.push(clean(m * 10 ** e));
  return out;
}

/**
 * Keep thresholds that split the values into non-empty classes: strictly inside (min, max],
 * increasing, and with at least one value between consecutive thresholds.
 */
function usable(sorted: readonly number[], ts: readonly number[]): number[] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const out: number[] = [];
  let below = 0; // share of values below the last kept threshold
  for (const t of [...ts].sort((a, b) => a - b)) {
    if (!(t > min && t <= max)) continue;
    if (out.length > 0 && t <= out[out.length - 1]!) continue;
    const s = shareBelow(sorted, t);
    if (s === below) continue; // the class below t would be empty
    out.push(t);
    below = s;
  }
  return out;
}

/** Quantile-based, nicely rounded thresholds for the sorted finite values. */
export function niceThresholds(sorted: readonly number[], classes: number): number[] {
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [];
  // No more distinct values than classes: one class per value, split at the values themselves.
  const distinct = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
  if (distinct.length <= classes) return distinct.slice(1);
  const targets = Array.from({ length: classes - 1 }, (_, j) => (j + 1) / classes);
  const raw = targets.map((p) => quantileSorted(sorted, p));
  // The most classes the data allow (ties can make several quantiles equal).
  const best = usable(sorted, raw).length;
  const deviation = (ts: readonly number[]) =>
    Math.max(0, ...ts.map((t) => Math.min(...targets.map((p) => Math.abs(shareBelow(sorted, t) - p)))));
  const steps = niceSteps(max - min);
  // Coarsest step within tolerance wins; loosen the tolerance only if nothing fits.
  for (const tol of [0.25 / classes, 0.4 / classes, 0.6 / classes, 1 / classes]) {
    for (const s of steps) {
      const ts = usable(sorted, raw.map((q) => clean(Math.round(q / s) * s)));
      if (ts.length === best && deviation(ts) <= tol) return ts;
    }
  }
  // Fallback: the quantiles themselves, to 2 significant figures where that keeps the classes.
  const twoSf = usable(sorted, raw.map((q) => (q === 0 ? 0 : clean(Number(q.toPrecision(2))))));
  return twoSf.length === best ? twoSf : usable(sorted, raw);
}

/**
 * Classes for a choropleth from every value it will ever show (all councils, all years).
 * null/undefined/NaN are skipped: a missing figure is never binned.
 */
export function makeBins(values: Iterable<number | null | undefined>, options: BinOptions = {}): Bins {
  const classes = options.classes ?? 5;
  const format = options.format ?? defaultFormat;
  const sorted: number[] = [];
  for (const v of values) if (v !== null && v !== undefined && Number.isFinite(v)) sorted.push(v);
  sorted.sort((a, b) => a - b);
  if (sorted.length === 0) return { thresholds: [], labels: [], colours: [], domain: undefined, n: 0 };
  const domain = [sorted[0]!, sorted[sorted.length - 1]!] as const;
  const thresholds = niceThresholds(sorted, classes);
  return {
    thresholds,
    labels: binLabels(thresholds, format, domain),
    colours: paletteFor(thresholds.length + 1),
    domain,
    n: sorted.length,
  };
}
