/**
 * Query string → view state of /inequalities/ and its embeds, parsed with zod: a bad or unknown
 * parameter falls back to the default with a notice (never a crash, never echoed as markup).
 */
import * as z from 'zod/mini';
import { yearParam } from '../url-year';
import { shown, type Notice } from '../view-state';
import { defaultIneqState, INEQ_PARAMS, MAX_COUNCILS, measureYears, type IneqContext, type IneqState } from './state';
import { ADJUSTED_MEASURES, SCALES } from './types';

export type { Notice };

export function parseIneqState(params: URLSearchParams, ctx: IneqContext): { state: IneqState; notices: Notice[] } {
  const d = defaultIneqState(ctx);
  const notices: Notice[] = [];
  const get = (name: string) => {
    const all = params.getAll(name);
    if (all.length > 1) notices.push({ param: name, message: `“${name}” was given ${all.length} times; the first is used.` });
    return all[0];
  };
  for (const name of new Set(params.keys())) {
    if (!(INEQ_PARAMS as readonly string[]).includes(name)) notices.push({ param: name, message: `Ignored unknown setting “${shown(name)}”.` });
  }
  const measureIds = ctx.measures.map((m) => m.id) as [string, ...string[]];
  const labelOf = (id: string) => ctx.measures.find((m) => m.id === id)?.label ?? id;

  const oneOf = <T extends string>(name: string, options: readonly [T, ...T[]], fallback: T, what: string, fallbackWords: string): T => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const r = z.enum(options).safeParse(raw);
    if (r.success) return r.data;
    notices.push({ param: name, message: `“${shown(raw)}” is not ${what} (${options.join(', ')}); showing ${fallbackWords}.` });
    return fallback;
  };
  const yearOf = (name: string, measureId: string) => {
    const { firstYear, lastYear } = measureYears(ctx, measureId);
    const raw = get(name);
    if (raw === undefined) return lastYear;
    const r = yearParam(firstYear, lastYear).safeParse(raw);
    if (r.success) return r.data;
    notices.push({ param: name, message: `“${shown(raw)}” is not a year with data (${firstYear} to ${lastYear}); showing ${lastYear}.` });
    return lastYear;
  };

  const measure = oneOf('measure', measureIds, d.measure, 'a measure on this page', labelOf(d.measure).toLowerCase());
  const x = oneOf('x', SCALES, d.x, 'a deprivation scale', 'the IMD 2019 average score');
  const year = yearOf('year', measure);

  let region: string | undefined;
  const rg = get('region');
  if (rg !== undefined && rg !== '') {
    const code = rg.trim().toUpperCase();
    if (ctx.regionCodes.has(code)) region = code;
    else notices.push({ param: 'region', message: `“${shown(rg)}” is not a region code (E12…); no region is picked out.` });
  }

  let areas: string[] = [];
  const a = get('areas');
  if (a !== undefined && a !== '') {
    const bad: string[] = [];
    for (const code of a.split(',').map((s) => s.trim().toUpperCase())) {
      if (ctx.councilCodes.has(code)) {
        if (!areas.includes(code)) areas.push(code);
      } else if (code !== '') bad.push(code);
    }
    if (bad.length) notices.push({ param: 'areas', message: `Ignored ${bad.length === 1 ? 'a council code' : `${bad.length} council codes`} not in this data: ${bad.slice(0, 3).map(shown).join(', ')}${bad.length > 3 ? '…' : ''}.` });
    if (areas.length > MAX_COUNCILS) {
      notices.push({ param: 'areas', message: `At most ${MAX_COUNCILS} councils can be labelled; the first ${MAX_COUNCILS} are.` });
      areas = areas.slice(0, MAX_COUNCILS);
    }
  }

  const adj = oneOf('adj', ADJUSTED_MEASURES, d.adj, 'a measure with published decile rates', labelOf(d.adj).toLowerCase());
  const adjyear = yearOf('adjyear', adj);
  const gap = oneOf('gap', measureIds, d.gap, 'a measure on this page', labelOf(d.gap).toLowerCase());

  return { state: { measure, x, year, region, areas, adj, adjyear, gap }, notices };
}
