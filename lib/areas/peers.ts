import type { Measure } from '../schema/tables';
import type { Cell } from '../status';
import { memberIn, type Profile } from './identity';
import { lastYearOf, type ProfileInputs } from './inputs';

/**
 * The areas under an area (pure): England's nine regions, or a region's councils of today, each
 * with its latest rate of every core measure, for the table on England's and the regions' pages.
 */
export interface PeerRow {
  readonly code: string;
  readonly name: string;
  readonly cells: readonly (Cell | undefined)[];
}

export interface PeerTable {
  readonly kind: 'regions' | 'councils';
  readonly measures: readonly { readonly id: string; readonly year: number }[];
  readonly rows: readonly PeerRow[];
}

export function peerTable(inputs: ProfileInputs, profile: Profile, core: readonly Measure[]): PeerTable | undefined {
  const level = profile.area.level;
  if (level === 'la') return undefined;
  const peers = inputs.index.profiles.filter((p) => (level === 'country' ? p.area.level === 'region' : p.area.level === 'la' && p.area.regionCode === profile.code && p.area.lastYear === undefined));
  const measures = core.map((m) => ({ id: m.id, year: lastYearOf(profile, m), m }));
  return {
    kind: level === 'country' ? 'regions' : 'councils',
    measures: measures.map(({ id, year }) => ({ id, year })),
    rows: peers.map((p) => ({
      code: p.code,
      name: p.area.name,
      cells: measures.map(({ m, year }) => {
        const code = memberIn(p, year);
        return code ? inputs.lookup(m.id, code, year)?.[m.hasRate ? 'rate' : 'count'] : undefined;
      }),
    })),
  };
}
