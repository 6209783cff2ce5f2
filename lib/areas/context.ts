import type { DecileRow } from '../schema/deprivation';
import type { Area, Measure } from '../schema/tables';
import type { Cell } from '../status';
import { memberIn, type Profile } from './identity';
import { ENGLAND, lastYearOf, profileObservation, type ProfileInputs } from './inputs';

/**
 * The context of a profile (pure): how many children live there, how deprived it is (English
 * Indices of Deprivation 2019: the council's rank and the children by neighbourhood decile against
 * England's), and the workforce and spending figures of DfE's LAIT, each beside England's.
 */

export interface PopulationFigure {
  /** Mid-year of the estimate (30 June). */
  readonly midYear: number;
  readonly children: number;
  readonly england: number | undefined;
  readonly code: string;
  readonly sourceId: string | undefined;
}

export function childPopulation(inputs: ProfileInputs, profile: Profile, lastDataYear: number): PopulationFigure | undefined {
  const last = profile.members[profile.members.length - 1]!.lastYear ?? lastDataYear;
  for (let mid = Math.min(last, lastDataYear) - 1; mid >= 2009; mid--) {
    const code = memberIn(profile, mid + 1) ?? profile.code;
    const n = inputs.population(code, mid);
    if (n !== undefined) return { midYear: mid, children: n, england: inputs.population(ENGLAND, mid), code, sourceId: inputs.populationSource(code, mid) };
  }
  return undefined;
}

export interface DeprivationSummary {
  readonly basis: Area['deprivationBasis'];
  readonly note: string;
  readonly imdRank: number | undefined;
  readonly idaciRank: number | undefined;
  readonly shareLsoasMostDeprived10: number | undefined;
  /** Share (0-1) of the area's children aged 0-15 living in the most deprived 10% of neighbourhoods (IMD 2019). */
  readonly childrenMostDeprived10: number | undefined;
  /** Share of children in each IMD 2019 decile (1 = most deprived), the area's and England's; undefined if not available. */
  readonly deciles: { readonly area: readonly number[]; readonly england: readonly number[]; readonly children: number; readonly sourceId: string } | undefined;
}

function decileShares(rows: readonly DecileRow[]): number[] | undefined {
  const imd = rows.filter((r) => r.index === 'imd-2019').sort((a, b) => a.decile - b.decile);
  return imd.length === 10 ? imd.map((r) => r.shareOfChildren) : undefined;
}

export function deprivationSummary(inputs: ProfileInputs, profile: Profile): DeprivationSummary {
  const a = profile.area;
  // The decile file holds every code; a same-area predecessor's rows are the same LSOAs.
  const codes = [profile.code, ...profile.members.map((m) => m.code).reverse()];
  let rows: readonly DecileRow[] = [];
  for (const c of codes) {
    rows = inputs.deciles(c);
    if (rows.length) break;
  }
  const area = decileShares(rows);
  const england = decileShares(inputs.deciles(ENGLAND));
  const imd = rows.filter((r) => r.index === 'imd-2019');
  return {
    basis: a.deprivationBasis,
    note: a.deprivationNote,
    imdRank: a.imdAvgScoreRank,
    idaciRank: a.idaciAvgScoreRank,
    shareLsoasMostDeprived10: a.imdShareMostDeprived10,
    childrenMostDeprived10: area?.[0],
    deciles: area && england ? { area, england, children: imd.reduce((s, r) => s + r.children, 0), sourceId: imd[0]!.sourceId } : undefined,
  };
}

export interface LaitFigure {
  readonly measure: string;
  readonly year: number;
  readonly cell: Cell | undefined;
  readonly unit: 'rate' | 'count';
  readonly england: Cell | undefined;
  readonly sourceId: string | undefined;
}

/** The LAIT measures shown under Context, in this order. */
export const CONTEXT_MEASURES = ['social-worker-caseload', 'agency-social-workers', 'social-worker-turnover', 'social-worker-vacancies', 'spend-looked-after', 'spend-family-support', 'spend-safeguarding', 'care-applications', 'child-poverty'] as const;

export function laitFigures(inputs: ProfileInputs, profile: Profile): LaitFigure[] {
  const out: LaitFigure[] = [];
  for (const id of CONTEXT_MEASURES) {
    const m: Measure | undefined = inputs.measures.get(id);
    if (!m) continue;
    const unit = m.hasCount ? 'count' : 'rate';
    // Latest year with a figure here (a former council's last years), else the latest year.
    const last = lastYearOf(profile, m);
    if (last < m.firstYear) continue;
    let year = last;
    for (let y = last; y >= m.firstYear; y--) {
      if (profileObservation(inputs, profile, id, y).obs?.[unit].kind === 'value') {
        year = y;
        break;
      }
    }
    const { obs } = profileObservation(inputs, profile, id, year);
    out.push({ measure: id, year, cell: obs?.[unit], unit, england: profile.code === ENGLAND ? undefined : inputs.lookup(id, ENGLAND, year)?.[unit], sourceId: obs?.sourceId });
  }
  return out;
}
