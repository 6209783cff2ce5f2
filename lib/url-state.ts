import { z } from 'zod';

/**
 * View state of a measure page ⇄ query string (DESIGN §4). Parsed with zod; a bad or unknown
 * parameter falls back to the default with a notice (never a crash); only values that differ from
 * the defaults are written back. Pure: no window, no React.
 */
export const VIEWS = ['chart', 'map', 'rank', 'table', 'sources'] as const;
export type View = (typeof VIEWS)[number];
export const PLOTS = ['dots', 'funnel'] as const;
export type Plot = (typeof PLOTS)[number];
export const MAX_AREAS = 8;

export interface ViewState {
  readonly view: View;
  /** Selected areas (GSS codes of regions or councils), in the order added. England is always shown. */
  readonly areas: readonly string[];
  readonly year: number;
  readonly from: number;
  readonly to: number;
  readonly unit: 'rate' | 'count';
  /** Show every region's line on the trend chart. */
  readonly regions: boolean;
  /** Rank view: dot plot or funnel plot. */
  readonly plot: Plot;
}

export interface StateContext {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Codes that may be selected (regions and councils of this measure). */
  readonly areaCodes: ReadonlySet<string>;
  readonly hasRate: boolean;
  readonly hasCount: boolean;
}

export interface Notice {
  readonly param: string;
  readonly message: string;
}

export const PARAMS = ['view', 'areas', 'year', 'from', 'to', 'unit', 'regions', 'plot'] as const;

export function defaultState(ctx: StateContext): ViewState {
  return { view: 'chart', areas: [], year: ctx.lastYear, from: ctx.firstYear, to: ctx.lastYear, unit: ctx.hasRate ? 'rate' : 'count', regions: false, plot: 'dots' };
}

/** Show at most 40 characters of what the user typed (React escapes it; this keeps notices short). */
export function shown(raw: string): string {
  const s = raw.replace(/[\u0000-\u001f\u007f]/g, '');
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

const yearParam = (ctx: StateContext) =>
  z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .refine((y) => y >= ctx.firstYear && y <= ctx.lastYear);

export function parseViewState(params: URLSearchParams, ctx: StateContext): { state: ViewState; notices: Notice[] } {
  const d = defaultState(ctx);
  const notices: Notice[] = [];
  const years = `${ctx.firstYear} to ${ctx.lastYear}`;
  const get = (name: string) => {
    const all = params.getAll(name);
    if (all.length > 1) notices.push({ param: name, message: `“${name}” was given ${all.length} times; the first is used.` });
    return all[0];
  };

  for (const name of new Set(params.keys())) {
    if (!(PARAMS as readonly string[]).includes(name)) notices.push({ param: name, message: `Ignored unknown setting “${shown(name)}”.` });
  }

  let view = d.view;
  const v = get('view');
  if (v !== undefined) {
    const r = z.enum(VIEWS).safeParse(v);
    if (r.success) view = r.data;
    else notices.push({ param: 'view', message: `“${shown(v)}” is not a view (${VIEWS.join(', ')}); showing the ${d.view}.` });
  }

  let areas: string[] = [];
  const a = get('areas');
  if (a !== undefined && a !== '') {
    const bad: string[] = [];
    for (const code of a.split(',').map((s) => s.trim().toUpperCase())) {
      if (ctx.areaCodes.has(code)) {
        if (!areas.includes(code)) areas.push(code);
      } else if (code !== '') bad.push(code);
    }
    if (bad.length) notices.push({ param: 'areas', message: `Ignored ${bad.length === 1 ? 'an area code' : `${bad.length} area codes`} not in this data: ${bad.slice(0, 3).map(shown).join(', ')}${bad.length > 3 ? '…' : ''}.` });
    if (areas.length > MAX_AREAS) {
      notices.push({ param: 'areas', message: `At most ${MAX_AREAS} areas can be compared; the first ${MAX_AREAS} are shown.` });
      areas = areas.slice(0, MAX_AREAS);
    }
  }

  const yearOf = (name: 'year' | 'from' | 'to', fallback: number) => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const r = yearParam(ctx).safeParse(raw);
    if (r.success) return r.data;
    notices.push({ param: name, message: `“${shown(raw)}” is not a year with data (${years}); using ${fallback}.` });
    return fallback;
  };
  const year = yearOf('year', d.year);
  let from = yearOf('from', d.from);
  let to = yearOf('to', d.to);
  if (from > to) {
    notices.push({ param: 'from', message: `The start year (${from}) was after the end year (${to}); showing all years.` });
    from = d.from;
    to = d.to;
  }

  let unit = d.unit;
  const u = get('unit');
  if (u !== undefined) {
    const r = z.enum(['rate', 'count']).safeParse(u);
    if (!r.success) notices.push({ param: 'unit', message: `“${shown(u)}” is not a unit (rate or count); showing the ${d.unit}.` });
    else if ((r.data === 'rate' && !ctx.hasRate) || (r.data === 'count' && !ctx.hasCount)) notices.push({ param: 'unit', message: `This measure has no ${r.data}; showing the ${d.unit}.` });
    else unit = r.data;
  }

  let regions = d.regions;
  const rg = get('regions');
  if (rg !== undefined) {
    if (rg === '1' || rg === 'true') regions = true;
    else if (rg === '0' || rg === 'false') regions = false;
    else notices.push({ param: 'regions', message: `“${shown(rg)}” is not on or off (1 or 0); regions are hidden.` });
  }

  let plot = d.plot;
  const p = get('plot');
  if (p !== undefined) {
    const r = z.enum(PLOTS).safeParse(p);
    if (!r.success) notices.push({ param: 'plot', message: `“${shown(p)}” is not a plot (dots or funnel); showing dots.` });
    else if (r.data === 'funnel' && unit !== 'rate') notices.push({ param: 'plot', message: 'A funnel plot needs rates; showing dots.' });
    else plot = r.data;
  }

  return { state: { view, areas, year, from, to, unit, regions, plot }, notices };
}

/** Query string of a state: only what differs from the defaults, in a fixed order ('' when all default). */
export function serializeViewState(s: ViewState, ctx: StateContext): string {
  const d = defaultState(ctx);
  const q = new URLSearchParams();
  if (s.view !== d.view) q.set('view', s.view);
  if (s.areas.length) q.set('areas', s.areas.join(','));
  if (s.year !== d.year) q.set('year', String(s.year));
  if (s.from !== d.from) q.set('from', String(s.from));
  if (s.to !== d.to) q.set('to', String(s.to));
  if (s.unit !== d.unit) q.set('unit', s.unit);
  if (s.regions !== d.regions) q.set('regions', s.regions ? '1' : '0');
  if (s.plot !== d.plot) q.set('plot', s.plot);
  const str = q.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}
