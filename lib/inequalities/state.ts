import { ADJUSTED_MEASURES, SCALES, type AdjustedMeasureId, type DeprivationScale } from './types';

/**
 * View state of /inequalities/ and its embeds ⇄ query string. One state for the page (the selected
 * councils are labelled on the scatter and the adjusted comparison alike); each chart's permalink
 * carries only its own parameters, and only those that differ from the defaults. Pure: no window,
 * no React, no zod (the parser, lib/inequalities/url.ts, loads after hydration).
 */

export const CHARTS = ['gradient', 'scatter', 'adjusted', 'profile', 'gap'] as const;
export type IneqChart = (typeof CHARTS)[number];

export const INEQ_PARAMS = ['measure', 'x', 'year', 'region', 'areas', 'adj', 'adjyear', 'gap'] as const;
export type IneqParam = (typeof INEQ_PARAMS)[number];

/** The parameters each chart reads (and its permalink and embed carry). */
export const CHART_PARAMS: Record<IneqChart, readonly IneqParam[]> = {
  gradient: [],
  scatter: ['measure', 'x', 'year', 'region', 'areas'],
  adjusted: ['adj', 'adjyear', 'areas'],
  profile: ['areas'],
  gap: ['gap'],
};

export const MAX_COUNCILS = 8;
export const DEFAULT_MEASURE = 'looked-after';

export interface IneqState {
  /** The scatter's measure (a core measure id). */
  readonly measure: string;
  readonly x: DeprivationScale;
  /** The scatter's year. */
  readonly year: number;
  /** A region whose councils the scatter picks out (GSS code), or none. */
  readonly region: string | undefined;
  /** Selected councils (labelled on the scatter and the adjusted comparison), in the order added. */
  readonly areas: readonly string[];
  readonly adj: AdjustedMeasureId;
  readonly adjyear: number;
  /** The gap chart's measure. */
  readonly gap: string;
}

export interface IneqContext {
  /** The core measures and their years. */
  readonly measures: readonly { readonly id: string; readonly label: string; readonly firstYear: number; readonly lastYear: number }[];
  readonly councilCodes: ReadonlySet<string>;
  readonly regionCodes: ReadonlySet<string>;
}

export function measureYears(ctx: IneqContext, id: string): { firstYear: number; lastYear: number } {
  const m = ctx.measures.find((x) => x.id === id) ?? ctx.measures.find((x) => x.id === DEFAULT_MEASURE) ?? ctx.measures[0]!;
  return { firstYear: m.firstYear, lastYear: m.lastYear };
}

export function defaultIneqState(ctx: IneqContext): IneqState {
  const measure = ctx.measures.some((m) => m.id === DEFAULT_MEASURE) ? DEFAULT_MEASURE : ctx.measures[0]!.id;
  return {
    measure,
    x: 'imd',
    year: measureYears(ctx, measure).lastYear,
    region: undefined,
    areas: [],
    adj: ADJUSTED_MEASURES[0],
    adjyear: measureYears(ctx, ADJUSTED_MEASURES[0]).lastYear,
    gap: measure,
  };
}

/** Query string of a state ('' when all default), only the parameters given (default: all), in a fixed order. */
export function serializeIneqState(s: IneqState, ctx: IneqContext, only: readonly IneqParam[] = INEQ_PARAMS): string {
  const d = defaultIneqState(ctx);
  const q = new URLSearchParams();
  const want = (p: IneqParam) => only.includes(p);
  if (want('measure') && s.measure !== d.measure) q.set('measure', s.measure);
  if (want('x') && s.x !== d.x) q.set('x', s.x);
  // The year's default is the latest year of the chosen measure.
  if (want('year') && s.year !== measureYears(ctx, s.measure).lastYear) q.set('year', String(s.year));
  if (want('region') && s.region) q.set('region', s.region);
  if (want('areas') && s.areas.length) q.set('areas', s.areas.join(','));
  if (want('adj') && s.adj !== d.adj) q.set('adj', s.adj);
  if (want('adjyear') && s.adjyear !== measureYears(ctx, s.adj).lastYear) q.set('adjyear', String(s.adjyear));
  if (want('gap') && s.gap !== d.gap) q.set('gap', s.gap);
  const str = q.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}

/** The page path of one chart's view (its section anchored), and its embed path. */
export function chartPaths(chart: IneqChart, s: IneqState, ctx: IneqContext): { path: string; embedPath: string } {
  const qs = serializeIneqState(s, ctx, CHART_PARAMS[chart]);
  return { path: `/inequalities/${qs}#${chart}`, embedPath: `/embed/inequalities/${chart}/${qs}` };
}

export const isScale = (v: string): v is DeprivationScale => (SCALES as readonly string[]).includes(v);

/** What the view state may hold, from the page's data. */
export function contextOf(data: { readonly measures: readonly { readonly id: string; readonly label: string; readonly years: readonly number[] }[]; readonly councils: readonly { readonly code: string }[]; readonly regions: readonly { readonly code: string }[] }): IneqContext {
  return {
    measures: data.measures.map((m) => ({ id: m.id, label: m.label, firstYear: m.years[0]!, lastYear: m.years[m.years.length - 1]! })),
    councilCodes: new Set(data.councils.map((c) => c.code)),
    regionCodes: new Set(data.regions.map((r) => r.code)),
  };
}

/** Whether a chart's part of the state is its default (the view the page draws on the server). */
export function isDefaultView(chart: IneqChart, s: IneqState, ctx: IneqContext): boolean {
  return serializeIneqState(s, ctx, CHART_PARAMS[chart]) === '';
}
