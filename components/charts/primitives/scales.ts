import { scaleLinear } from 'd3-scale';

/**
 * Scales for the chart primitives: plain functions with their ticks and inverse, so a chart's layout
 * can be computed once and read by its marks (axis, grid, lines, dots, bars, cursor).
 */

export interface LinearScale {
  (v: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  readonly ticks: readonly number[];
  /** The value at a position (for pointer handling). */
  invert(px: number): number;
}

/** How many ticks suit an axis of this length (about one per 55 units, at least 3). */
export function tickCountFor(length: number): number {
  return Math.max(3, Math.round(Math.abs(length) / 55));
}

/**
 * A linear scale. `nice` rounds the domain out to tick values (default: yes, with `ticks` ticks);
 * `ticks` defaults to tickCountFor(range length).
 */
export function linearScale(opts: { domain: readonly [number, number]; range: readonly [number, number]; ticks?: number; nice?: boolean }): LinearScale {
  const count = opts.ticks ?? tickCountFor(opts.range[1] - opts.range[0]);
  const s = scaleLinear().domain([opts.domain[0], opts.domain[1]]).range([opts.range[0], opts.range[1]]);
  if (opts.nice !== false) s.nice(count);
  const d = s.domain() as [number, number];
  const f = ((v: number) => s(v)) as LinearScale;
  return Object.assign(f, { domain: [d[0], d[1]] as const, range: [opts.range[0], opts.range[1]] as const, ticks: s.ticks(count), invert: (px: number) => s.invert(px) });
}

/**
 * A value axis from zero (counts and rates are never drawn from a truncated baseline): bottom to top,
 * covering `max` (1 when there is no positive value, so an empty chart still has an axis).
 */
export function zeroBasedScale(max: number, bottom: number, top: number, ticks?: number): LinearScale {
  return linearScale({ domain: [0, max > 0 ? max : 1], range: [bottom, top], ticks: ticks ?? tickCountFor(bottom - top) });
}

export interface YearScale {
  (year: number): number;
  readonly years: readonly number[];
  /** Distance between two consecutive years. */
  readonly step: number;
  /** The year nearest a position, clamped to the range. */
  invert(px: number): number;
  /** The x between `year - 1` and `year` (where a series break is drawn). */
  between(year: number): number;
}

/** Years from `first` to `last` on [left, right]; a single year sits in the middle. */
export function yearScale(first: number, last: number, left: number, right: number): YearScale {
  const s = scaleLinear()
    .domain(first === last ? [first - 0.5, last + 0.5] : [first, last])
    .range([left, right]);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const step = years.length > 1 ? (right - left) / (years.length - 1) : right - left;
  const f = ((y: number) => s(y)) as YearScale;
  return Object.assign(f, {
    years,
    step,
    invert: (px: number) => Math.min(last, Math.max(first, Math.round(s.invert(px)))),
    between: (year: number) => (s(year - 1) + s(year)) / 2,
  });
}

export interface BandScale<K> {
  /** Start of the band of a key (undefined for an unknown key). */
  (key: K): number | undefined;
  readonly keys: readonly K[];
  readonly bandwidth: number;
  /** Distance from one band's start to the next. */
  readonly step: number;
  centre(key: K): number | undefined;
  /** The key whose step contains a position (clamped to the first and last). */
  invert(px: number): K | undefined;
}

/**
 * A band scale (ranked councils, deprivation deciles, pathway steps): `keys` in order across
 * [start, end]. `paddingInner` is the gap between bands as a share of the step; `paddingOuter` the
 * space before the first and after the last band, in steps (as d3's scaleBand).
 */
export function bandScale<K>(keys: readonly K[], start: number, end: number, opts: { paddingInner?: number; paddingOuter?: number } = {}): BandScale<K> {
  const pi = opts.paddingInner ?? 0;
  const po = opts.paddingOuter ?? 0;
  const n = keys.length;
  const step = n > 0 ? (end - start) / Math.max(1, n - pi + 2 * po) : 0;
  const bandwidth = step * (1 - pi);
  const index = new Map(keys.map((k, i) => [k, i]));
  const at = (i: number) => start + step * (po + i);
  const f = ((k: K) => {
    const i = index.get(k);
    return i === undefined ? undefined : at(i);
  }) as BandScale<K>;
  return Object.assign(f, {
    keys,
    bandwidth,
    step,
    centre: (k: K) => {
      const i = index.get(k);
      return i === undefined ? undefined : at(i) + bandwidth / 2;
    },
    invert: (px: number) => (n ? keys[Math.min(n - 1, Math.max(0, Math.floor((px - start) / (step || 1) - po + pi / 2)))] : undefined),
  });
}
