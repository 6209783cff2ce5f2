import type { BreakScope } from './schema/pathway';

/**
 * Comparisons across breaks in a series (pure). A change "since 2009-10" that crosses a break
 * (the 2012-13 counting change of section 47 enquiries, the experimental first census year)
 * compares figures counted differently: say so, and give the like-for-like change too, from the
 * first year after the last break crossed.
 */

export interface BreakLike {
  /** First year counted the new way. */
  readonly year: number;
  readonly appliesTo: BreakScope;
  readonly label: string;
  readonly before: string;
}

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

export interface Change<B extends BreakLike = BreakLike> {
  readonly from: YearValue;
  readonly to: YearValue;
  /** Breaks between `from` and `to` that affect this unit, oldest first. */
  readonly crosses: readonly B[];
  /** The same change from the first year with a figure after the last break crossed; undefined when none crossed (or no figure after it). */
  readonly likeForLike: { readonly from: YearValue; readonly to: YearValue } | undefined;
}

/** Breaks that affect a unit: counting and definition changes affect counts and rates; a new population base only rates. */
export function breaksForUnit<B extends BreakLike>(breaks: readonly B[], unit: 'count' | 'rate'): B[] {
  return breaks.filter((b) => unit === 'rate' || b.appliesTo === 'count-and-rate');
}

/** Breaks between two years (a break at year Y lies between Y-1 and Y). */
export function breaksBetween<B extends BreakLike>(breaks: readonly B[], from: number, to: number): B[] {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  return breaks.filter((b) => b.year > lo && b.year <= hi).sort((a, b) => a.year - b.year);
}

/**
 * The change between the first and last points given (ascending years, values only), with the
 * breaks it crosses and the like-for-like change.
 */
export function changeWithBreaks<B extends BreakLike>(points: readonly YearValue[], breaks: readonly B[], unit: 'count' | 'rate'): Change<B> | undefined {
  if (points.length < 2) return undefined;
  const from = points[0]!;
  const to = points[points.length - 1]!;
  const crosses = breaksBetween(breaksForUnit(breaks, unit), from.year, to.year);
  if (crosses.length === 0) return { from, to, crosses, likeForLike: undefined };
  const since = crosses[crosses.length - 1]!.year;
  const base = points.find((p) => p.year >= since);
  return { from, to, crosses, likeForLike: base && base.year < to.year ? { from: base, to } : undefined };
}

/** Percentage change, e.g. 163 for +163%. */
export const pctChange = (from: number, to: number) => ((to - from) / from) * 100;

/** "counting changed between 2011-12 and 2012-13" (years in the measure's own labels). */
export function breakPhrase(b: Pick<BreakLike, 'year' | 'label'>, formatYear: (y: number) => string): string {
  return `${b.label.charAt(0).toLowerCase()}${b.label.slice(1)} between ${formatYear(b.year - 1)} and ${formatYear(b.year)}`;
}
