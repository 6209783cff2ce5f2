import { CORE_MEASURE_IDS, type Measure } from '../schema/tables';
import { PATHWAY_MAIN } from '../pathway';
import { childPopulation, deprivationSummary, laitFigures, type DeprivationSummary, type LaitFigure, type PopulationFigure } from './context';
import { headlineFigure, measureLink, type HeadlineFigure } from './headline';
import { areaHistory, type AreaHistory } from './history';
import type { Profile } from './identity';
import type { ProfileInputs } from './inputs';
import { compareWithNeighbours, neighbourSet, type NeighbourComparison, type NeighbourSet } from './neighbours';
import { pathwaySeries, type PathwaySeries } from './pathway';
import { peerTable, type PeerTable } from './peers';
import { profileTrend, type ProfileTrend } from './trends';

/**
 * Everything an area page shows, built from the inputs (pure). Sections read their part; each part
 * is plain data, so a section can be rendered on the server or handed to a client component.
 */
export interface AreaProfile {
  readonly profile: Profile;
  readonly regionName: string | undefined;
  readonly headline: readonly (HeadlineFigure & { readonly link: string; readonly rankLink: string })[];
  readonly neighbours: NeighbourSet | undefined;
  readonly comparisons: readonly NeighbourComparison[];
  readonly pathway: PathwaySeries;
  readonly trends: readonly (ProfileTrend & { readonly link: string })[];
  readonly population: PopulationFigure | undefined;
  readonly deprivation: DeprivationSummary;
  readonly lait: readonly LaitFigure[];
  readonly history: AreaHistory | undefined;
  /** England's regions, or a region's councils, with their latest rates. */
  readonly peers: PeerTable | undefined;
  /** The latest data year of the site (ending 31 March). */
  readonly lastDataYear: number;
}

export function coreMeasures(inputs: ProfileInputs): Measure[] {
  return CORE_MEASURE_IDS.map((id) => inputs.measures.get(id)).filter((m): m is Measure => m !== undefined);
}

export function buildAreaProfile(inputs: ProfileInputs, profile: Profile): AreaProfile {
  const core = coreMeasures(inputs);
  const lastDataYear = Math.max(...core.map((m) => m.lastYear));
  const set = neighbourSet(inputs, profile);
  const a = profile.area;
  const pathwayMeasures = PATHWAY_MAIN.map((id) => inputs.measures.get(id)!).filter(Boolean);
  const pFirst = Math.max(profile.members[0]!.firstYear, ...pathwayMeasures.map((m) => m.firstYear));
  const pLast = Math.min(profile.members[profile.members.length - 1]!.lastYear ?? lastDataYear, ...pathwayMeasures.map((m) => m.lastYear));
  return {
    profile,
    regionName: a.regionCode ? inputs.areas.get(a.regionCode)?.name : undefined,
    headline: core.map((m) => ({ ...headlineFigure(inputs, profile, m), link: measureLink(inputs, profile, m), rankLink: measureLink(inputs, profile, m, 'rank') })),
    neighbours: set,
    comparisons: set ? core.map((m) => compareWithNeighbours(inputs, profile, set, m)) : [],
    pathway: pathwaySeries(inputs, profile, set, pFirst, pLast),
    trends: core.map((m) => ({ ...profileTrend(inputs, profile, m), link: measureLink(inputs, profile, m, undefined, true) })),
    population: childPopulation(inputs, profile, lastDataYear),
    deprivation: deprivationSummary(inputs, profile),
    lait: laitFigures(inputs, profile),
    history: areaHistory(inputs, profile),
    peers: peerTable(inputs, profile, core),
    lastDataYear,
  };
}
