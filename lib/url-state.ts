/**
 * Query string → view state (DESIGN §4), parsed with zod: a bad or unknown parameter falls back to
 * the default with a notice (never a crash). Shapes, defaults and the writer are in lib/view-state.
 */
import * as z from 'zod/mini';
import { ENGLAND } from './explorer/access';
import { yearParam } from './url-year';
import { defaultState, PARAMS, PLOTS, shown, TABLE_MODES, VIEWS, MAX_AREAS, YEAR_ORDERS, type Notice, type StateContext, type ViewState } from './view-state';

export * from './view-state';

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
    let england = false;
    for (const code of a.split(',').map((s) => s.trim().toUpperCase())) {
      if (ctx.areaCodes.has(code)) {
        if (!areas.includes(code)) areas.push(code);
      } else if (code === ENGLAND) england = true;
      else if (code !== '') bad.push(code);
    }
    if (england) notices.push({ param: 'areas', info: true, message: 'England is always shown, so its code (E92000001) is not needed in the link.' });
    if (bad.length) notices.push({ param: 'areas', message: `Ignored ${bad.length === 1 ? 'an area code' : `${bad.length} area codes`} not in this data: ${bad.slice(0, 3).map(shown).join(', ')}${bad.length > 3 ? '…' : ''}.` });
    if (areas.length > MAX_AREAS) {
      notices.push({ param: 'areas', message: `At most ${MAX_AREAS} areas can be compared; the first ${MAX_AREAS} are shown.` });
      areas = areas.slice(0, MAX_AREAS);
    }
  }

  const yearOf = (name: 'year' | 'from' | 'to', fallback: number) => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const r = yearParam(ctx.firstYear, ctx.lastYear).safeParse(raw);
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

  let table = d.table;
  const t = get('table');
  if (t !== undefined) {
    const r = z.enum(TABLE_MODES).safeParse(t);
    if (r.success) table = r.data;
    else notices.push({ param: 'table', message: `“${shown(t)}” is not a table (areas or councils); showing the compared areas over time.` });
  }

  let order = d.order;
  const o = get('order');
  if (o !== undefined) {
    const r = z.enum(YEAR_ORDERS).safeParse(o);
    if (r.success) order = r.data;
    else notices.push({ param: 'order', message: `“${shown(o)}” is not an order of years (newest or oldest); showing the newest first.` });
  }

  return { state: { view, areas, year, from, to, unit, regions, plot, table, order }, notices };
}

