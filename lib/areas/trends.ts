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
  /** The releases of the figures drawn, and the years whose rates are DfE's or computed here. */
  readonly sourceIds: readonly string[];
  readonly publishedRateYears: readonly number[];
  readonly computedRateYears: readonly number[];
  /** Per series (by key), aligned with its points: the release and rate origin of each figure (null: no row). */
  readonly provenance: Readonly<Record<string, readonly ({ readonly code: string; readonly sourceId: string; readonly rateOrigin: string } | null)[]>>;
}

export function profileTrend(inputs: ProfileInputs, profile: Profile, m: Measure): ProfileTrend {
  const unit = m.hasRate ? 'rate' : 'count';
  const sourceIds = new Set<string>();
  const published = new Set<number>();
  const computed = new Set<number>();
  const prov: Record<string, ({ code: string; sourceId: string; rateOrigin: string } | null)[]> = {};
  const get = (code: string, year: number, key: string) => {
    const o = inputs.lookup(m.id, code, year);
    (prov[key] ??= []).push(o ? { code, sourceId: o.sourceId, rateOrigin: unit === 'rate' ? o.rateOrigin : '' } : null);
    if (o) {
      sourceIds.add(o.sourceId);
      if (o.rateSourceId) sourceIds.add(o.rateSourceId);
      if (unit === 'rate' && o.rateOrigin === 'published') published.add(year);
      if (unit === 'rate' && o.rateOrigin === 'computed') computed.add(year);
    }
    return o?.[unit];
  };
  const years = Array.from({ length: m.lastYear - m.firstYear + 1 }, (_, i) => m.firstYear + i);
  const lineOf = (code: string, label: string, kind: Series['kind']): Series => ({
    key: code,
    label,
    kind,
    points: years.map((year) => ({ year, cell: get(code, year, code) })),
  });
  const a = profile.area;
  const own: Series = {
    key: profile.code,
    label: a.name,
    kind: a.level === 'country' ? 'england' : a.level === 'region' ? 'region' : 'area',
    points: years.flatMap((year) => {
      const code = memberIn(profile, year);
      return code ? [{ year, cell: get(code, year, profile.code) }] : [];
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
  const sorted = (xs: Set<number>) => [...xs].sort((a, b) => a - b);
  return { measure: m.id, unit, series, codeChanges, sourceIds: [...sourceIds].sort(), publishedRateYears: sorted(published), computedRateYears: sorted(computed), provenance: prov };
}
