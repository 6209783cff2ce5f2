import { formatYear } from '../format';
import { ratioLimits, RATIO_CLASS_LABEL } from '../stats/standardise';
import { adjustedFor } from './adjusted';
import { buildInequalitiesData, ineqMeasureFile } from './build';
import { profileView } from './profile';
import { councilMap } from './share';
import { contextOf, defaultIneqState } from './state';
import { ADJUSTED_MEASURES } from './types';
import { scatterView } from './views';

/**
 * A council's deprivation, for its council page (build time): where its children live against
 * England, its point on the scatter (children looked after, latest year), and its observed and
 * expected numbers with the funnel verdict for each measure CWIP published decile rates for.
 */

export interface CouncilVerdict {
  readonly measureId: string;
  readonly label: string;
  readonly period: string;
  readonly observed: number | undefined;
  readonly expected: number | undefined;
  readonly observedRate: number | undefined;
  readonly expectedRate: number | undefined;
  readonly ratio: number | undefined;
  readonly lower95: number | undefined;
  readonly upper95: number | undefined;
  readonly verdict: string;
  /** Why there is no figure, when there is none. */
  readonly missing: string | undefined;
}

/**
 * A council's page's scatter: children looked after in the latest year the council existed in (an
 * abolished council: its last year), with the council selected.
 */
export function councilScatter(code: string) {
  const data = buildInequalitiesData();
  const council = data.councils.find((c) => c.code === code);
  if (!council) throw new Error(`councilScatter: ${code} is not a council`);
  const ctx = contextOf(data);
  const state = { ...defaultIneqState(ctx), areas: [code] };
  const year = Math.min(ctx.measures.find((m) => m.id === state.measure)!.lastYear, council.lastYear ?? Infinity);
  // A council without an IMD 2019 average score (created or abolished around 2019) is placed by the share of its children in the most deprived 10%.
  const x = council.imd === undefined ? 'share' : state.x;
  return scatterView({ md: ineqMeasureFile(state.measure).data, councils: councilMap(data.councils), regions: data.regions, iod: data.iodSource, state: { ...state, year, x }, ctx, interactive: false });
}

export function councilDeprivation(code: string) {
  const data = buildInequalitiesData();
  const council = data.councils.find((c) => c.code === code);
  if (!council) throw new Error(`councilDeprivation: ${code} is not a council`);
  const ctx = contextOf(data);
  const base = defaultIneqState(ctx);
  const state = { ...base, areas: [code] };
  const councils = councilMap(data.councils);
  const children = data.deciles[code];
  const profile = children && children.some((c) => c > 0) ? profileView({ code, name: council.name, children, england: data.deciles['E92000001']!, iod: data.iodSource, state, ctx }) : undefined;
  const lastYear = (id: string) => ctx.measures.find((m) => m.id === id)!.lastYear;
  const scatter = councilScatter(code);
  const verdicts: CouncilVerdict[] = ADJUSTED_MEASURES.map((id) => {
    const f = ineqMeasureFile(id);
    const y = Math.min(lastYear(id), council.lastYear ?? Infinity);
    const r = adjustedFor(f.data, f.adjusted!, councils, y);
    const p = r.points.find((x) => x.code === code);
    const miss = r.missing.find((x) => x.code === code);
    const l = p ? ratioLimits(p.expected) : undefined;
    return {
      measureId: id,
      label: f.data.measure.shortLabel,
      period: formatYear(f.data.measure.period, y),
      observed: p?.observed,
      expected: p?.expected,
      observedRate: p?.observedRate,
      expectedRate: p?.expectedRate,
      ratio: p?.ratio,
      lower95: l?.lower95,
      upper95: l?.upper95,
      verdict: p ? RATIO_CLASS_LABEL[p.cls] : '',
      missing: p ? undefined : (miss?.reason ?? 'no figure'),
    };
  });
  return { council, profile, scatter, verdicts, links: { scatter: `/inequalities/?areas=${code}#scatter`, adjusted: `/inequalities/?areas=${code}#adjusted`, profile: `/inequalities/?areas=${code}#profile` } };
}
