import type { ObservationLookup } from '../pathway';
import type { BreakRow, NeighbourRow } from '../schema/pathway';
import type { DecileRow } from '../schema/deprivation';
import type { Area, Measure, Observation, Source } from '../schema/tables';
import { memberIn, type Profile, type ProfileIndex } from './identity';

/**
 * What the profile builders read (pure: plain data and lookups, no files). lib/data/areas.ts builds
 * one from data/; tests can build one from anything.
 */
export interface ProfileInputs {
  readonly areas: ReadonlyMap<string, Area>;
  readonly index: ProfileIndex;
  readonly measures: ReadonlyMap<string, Measure>;
  readonly lookup: ObservationLookup;
  /** Every observation of a measure in a year (all areas), for ranks and averages. */
  readonly observationsIn: (measure: string, year: number) => readonly Observation[];
  /** Children aged 0-17 at a mid-year (the rate denominator of the year ending the next 31 March). */
  readonly population: (code: string, midYear: number) => number | undefined;
  /** Where that estimate comes from (sources.csv id). */
  readonly populationSource: (code: string, midYear: number) => string | undefined;
  readonly breaks: (measure: string) => readonly BreakRow[];
  readonly sources: ReadonlyMap<string, Source>;
  readonly neighbours: readonly NeighbourRow[];
  readonly deciles: (areaCode: string) => readonly DecileRow[];
}

export const ENGLAND = 'E92000001';

/** The observation of a profile for a measure and year: from the member code in force that year. */
export function profileObservation(inputs: ProfileInputs, profile: Profile, measure: string, year: number): { code: string | undefined; obs: Observation | undefined } {
  const code = memberIn(profile, year);
  return { code, obs: code ? inputs.lookup(measure, code, year) : undefined };
}

/** The last year (ending 31 March) a profile's area existed, capped at the measure's last year. */
export function lastYearOf(profile: Profile, measure: Pick<Measure, 'lastYear'>): number {
  const last = profile.members[profile.members.length - 1]!.lastYear;
  return last === undefined ? measure.lastYear : Math.min(last, measure.lastYear);
}

export function firstYearOf(profile: Profile, measure: Pick<Measure, 'firstYear'>): number {
  return Math.max(profile.members[0]!.firstYear, measure.firstYear);
}

/** Councils that existed on 31 March of a year. */
export function councilAliveIn(a: Area, year: number): boolean {
  return a.level === 'la' && a.firstYear <= year && (a.lastYear === undefined || a.lastYear >= year);
}
