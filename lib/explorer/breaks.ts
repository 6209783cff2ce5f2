import type { SeriesBreak } from './types';

/** Breaks in a measure's series as charts take them (components/charts/TrendChart TrendBreak): pure, no React. */

/** A stable id for a break (the open one is view state in the chart's parent). */
export function breakId(b: Pick<SeriesBreak, 'year' | 'kind'>): string {
  return `break-${b.year}-${b.kind}`;
}

/** The chart's form of a measure's breaks: id, year, label, note and how the figures before were counted. */
export function chartBreaks(breaks: readonly SeriesBreak[]): { id: string; year: number; label: string; note: string; before: string | undefined }[] {
  return breaks.map((b) => ({ id: breakId(b), year: b.year, label: b.label, note: b.note, before: b.before || undefined }));
}
