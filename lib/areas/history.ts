import type { Area } from '../schema/tables';
import type { Profile } from './identity';
import type { ProfileInputs } from './inputs';

/**
 * The history of a council (pure): the codes it has had, the councils it replaced and the councils
 * that replaced it, each with the years it reported, so that someone looking up Northamptonshire
 * finds North and West Northamptonshire and why its line stops in 2021.
 */

export interface HistoryArea {
  readonly code: string;
  /** Where that council's figures are profiled (its current code). */
  readonly profileCode: string;
  readonly name: string;
  readonly firstYear: number;
  readonly lastYear: number | undefined;
}

export interface AreaHistory {
  /** The codes of this council, oldest first, with the years each was in use. */
  readonly codes: readonly HistoryArea[];
  readonly predecessors: readonly HistoryArea[];
  readonly successors: readonly HistoryArea[];
  /** DfE's and ONS's dates and notes, as areas.csv words them. */
  readonly notes: readonly string[];
  /** true when the council no longer exists (its figures stop at its last year). */
  readonly former: boolean;
}

export function areaHistory(inputs: ProfileInputs, profile: Profile): AreaHistory | undefined {
  if (profile.area.level !== 'la') return undefined;
  const ref = (a: Area): HistoryArea => ({ code: a.code, profileCode: inputs.index.profileOf(a.code)?.code ?? a.code, name: a.name, firstYear: a.firstYear, lastYear: a.lastYear });
  const members = profile.members.map((m) => inputs.areas.get(m.code)!);
  const inChain = new Set(members.map((m) => m.code));
  const outside = (codes: readonly string[]) =>
    [...new Set(codes)]
      .filter((c) => !inChain.has(c))
      .map((c) => inputs.areas.get(c))
      .filter((a): a is Area => a !== undefined)
      .map(ref)
      .sort((a, b) => a.name.localeCompare(b.name));
  const predecessors = outside(members.flatMap((m) => m.predecessors));
  const successors = outside(members.flatMap((m) => m.successors));
  const notes = [...new Set(members.map((m) => m.changeNote).filter(Boolean))];
  const codes = members.map(ref);
  for (const m of members) for (const f of m.formerCodes) codes.unshift({ code: f, profileCode: profile.code, name: m.name, firstYear: m.firstYear, lastYear: 2013 });
  return { codes, predecessors, successors, notes, former: profile.area.lastYear !== undefined };
}

/** "2009-10 to 2020-21", "from 2021-22": the data years (ending 31 March) an area reported in. */
export function reportedYears(a: Pick<HistoryArea, 'firstYear' | 'lastYear'>, lastDataYear: number): string {
  const f = (y: number) => `${y - 1}-${String(y).slice(2)}`;
  if (a.firstYear > lastDataYear) return `from ${f(a.firstYear)} (no figures yet)`;
  if (a.lastYear === undefined || a.lastYear > lastDataYear) return `${f(a.firstYear)} onwards`;
  return a.firstYear === a.lastYear ? f(a.firstYear) : `${f(a.firstYear)} to ${f(a.lastYear)}`;
}
