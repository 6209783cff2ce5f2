import { breaksForUnit } from '../breaks';
import type { BreakKind } from '../schema/pathway';
import type { SeriesBreak, Unit } from './types';

/** Breaks in a measure's series as charts take them (components/charts/TrendChart TrendBreak): pure, no React. */

/** A stable id for a break (the open one is view state in the chart's parent). */
export function breakId(b: Pick<SeriesBreak, 'year' | 'kind'>): string {
  return `break-${b.year}-${b.kind}`;
}

/** What a reader should do about a break of each kind. */
export const BREAK_ADVICE: Record<BreakKind, string> = {
  'counting-change': 'Figures either side of the dashed rule count different things, so the line is not joined across it: compare years on the same side.',
  'definition-change': 'Figures either side of the dashed rule were counted under different definitions, so the line is not joined across it: compare years on the same side.',
  'population-rebase': 'Rates either side of the dashed rule use different population estimates, so part of any change across it is not a change in the children counted.',
  'system-change': 'The figures before the dashed rule come from a collection DfE published as experimental, so a change measured from them starts from a less reliable base.',
};

export interface ChartBreak {
  readonly id: string;
  readonly year: number;
  readonly label: string;
  readonly note: string;
  readonly before: string | undefined;
  /** The releases documenting the change, as citations. */
  readonly sources: readonly string[];
  readonly advice: string;
}

/**
 * The chart's form of a measure's breaks for a unit: breaks of the rates only (new population
 * estimates) are left out of a chart of counts; breaks of the same year are one mark on the chart,
 * the change of what is counted first.
 */
export function chartBreaks(breaks: readonly SeriesBreak[], unit: Unit): ChartBreak[] {
  const order: Record<BreakKind, number> = { 'counting-change': 0, 'definition-change': 1, 'system-change': 2, 'population-rebase': 3 };
  const byYear = new Map<number, SeriesBreak[]>();
  for (const b of breaksForUnit(breaks, unit)) byYear.set(b.year, [...(byYear.get(b.year) ?? []), b]);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => {
      const bs = [...list].sort((a, b) => order[a.kind] - order[b.kind]);
      const first = bs[0]!;
      return {
        id: breakId(first),
        year,
        label: first.label,
        note: bs.map((b) => b.note).join(' '),
        before: bs.map((b) => b.before).filter(Boolean).join('; ') || undefined,
        sources: [...new Set(bs.map((b) => b.source))],
        advice: bs.map((b) => BREAK_ADVICE[b.kind]).join(' '),
      };
    });
}

/**
 * For a figure of `year`: the break after it that changes what its count means (a counting or
 * definition change), if any — so tables, downloads and citations can say the figure is counted
 * the earlier way. The experimental first census year and new population bases do not change what
 * a figure counts.
 */
export function countedTheEarlierWay(breaks: readonly SeriesBreak[], year: number): SeriesBreak | undefined {
  return breaks
    .filter((b) => b.year > year && (b.kind === 'counting-change' || b.kind === 'definition-change'))
    .sort((a, b) => a.year - b.year)[0];
}

/** Breaks drawn on a chart of [from, to]: both years either side of the break are in range. */
export function breaksInRange<B extends { readonly year: number }>(breaks: readonly B[] | undefined, from: number, to: number): B[] {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  return [...(breaks ?? [])].filter((b) => b.year - 1 >= lo && b.year <= hi).sort((a, b) => a.year - b.year);
}
