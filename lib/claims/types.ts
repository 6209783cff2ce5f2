import type { BreakLike } from '../breaks';
import type { BreakKind } from '../schema/pathway';
import type { PeriodType } from '../schema/tables';
import type { Cell } from '../status';
import type { CheckForm } from './spec';

/**
 * What the claim engine reads (ClaimData, an interface so tests can hand it a made-up series) and
 * what it returns (ClaimResult: plain, serialisable data for the pages).
 */

export type Unit = 'count' | 'rate';

/** holds · holds with a caveat · does not hold · can't be checked with these data. */
export type Verdict = 'holds' | 'caveat' | 'fails' | 'cannot';
export const VERDICTS: readonly Verdict[] = ['holds', 'caveat', 'fails', 'cannot'];

/** The answer of one test: yes, no, or not decidable at the precision the figures are published to. */
export type Outcome = 'yes' | 'no' | 'unclear';

export interface MeasureInfo {
  readonly id: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly period: PeriodType;
  readonly countUnit: string;
  readonly hasRate: boolean;
  readonly firstYear: number;
  readonly lastYear: number;
}

export interface ObservedFigure {
  readonly cell: Cell;
  readonly sourceId: string;
}

export interface ReleaseInfo {
  readonly id: string;
  /** "Department for Education, Children in need, reporting year 2025 (2024-25), C4: …" */
  readonly citation: string;
  readonly url: string;
  /** When published, as the release says ("November 2025", "2018"). */
  readonly published: string;
  /** The latest day it can have been published on, as yyyymmdd (end of the month or year given); undefined if unknown. */
  readonly publishedBy: number | undefined;
}

export interface ClaimBreak extends BreakLike {
  readonly kind: BreakKind;
  readonly note: string;
}

/** One CWIP rate per 10,000 children in a neighbourhood deprivation decile (1 = most deprived tenth). */
export interface CwipPoint {
  readonly decile: number;
  readonly value: number;
  /** Half the rounding step of the published figure (0.5 for whole numbers). */
  readonly halfWidth: number;
  readonly sourceId: string;
  /** "CLA (children looked after)" as the row names it. */
  readonly measureLabel: string;
  readonly year: number | undefined;
  readonly certainty: string;
}

export interface ClaimData {
  measure(id: string): MeasureInfo | undefined;
  /** Today's figure (the latest release covering the year), or undefined if there is no row. */
  figure(measure: string, area: string, year: number, unit: Unit): ObservedFigure | undefined;
  /** What older releases gave for the same count (data/reports/revisions.csv), oldest first. */
  earlier(measure: string, area: string, year: number): readonly ObservedFigure[];
  breaks(measure: string): readonly ClaimBreak[];
  release(id: string): ReleaseInfo | undefined;
  areaName(code: string): string;
  cwip(country: string, measure: string): readonly CwipPoint[];
}

/* ---- Results ------------------------------------------------------------------------------------ */

export type Step =
  /** A figure read from the data, with the release it comes from. */
  | { readonly kind: 'figure'; readonly text: string; readonly sourceId: string }
  /** Arithmetic on figures already shown. */
  | { readonly kind: 'calc'; readonly text: string }
  /** A comparison with what the claim says, and its answer. */
  | { readonly kind: 'test'; readonly text: string; readonly outcome: Outcome }
  /** Why something could not be read or checked. */
  | { readonly kind: 'note'; readonly text: string };

/** One reading of a check judged side by side with others (a base year, or a like-for-like series). */
export interface Alternative {
  readonly label: string;
  /** "87,700 in 2009-10 to 201,000 in 2019-20" */
  readonly figures: string;
  /** "2.29 times" */
  readonly result: string;
  readonly outcome: Outcome;
  /** Breaks in the series this reading crosses, in words. */
  readonly crosses: readonly string[];
  /** Whether this row decides the verdict (a base year) or informs it (like for like). */
  readonly role: 'base' | 'like-for-like';
}

/** A figure a check used: today's value and release, the figure of the time when known, and other releases' figures. */
export interface FigureUse {
  readonly key: string;
  readonly label: string;
  readonly now: { readonly text: string; readonly sourceId: string };
  /** The latest release published before the claim was made; undefined when none of the releases these data hold was. */
  readonly then: { readonly text: string; readonly sourceId: string } | undefined;
  /** Every other figure a release gave (revisions), oldest first. */
  readonly history: readonly { readonly text: string; readonly sourceId: string }[];
  readonly revised: boolean;
}

export interface CheckResult {
  readonly form: CheckForm;
  /** The words of the quote the check tests. */
  readonly says: string;
  /** The check in plain English. */
  readonly spec: string;
  readonly note: string | undefined;
  readonly verdict: Verdict;
  /** One line: what the figures say. */
  readonly short: string;
  readonly steps: readonly Step[];
  readonly alternatives: readonly Alternative[];
  readonly caveats: readonly string[];
  /** The same check on the figures of the time, where a figure it uses was revised since. */
  readonly then: { readonly verdict: Verdict; readonly short: string; readonly steps: readonly Step[] } | undefined;
  readonly figures: readonly FigureUse[];
  /** What to draw: measure and the years the check speaks of. */
  readonly highlight: readonly { readonly measure: string; readonly years: readonly number[]; readonly unit: Unit }[];
  /** For unverifiable checks: what data would check it. */
  readonly needs: string | undefined;
  /** The claim is dated but a figure used has no release in these data from before it (the figure of the time is unknown). */
  readonly thenUnknown: boolean;
}

export interface ClaimResult {
  readonly id: string;
  readonly area: string;
  readonly verdict: Verdict;
  /** Verdict on the figures of the time, when any figure was revised since and it differs. */
  readonly thenVerdict: Verdict | undefined;
  /** "Holds", "Holds, with a caveat", "Does not hold now", "Can't be checked with these data". */
  readonly label: string;
  readonly reason: string;
  readonly checks: readonly CheckResult[];
  readonly caveats: readonly string[];
  /** Measures the claim reads (for filters and related claims). */
  readonly measures: readonly string[];
  readonly note: string | undefined;
}
