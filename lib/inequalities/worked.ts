import { valueAt, yearIndex } from '../explorer/access';
import { decileShares, expectedCount, ratioLimits } from '../stats/standardise';
import type { FunnelClass } from '../stats/funnel';
import { adjustedFor } from './adjusted';
import { cachedCouncils, cwipDecileRates, imdDecileChildren, ineqMeasureFile } from './build';
import { councilMap } from './share';
import type { AdjustedMeasureId } from './types';

/**
 * The adjusted comparison for one council, every step shown (build time): for the worked example
 * on /methodology/. Computed with the same functions as the chart, and checked against it.
 */

export interface WorkedStep {
  readonly decile: number;
  readonly children: number;
  readonly share: number;
  readonly englandChildren: number;
  readonly englandShare: number;
  readonly rate: number;
}

export interface WorkedExample {
  readonly code: string;
  readonly name: string;
  readonly measureId: AdjustedMeasureId;
  readonly measureLabel: string;
  readonly year: number;
  readonly steps: readonly WorkedStep[];
  readonly index: number;
  readonly englandIndex: number;
  readonly relative: number;
  readonly englandRate: number;
  readonly children017: number;
  readonly expectedRate: number;
  readonly expected: number;
  readonly observed: number;
  readonly ratio: number;
  readonly limits: ReturnType<typeof ratioLimits>;
  readonly cls: FunnelClass;
  /** Every council of the year with the figures: observed and expected totals (they need not agree exactly). */
  readonly totals: { readonly councils: number; readonly observed: number; readonly expected: number };
}

const ENGLAND = 'E92000001';

export function workedExample(code: string, measureId: AdjustedMeasureId, year: number): WorkedExample {
  const file = ineqMeasureFile(measureId);
  const md = file.data;
  const deciles = imdDecileChildren();
  const c = deciles.get(code);
  const e = deciles.get(ENGLAND);
  if (!c || !e) throw new Error(`worked example: no deciles for ${code}`);
  const { rates } = cwipDecileRates('England', measureId === 'looked-after' ? 'looked-after' : 'plans');
  const cs = decileShares(c);
  const es = decileShares(e);
  const steps = rates.map((rate, i) => ({ decile: i + 1, children: c[i]!, share: cs[i]!, englandChildren: e[i]!, englandShare: es[i]!, rate }));
  const index = steps.reduce((s, x) => s + x.share * x.rate, 0);
  const englandIndex = steps.reduce((s, x) => s + x.englandShare * x.rate, 0);
  const englandRate = valueAt(md, 'rate', ENGLAND, year);
  const yi = yearIndex(md, year);
  const observed = md.count[code]?.[yi];
  const children017 = md.population[code]?.[yi];
  if (englandRate === undefined || typeof observed !== 'number' || typeof children017 !== 'number') throw new Error(`worked example: ${code} ${measureId} ${year} lacks a figure`);
  const expectedRate = (englandRate * index) / englandIndex;
  const expected = expectedCount(expectedRate, children017);
  const ratio = observed / expected;
  // The chart's own computation, for the same council: the example must agree with it.
  const all = adjustedFor(md, file.adjusted!, councilMap(cachedCouncils()), year).points;
  const point = all.find((p) => p.code === code);
  if (!point || Math.abs(point.ratio - ratio) > 1e-9) throw new Error(`worked example: ${code} does not match the chart`);
  const name = md.areas.find((a) => a.code === code)?.name ?? code;
  return { code, name, measureId, measureLabel: md.measure.label, year, steps, index, englandIndex, relative: index / englandIndex, englandRate, children017, expectedRate, expected, observed, ratio, limits: ratioLimits(expected), cls: point.cls, totals: { councils: all.length, observed: all.reduce((t, p) => t + p.observed, 0), expected: all.reduce((t, p) => t + p.expected, 0) } };
}
