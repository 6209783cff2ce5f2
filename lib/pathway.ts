import type { Observation } from './schema/tables';
import type { Cell } from './status';
import { formatFixed } from './format';

/**
 * The child protection pathway of one area in one year (pure; pages and tests share it):
 * referrals → section 47 enquiries (and the children they concern) → initial child protection
 * conferences (and children) → child protection plans started, each per 10,000 children, with the
 * children in need, on a plan and looked after on 31 March beside it. Every step keeps its status:
 * a suppressed or missing figure is a step with its DfE code, never a zero.
 */

/** The flow steps in pathway order; `children` steps count each child once (the like-for-like series). */
export const PATHWAY_FLOWS = ['referrals', 's47-enquiries', 's47-children', 'icpcs', 'icpc-children', 'cpp-starts'] as const;
export const PATHWAY_SNAPSHOTS = ['children-in-need', 'child-protection-plans', 'looked-after'] as const;
/** The main steps (counted events, as DfE headlines them), between which conversions are given. */
export const PATHWAY_MAIN = ['referrals', 's47-enquiries', 'icpcs', 'cpp-starts'] as const;

export interface PathwayStep {
  readonly measure: string;
  /** undefined: no figure published for this area and year (no row). */
  readonly count: Cell | undefined;
  readonly rate: Cell | undefined;
  readonly rateOrigin: Observation['rateOrigin'];
  readonly sourceId: string | undefined;
}

/** Between two main steps: how many of the later per one of the earlier, from the two counts of the year. */
export interface PathwayConversion {
  readonly from: string;
  readonly to: string;
  /** later ÷ earlier; undefined when either count is missing. */
  readonly ratio: number | undefined;
}

export interface Pathway {
  readonly areaCode: string;
  readonly year: number;
  readonly flows: readonly PathwayStep[];
  readonly snapshots: readonly PathwayStep[];
  readonly conversions: readonly PathwayConversion[];
}

/** Look up one observation (measure, area, year), e.g. from an index of the loaded data. */
export type ObservationLookup = (measure: string, areaCode: string, year: number) => Observation | undefined;

export function indexObservations(obs: Iterable<Observation>): ObservationLookup {
  const m = new Map<string, Observation>();
  for (const o of obs) m.set(`${o.measure}|${o.areaCode}|${o.year}`, o);
  return (measure, areaCode, year) => m.get(`${measure}|${areaCode}|${year}`);
}

function step(lookup: ObservationLookup, measure: string, areaCode: string, year: number): PathwayStep {
  const o = lookup(measure, areaCode, year);
  return { measure, count: o?.count, rate: o?.rate, rateOrigin: o?.rateOrigin ?? '', sourceId: o?.sourceId };
}

export function buildPathway(lookup: ObservationLookup, areaCode: string, year: number): Pathway {
  const flows = PATHWAY_FLOWS.map((m) => step(lookup, m, areaCode, year));
  const snapshots = PATHWAY_SNAPSHOTS.map((m) => step(lookup, m, areaCode, year));
  const byMeasure = new Map(flows.map((s) => [s.measure, s]));
  const conversions = PATHWAY_MAIN.slice(1).map((to, i) => {
    const from = PATHWAY_MAIN[i]!;
    const a = byMeasure.get(from)!.count;
    const b = byMeasure.get(to)!.count;
    return { from, to, ratio: a?.kind === 'value' && b?.kind === 'value' && a.value > 0 ? b.value / a.value : undefined };
  });
  return { areaCode, year, flows, snapshots, conversions };
}

/** "1 in 3" for a conversion ratio below one (rounded to the nearest whole N), "2.1 per" above. */
export function oneIn(ratio: number): string {
  if (ratio <= 0) return 'none';
  // formatFixed, not toLocaleString: the same text without Intl's start-up cost on a phone (lib/format).
  if (ratio >= 1) return `${formatFixed(Math.round(ratio * 10) / 10, 1)} for each`;
  return `1 in ${formatFixed(Math.round(1 / ratio), 0)}`;
}
