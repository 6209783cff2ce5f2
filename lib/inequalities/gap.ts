import { byAreaOrder, councilsIn, ENGLAND, valueAt, yearIndex } from '../explorer/access';
import type { AreaMeta, MeasureData } from '../explorer/types';
import { STATUS_LABEL } from '../status';
import type { GapSeries, GapYear, GroupRate, IneqCouncil } from './types';

/**
 * The gap between the most and the least deprived fifths of councils, year by year (pure). A
 * council-level comparison: councils are ranked by their IMD 2019 average score, and each fifth's
 * rate is pooled — all its children on plans (or in care…) ÷ all its children aged 0-17 — so a
 * small council weighs as much as its children, not as much as a big one.
 *
 * - The fifths are of the councils that existed that year and have a score (File 11 covers the 151
 *   councils of April 2019; councils created or abolished around then have none and are listed).
 *   With 150 or so councils, a fifth is about 30: `fifthSize(n)` = n ÷ 5 rounded.
 * - A council whose count is suppressed or missing that year, or has no population figure, is left
 *   out of its fifth's numerator and denominator both, and listed.
 */

export function fifthSize(n: number): number {
  return Math.round(n / 5);
}

/** Councils of a year with a score, most deprived first (ties by name). */
export function rankedCouncils(data: MeasureData, scores: ReadonlyMap<string, IneqCouncil>, year: number): AreaMeta[] {
  return councilsIn(data, year)
    .filter((a) => scores.get(a.code)?.imd !== undefined)
    .sort((a, b) => scores.get(b.code)!.imd! - scores.get(a.code)!.imd! || a.name.localeCompare(b.name));
}

function pooled(data: MeasureData, group: readonly AreaMeta[], year: number): GroupRate | undefined {
  const yi = yearIndex(data, year);
  let count = 0;
  let children = 0;
  let councils = 0;
  const excluded: { code: string; name: string; reason: string }[] = [];
  for (const a of group) {
    const c = data.count[a.code]?.[yi];
    const p = data.population[a.code]?.[yi];
    if (typeof c !== 'number') excluded.push({ code: a.code, name: a.name, reason: c === null || c === undefined ? 'no figure published' : STATUS_LABEL[c] });
    else if (typeof p !== 'number' || !(p > 0)) excluded.push({ code: a.code, name: a.name, reason: 'no child population figure' });
    else {
      count += c;
      children += p;
      councils++;
    }
  }
  if (councils === 0) return undefined;
  return { rate: (count / children) * 10_000, count, children, councils, excluded };
}

export function gapYear(data: MeasureData, scores: ReadonlyMap<string, IneqCouncil>, year: number): GapYear {
  const ranked = rankedCouncils(data, scores, year);
  const k = fifthSize(ranked.length);
  return {
    year,
    most: k > 0 ? pooled(data, ranked.slice(0, k), year) : undefined,
    least: k > 0 ? pooled(data, ranked.slice(ranked.length - k), year) : undefined,
    england: valueAt(data, 'rate', ENGLAND, year),
  };
}

export function computeGap(data: MeasureData, councils: readonly IneqCouncil[]): GapSeries {
  const scores = new Map(councils.map((c) => [c.code, c]));
  const unranked = new Map<string, { code: string; name: string; years: number[] }>();
  for (const y of data.years) {
    for (const a of councilsIn(data, y)) {
      if (scores.get(a.code)?.imd !== undefined) continue;
      const u = unranked.get(a.code) ?? { code: a.code, name: a.name, years: [] };
      u.years.push(y);
      unranked.set(a.code, u);
    }
  }
  return {
    measureId: data.measure.id,
    years: data.years.map((y) => gapYear(data, scores, y)),
    unranked: [...unranked.values()]
      .sort(byAreaOrder(data))
      .map((u) => ({ code: u.code, name: u.name, years: u.years.length === 1 ? String(u.years[0]) : `${u.years[0]} to ${u.years[u.years.length - 1]}` })),
  };
}

/** Most ÷ least deprived fifth's rate (a ratio computed here from the two pooled rates). */
export function gapRatio(g: GapYear): number | undefined {
  return g.most && g.least && g.least.rate > 0 ? g.most.rate / g.least.rate : undefined;
}
