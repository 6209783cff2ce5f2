import { classify, funnelLimits } from '../stats/funnel';
import type { Measure } from '../schema/tables';
import type { Cell } from '../status';
import type { Profile } from './identity';
import { ENGLAND, lastYearOf, profileObservation, type ProfileInputs } from './inputs';

/**
 * The headline of a profile (pure): for each core measure, the area's latest figure (count and rate)
 * with its year, England's and the region's rate that year, the area's rank among councils (or
 * regions), and where it falls against the funnel plot's 99.8% limits around England's rate for a
 * council of its size. A figure that is missing in the latest year stays missing, with its code; the
 * last year with a figure is given beside it.
 */

export interface RankOf {
  /** 1 = the highest rate. Tied areas share the position. */
  readonly position: number;
  /** Areas ranked (those with a rate that year). */
  readonly of: number;
  readonly tied: boolean;
  /** 'councils' or 'regions'. */
  readonly among: 'councils' | 'regions';
}

export type FunnelVerdict = 'above' | 'below' | 'within';

export interface FunnelOf {
  readonly verdict: FunnelVerdict;
  /** Children aged 0-17 (the rate's denominator). */
  readonly population: number;
  /** England's rate, the centre line. */
  readonly centre: number;
  readonly lower998: number;
  readonly upper998: number;
}

export interface HeadlineFigure {
  readonly measure: string;
  readonly year: number;
  /** The code the figure is published under (a member of the profile); undefined if the area did not exist. */
  readonly dataCode: string | undefined;
  /** undefined: no figure published (no row). */
  readonly count: Cell | undefined;
  readonly rate: Cell | undefined;
  readonly rateOrigin: 'published' | 'computed' | '';
  readonly sourceId: string | undefined;
  /** When the latest figure is missing: the last year with a figure. */
  readonly lastValue: { readonly year: number; readonly count: Cell | undefined; readonly rate: Cell | undefined; readonly sourceId: string } | undefined;
  readonly england: { readonly count: Cell | undefined; readonly rate: Cell | undefined } | undefined;
  readonly region: { readonly code: string; readonly rate: Cell | undefined } | undefined;
  readonly rank: RankOf | undefined;
  readonly funnel: FunnelOf | undefined;
}

const valueOf = (c: Cell | undefined) => (c?.kind === 'value' ? c.value : undefined);

/** Rank of `value` among `values`, highest first (standard competition ranking). */
export function rankAmong(value: number, values: readonly number[]): { position: number; tied: boolean } {
  return { position: 1 + values.filter((v) => v > value).length, tied: values.filter((v) => v === value).length > 1 };
}

export function headlineFigure(inputs: ProfileInputs, profile: Profile, m: Measure): HeadlineFigure {
  const year = lastYearOf(profile, m);
  const { code, obs } = profileObservation(inputs, profile, m.id, year);
  const level = profile.area.level;
  const basis: 'rate' | 'count' = m.hasRate ? 'rate' : 'count';

  let lastValue: HeadlineFigure['lastValue'];
  if (valueOf(obs?.[basis]) === undefined) {
    for (let y = year - 1; y >= Math.max(m.firstYear, profile.members[0]!.firstYear); y--) {
      const p = profileObservation(inputs, profile, m.id, y).obs;
      if (p && valueOf(p[basis]) !== undefined) {
        lastValue = { year: y, count: p.count, rate: p.rate, sourceId: p.sourceId };
        break;
      }
    }
  }

  const eng = level === 'country' ? undefined : inputs.lookup(m.id, ENGLAND, year);
  const regionCode = level === 'la' ? profile.area.regionCode : undefined;
  const reg = regionCode ? inputs.lookup(m.id, regionCode, year) : undefined;

  let rank: RankOf | undefined;
  const own = valueOf(obs?.[basis]);
  if (own !== undefined && level !== 'country') {
    const among = level === 'la' ? 'councils' : 'regions';
    const peers = inputs.observationsIn(m.id, year).filter((o) => {
      const a = inputs.areas.get(o.areaCode);
      return a !== undefined && (level === 'la' ? a.level === 'la' && a.firstYear <= year && (a.lastYear === undefined || a.lastYear >= year) : a.level === 'region');
    });
    const values = peers.map((o) => valueOf(o[basis])).filter((v): v is number => v !== undefined);
    const r = rankAmong(own, values);
    rank = { ...r, of: values.length, among };
  }

  let funnel: FunnelOf | undefined;
  const p0 = valueOf(inputs.lookup(m.id, ENGLAND, year)?.rate);
  const n = code ? inputs.population(code, year - 1) : undefined;
  if (level === 'la' && m.hasRate && own !== undefined && p0 !== undefined && n !== undefined && n > 0) {
    const c = classify(own, n, p0);
    const l = funnelLimits(p0, n);
    funnel = { verdict: c === 'above998' ? 'above' : c === 'below998' ? 'below' : 'within', population: n, centre: p0, lower998: l.lower998, upper998: l.upper998 };
  }

  return {
    measure: m.id,
    year,
    dataCode: code,
    count: obs?.count,
    rate: m.hasRate ? obs?.rate : undefined,
    rateOrigin: obs?.rateOrigin ?? '',
    sourceId: obs?.sourceId,
    lastValue,
    england: eng ? { count: eng.count, rate: eng.rate } : level === 'country' ? undefined : { count: undefined, rate: undefined },
    region: regionCode ? { code: regionCode, rate: reg?.rate } : undefined,
    rank,
    funnel,
  };
}

/** The measure page of a measure with the profile's codes selected (those that have figures of it). */
export function measureLink(inputs: ProfileInputs, profile: Profile, m: Measure, view?: 'rank' | 'map', withRegion = false): string {
  const own = profile.area.level === 'country' ? [] : profile.members.filter((mm) => hasAny(inputs, m, mm.code)).map((mm) => mm.code);
  const region = withRegion && profile.area.level === 'la' && profile.area.regionCode && hasAny(inputs, m, profile.area.regionCode) ? [profile.area.regionCode] : [];
  const codes = [...region, ...own];
  const q = new URLSearchParams();
  if (view) q.set('view', view);
  if (codes.length) q.set('areas', codes.join(','));
  const s = q.toString().replace(/%2C/g, ',');
  return `/measures/${m.id}/${s ? `?${s}` : ''}`;
}

function hasAny(inputs: ProfileInputs, m: Measure, code: string): boolean {
  for (let y = m.firstYear; y <= m.lastYear; y++) if (inputs.lookup(m.id, code, y)) return true;
  return false;
}
