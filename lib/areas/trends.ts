import type { Series } from '../explorer/types';
import type { Measure } from '../schema/tables';
import { memberIn, type Profile } from './identity';
import { ENGLAND, type ProfileInputs } from './inputs';

/**
 * The trend of each measure on a profile (pure): the area's line (one series across a same-area
 * code change: Buckinghamshire's county code to 2019-20, its unitary code after), England's and,
 * for a council, its region's. A year the area did not exist is no point at all; a year with a
 * missing figure is a point with its DfE code.
 */

export interface ProfileTrend {
  readonly measure: string;
  readonly unit: 'rate' | 'count';
  readonly series: readonly Series[];
  /** Where the area's figures move from one code to another (same area), for a note under the chart. */
  readonly codeChanges: readonly { readonly year: number; readonly from: string; readonly to: string }[];
}

export function profileTrend(inputs: ProfileInputs, profile: Profile, m: Measure): ProfileTrend {
  const unit = m.hasRate ? 'rate' : 'count';
  const years = Array.from({ length: m.lastYear - m.firstYear + 1 }, (_, i) => m.firstYear + i);
  const lineOf = (code: string, label: string, kind: Series['kind']): Series => ({
    key: code,
    label,
    kind,
    points: years.map((year) => ({ year, cell: inputs.lookup(m.id, code, year)?.[unit] })),
  });
  const a = profile.area;
  const own: Series = {
    key: profile.code,
    label: a.name,
    kind: a.level === 'country' ? 'england' : a.level === 'region' ? 'region' : 'area',
    points: years.flatMap((year) => {
      const code = memberIn(profile, year);
      return code ? [{ year, cell: inputs.lookup(m.id, code, year)?.[unit] }] : [];
    }),
    note: a.changeNote || undefined,
  };
  const series: Series[] = [];
  if (a.level !== 'country') series.push(lineOf(ENGLAND, 'England', 'england'));
  if (a.level === 'la' && a.regionCode) series.push(lineOf(a.regionCode, inputs.areas.get(a.regionCode)?.name ?? a.regionCode, 'region'));
  series.push(own);
  const codeChanges: ProfileTrend['codeChanges'][number][] = [];
  for (let i = 1; i < profile.members.length; i++) {
    const y = profile.members[i]!.firstYear;
    if (y >= m.firstYear && y <= m.lastYear) codeChanges.push({ year: y, from: profile.members[i - 1]!.code, to: profile.members[i]!.code });
  }
  return { measure: m.id, unit, series, codeChanges };
}
