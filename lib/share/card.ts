import { breakPhrase, changeWithBreaks, type BreakLike } from '../breaks';
import { formatChange, formatCount, formatRate, formatYear, formatYearShort } from '../format';
import type { Measure, Observation, Source } from '../schema/tables';
import type { Cell } from '../status';
import { ENGLAND } from '../query';

/**
 * What a social card (og:image) and its alt text say about a measure: England's latest figure,
 * its DfE year label, the change since the first year and the trend. Pure: observations and
 * sources in, wording and numbers out (the image itself is drawn in components/share/SocialCard).
 */

export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** Where a measure's card is served from, e.g. /og/measures/s47-enquiries.png. */
export const measureCardPath = (id: string) => `/og/measures/${id}.png`;
export const HOME_CARD_PATH = '/og/home.png';

export interface TrendPoint {
  readonly year: number;
  readonly value: number | undefined;
}

export interface MeasureCard {
  readonly id: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly group: string;
  /** Latest England year with a figure, and its DfE label ("2024-25", "31 March 2025"). */
  readonly year: number;
  readonly yearLabel: string;
  /** The headline number in its unit: "230,590", "£1.9bn", "17.9%", "9.1". */
  readonly figure: string;
  /** Words after the number: "enquiries", "care applications per 10,000 children", "" for £ and %. */
  readonly figureUnit: string;
  /** The rate of the same year when the headline is a count: "189.3 per 10,000 children". */
  readonly rateText: string | undefined;
  /**
   * "+81%" (relative change) or "+2.3 percentage points", since firstYearLabel; undefined with one
   * year. Where the series has a break, the like-for-like change (from the first year after it).
   */
  readonly change: string | undefined;
  readonly firstYearLabel: string;
  /** Where the change from the first year crosses a break: "counted the same way" on the card. */
  readonly likeForLike: boolean;
  /** The figure `change` is measured from, formatted ("127,190"). */
  readonly changeFromFigure: string | undefined;
  /** When `likeForLike`: the change from the first year, across the breaks, and that year's figure. */
  readonly across: { readonly change: string; readonly fromLabel: string; readonly fromFigure: string; readonly breaks: string } | undefined;
  /** "England, 2024-25: 230,590 enquiries (189.3 per 10,000 children)" */
  readonly headline: string;
  /** "+163% since 2009-10", or "+81% since 2012-13 (like for like); +163% since 2009-10 across breaks in the series (…)" */
  readonly changeText: string | undefined;
  /** England's series drawn on the card: the rate where the measure has one, else the count. */
  readonly trend: {
    readonly unit: 'rate' | 'count';
    readonly unitLabel: string;
    readonly points: readonly TrendPoint[];
    /** Year labels ("2009-10") and values ("72", "£1.1bn") of the first and last points drawn. */
    readonly fromLabel: string;
    readonly toLabel: string;
    readonly fromValue: string;
    readonly toValue: string;
  };
  /** "Department for Education, Children in need, reporting year 2025" */
  readonly source: string;
  /** Alt text of the card image: states the figure, year, change, trend and source. */
  readonly alt: string;
}

const val = (c: Cell): number | undefined => (c.kind === 'value' ? c.value : undefined);

/** A source as one short line for a card: publisher, title, release, without parenthetical detail. */
export function cardSource(s: Pick<Source, 'publisher' | 'title' | 'release'>): string {
  const strip = (t: string) => t.replace(/\s*\([^)]*\)/g, '').trim();
  return [s.publisher, strip(s.title), strip(s.release)].filter(Boolean).join(', ');
}

/**
 * Several sources on one line, grouped by publisher and release: "Department for Education,
 * Characteristics of children in need and Children looked after in England including adoptions,
 * reporting year 2025".
 */
export function cardSources(list: readonly Pick<Source, 'publisher' | 'title' | 'release'>[]): string {
  const strip = (t: string) => t.replace(/\s*\([^)]*\)/g, '').trim();
  const groups = new Map<string, { publisher: string; release: string; titles: string[] }>();
  for (const s of list) {
    const key = `${s.publisher}|${strip(s.release)}`;
    const g = groups.get(key) ?? { publisher: s.publisher, release: strip(s.release), titles: [] };
    if (!g.titles.includes(strip(s.title))) g.titles.push(strip(s.title));
    groups.set(key, g);
  }
  const and = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  return [...groups.values()].map((g) => [g.publisher, and(g.titles), g.release].filter(Boolean).join(', ')).join('; ');
}

function changeOf(unit: string, from: number, to: number): string {
  if (unit === '%') {
    // A percentage moves in percentage points; a relative change of a percentage misleads.
    const d = Math.round((to - from) * 10) / 10;
    return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatRate(Math.abs(d))} percentage point${Math.abs(d) === 1 ? '' : 's'}`;
  }
  return formatChange(from, to);
}

/**
 * The card of one measure for England. The headline is the latest England count with a value
 * (the rate of that year alongside it); a measure published only as a rate (Cafcass care
 * applications) is headlined by its rate. Undefined when England has no figure at all.
 */
export function measureCard(m: Measure, obs: readonly Observation[], sources: ReadonlyMap<string, Source>, breaks: readonly BreakLike[] = []): MeasureCard | undefined {
  const england = obs.filter((o) => o.measure === m.id && o.areaCode === ENGLAND).sort((a, b) => a.year - b.year);
  const basis: 'count' | 'rate' = m.hasCount && england.some((o) => o.count.kind === 'value') ? 'count' : 'rate';
  const withValue = england.filter((o) => val(o[basis]) !== undefined);
  const first = withValue[0];
  const latest = withValue[withValue.length - 1];
  if (!first || !latest) return undefined;

  const v = val(latest[basis])!;
  const rate = val(latest.rate);
  const symbolUnit = m.countUnit === '£' || m.countUnit === '%';
  const figure = basis === 'count' ? formatCount(v, m.countUnit) : formatRate(v);
  const figureUnit = basis === 'count' ? (symbolUnit ? '' : m.countUnit) : `${m.countUnit} per 10,000 children`;
  const rateText = basis === 'count' && rate !== undefined ? `${formatRate(rate)} per 10,000 children` : undefined;
  const yearLabel = formatYear(m.period, latest.year);
  const firstYearLabel = formatYear(m.period, first.year);
  const unitOf = basis === 'count' ? m.countUnit : '';
  const fmtBasis = (n: number) => (basis === 'count' ? formatCount(n, m.countUnit) : formatRate(n));
  const changeFrom = (a: number) => changeOf(unitOf, a, v) + (basis === 'count' && m.countUnit === '£' ? ' in cash terms' : '');
  const crossing = changeWithBreaks(withValue.map((o) => ({ year: o.year, value: val(o[basis])! })), breaks, basis);
  const lfl = crossing?.likeForLike;
  const rawChange = first !== latest ? changeFrom(val(first[basis])!) : undefined;
  const change = lfl ? changeFrom(lfl.from.value) : rawChange;
  const changeYearLabel = lfl ? formatYear(m.period, lfl.from.year) : firstYearLabel;
  const headline = `England, ${yearLabel}: ${figure}${figureUnit ? ` ${figureUnit}` : ''}${rateText ? ` (${rateText})` : ''}`;
  const across = crossing && crossing.crosses.length > 0 ? crossing.crosses.map((b) => breakPhrase(b, (y) => formatYear(m.period, y))).join('; ') : '';
  const changeText = !change
    ? undefined
    : lfl
      ? `${change} since ${changeYearLabel} (like for like); ${rawChange} since ${firstYearLabel}, across ${crossing!.crosses.length > 1 ? 'breaks' : 'a break'} in the series (${across})`
      : across
        ? `${change} since ${firstYearLabel}, across ${crossing!.crosses.length > 1 ? 'breaks' : 'a break'} in the series (${across})`
        : `${change} since ${firstYearLabel}`;

  const trendUnit: 'rate' | 'count' = m.hasRate ? 'rate' : 'count';
  const points = england.map((o) => ({ year: o.year, value: val(o[trendUnit]) }));
  const drawn = points.filter((p) => p.value !== undefined);
  const unitLabel = trendUnit === 'rate' ? 'per 10,000 children' : symbolUnit ? (m.countUnit === '£' ? '£, cash terms' : 'per cent') : m.countUnit;
  const firstDrawn = drawn[0];
  const lastDrawn = drawn[drawn.length - 1];
  const fmt = (n: number) => (trendUnit === 'rate' ? formatRate(n) : formatCount(n, m.countUnit));
  const fromLabel = firstDrawn ? formatYearShort(m.period, firstDrawn.year) : '';
  const toLabel = lastDrawn ? formatYearShort(m.period, lastDrawn.year) : '';
  const fromValue = firstDrawn?.value !== undefined ? fmt(firstDrawn.value) : '';
  const toValue = lastDrawn?.value !== undefined ? fmt(lastDrawn.value) : '';

  const src = sources.get(latest.sourceId);
  const source = src ? cardSource(src) : '';
  const trendText =
    drawn.length > 1 ? ` Line chart of England's ${trendUnit === 'rate' ? 'rate per 10,000 children' : 'figure'}: ${fromValue} in ${fromLabel}, ${toValue} in ${toLabel}.` : '';
  // The alt text says the same in fewer words (Twitter allows ALT_MAX characters).
  const altChange = lfl ? `${change} since ${changeYearLabel} like for like (${rawChange} since ${firstYearLabel}, across ${crossing!.crosses.length > 1 ? 'breaks' : 'a break'} in the series)` : changeText;
  const alt = `${m.label}. ${headline}${altChange ? `; ${altChange}` : ''}.${trendText}${source ? ` Source: ${source}.` : ''}`;

  return {
    id: m.id,
    label: m.label,
    shortLabel: m.shortLabel,
    group: m.group,
    year: latest.year,
    yearLabel,
    figure,
    figureUnit,
    rateText,
    change,
    firstYearLabel: changeYearLabel,
    likeForLike: lfl !== undefined,
    changeFromFigure: change ? fmtBasis(lfl ? lfl.from.value : val(first[basis])!) : undefined,
    across: lfl && rawChange ? { change: rawChange, fromLabel: firstYearLabel, fromFigure: fmtBasis(val(first[basis])!), breaks: across } : undefined,
    headline,
    changeText,
    trend: { unit: trendUnit, unitLabel, points, fromLabel, toLabel, fromValue, toValue },
    source,
    alt,
  };
}

export interface Box {
  readonly width: number;
  readonly height: number;
  /** Inner padding so the line's stroke and end dot are not clipped. */
  readonly pad: number;
  /** Room above the highest point (for value labels); defaults to pad. */
  readonly padTop?: number;
}

export interface TrendGeometry {
  /** SVG path: one "M…L…" run per stretch of consecutive years with a value (a gap is a gap). */
  readonly d: string;
  /** Area under the line (same runs, closed to the baseline), for a light fill. */
  readonly area: string;
  /** First and last points drawn; `rising` says whether the line goes up from the first / into the last. */
  readonly first: { x: number; y: number; value: number; rising: boolean } | undefined;
  readonly last: { x: number; y: number; value: number; rising: boolean } | undefined;
  readonly min: number;
  readonly max: number;
  /** y of the baseline (zero, or the bottom of the box when values are far from zero). */
  readonly baseY: number;
}

/**
 * The trend as SVG geometry in a box. The y scale starts at zero (counts and rates are
 * magnitudes: a line floating on a cropped axis exaggerates change) with a little headroom.
 */
export function trendGeometry(points: readonly TrendPoint[], box: Box): TrendGeometry {
  const drawn = points.filter((p): p is { year: number; value: number } => p.value !== undefined);
  const empty = { d: '', area: '', first: undefined, last: undefined, min: 0, max: 0, baseY: box.height - box.pad };
  if (!drawn.length || !points.length) return empty;
  const years = points.map((p) => p.year);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const values = drawn.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const lo = Math.min(0, min);
  const hi = max === lo ? lo + 1 : max + (max - lo) * 0.08;
  const r = (n: number) => Math.round(n * 10) / 10;
  const x = (year: number) => r(box.pad + (y1 === y0 ? (box.width - 2 * box.pad) / 2 : ((year - y0) / (y1 - y0)) * (box.width - 2 * box.pad)));
  const top = box.padTop ?? box.pad;
  const y = (v: number) => r(top + (1 - (v - lo) / (hi - lo)) * (box.height - top - box.pad));
  const baseY = y(lo);

  const runs: { year: number; value: number }[][] = [];
  let run: { year: number; value: number }[] = [];
  for (const p of points) {
    if (p.value === undefined) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ year: p.year, value: p.value });
  }
  if (run.length) runs.push(run);

  const d = runs
    .map((rn) => (rn.length === 1 ? `M${x(rn[0]!.year) - 1.5},${y(rn[0]!.value)}L${x(rn[0]!.year) + 1.5},${y(rn[0]!.value)}` : rn.map((p, i) => `${i ? 'L' : 'M'}${x(p.year)},${y(p.value)}`).join('')))
    .join('');
  const area = runs
    .filter((rn) => rn.length > 1)
    .map((rn) => `M${x(rn[0]!.year)},${baseY}${rn.map((p) => `L${x(p.year)},${y(p.value)}`).join('')}L${x(rn[rn.length - 1]!.year)},${baseY}Z`)
    .join('');
  const f = drawn[0]!;
  const l = drawn[drawn.length - 1]!;
  const second = drawn[1] ?? f;
  const penultimate = drawn[drawn.length - 2] ?? l;
  return {
    d,
    area,
    first: { x: x(f.year), y: y(f.value), value: f.value, rising: second.value >= f.value },
    last: { x: x(l.year), y: y(l.value), value: l.value, rising: l.value >= penultimate.value },
    min,
    max,
    baseY,
  };
}

/** Twitter's limit for twitter:image:alt. */
export const ALT_MAX = 420;

/** Alt text of the home card: every core measure's latest England figure and year (within ALT_MAX). */
export function homeAlt(cards: readonly MeasureCard[], source: string): string {
  const name = (c: MeasureCard) => (c.label.length <= 40 ? c.label : c.shortLabel);
  const items = cards.map((c) => `${name(c)}, ${c.figure} (${c.yearLabel})`);
  const text = `Latest figures for England: ${items.join('; ')}.`;
  const withSource = `${text} Source: ${source}.`;
  return source && withSource.length <= ALT_MAX ? withSource : text;
}
