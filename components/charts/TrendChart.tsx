import type { FocusEvent, KeyboardEvent, PointerEvent } from 'react';
import { formatYear, formatYearShort } from '@/lib/format';
import { breaksInRange } from '@/lib/explorer/breaks';
import type { Series } from '@/lib/explorer/types';
import type { PeriodType } from '@/lib/schema/tables';
import { STATUS_LABEL, STATUS_MEANING, type Cell } from '@/lib/status';
import { markerPath, seriesStyles, type SeriesStyle } from './palette';
import {
  base,
  CHART_FONT,
  directLabels,
  fitText,
  isKeyboardFocus,
  keyMove,
  Legend,
  lineItem,
  linearScale,
  LiveRegion,
  MarkButton,
  PlotArea,
  pointerToView,
  ResponsiveChart,
  spreadLabels,
  textWidth,
  Tooltip,
  UnitLabel,
  YearAxis,
  yearLabelYears,
  yearScale,
  YGrid,
  yLabelWidth,
  zeroBasedScale,
  type LegendItem,
  type LinearScale,
  type YearScale,
} from './primitives';
import styles from './TrendChart.module.css';

/**
 * Trend lines for England, regions and selected areas: props in, SVG out (no hooks, no effects), so the
 * same markup renders on the server and in the browser. The parent holds the cursor, the active quote
 * and the open break. Built on the chart primitives (./primitives).
 *
 * - A missing figure (undefined cell, or a DfE status) is a gap in the line, never a zero; each missing
 *   year is marked in a "no figure" lane under the x axis with its reason. A lone point between gaps is
 *   a dot; every run of a line starts and ends with the series' marker, so a line that stops (a council
 *   abolished or created) visibly stops.
 * - A break in the series (`breaks`: the counting or definition changed) is a dashed vertical rule
 *   between the two years with a short label over the plot; no line is joined across it. The label is
 *   a button when `onBreakActivate` is given (the parent shows the note), and carries the note for
 *   image exports (`data-export-note`).
 * - Highlighted years (`highlight`: the years a claim speaks of) are shaded bands behind the lines,
 *   with a ring on every line's value in those years; the legend names the years.
 * - Y axis from zero. Direct labels at line ends on wider layouts (collision-avoided); a legend under
 *   the chart always (it also keys the markers of the lane, the quotes and the breaks).
 * - Interactive when `onCursorChange` is given: the plot is one tab stop; ←/→ years, ↑/↓ lines,
 *   Home/End first/last year, Escape clears; hover/tap moves the same cursor. The tooltip and the
 *   aria-live region read every series at the cursor's year (the focused one first in the live text),
 *   sorted by value; the tooltip sits beside the cursor within the plot, never over the quote row.
 *   Quote markers are buttons when `onQuoteActivate` is given.
 * - Responsive without JavaScript: with no `width`, three layouts (360, 600, 920 units wide) are drawn
 *   and a CSS container query shows the one that fits, so text stays 12–20 px on phones and desktops.
 *   With `width` (a measured container width in px), one layout is drawn at that width.
 */

export interface TrendCursor {
  readonly key: string;
  readonly year: number;
}

export interface TrendQuote {
  readonly id: string;
  readonly year: number;
  /** Read out as "Quote: {label}" and shown as the marker's tooltip. */
  readonly label: string;
}

/** A break in the series between `year - 1` and `year` (from MeasureData.breaks). */
export interface TrendBreak {
  readonly id: string;
  /** First year counted the new way. */
  readonly year: number;
  /** A few words on the chart, e.g. "Counting changed". */
  readonly label: string;
  /** What changed, in plain English (exported with images, shown by the parent when opened). */
  readonly note: string;
  /** How the figures before the break were counted, e.g. "children, not enquiries" (read with the cursor). */
  readonly before?: string;
}

export interface TrendChartProps {
  /** England first, then regions, then selected areas; colours and dashes follow this order (see palette.ts). */
  readonly series: readonly Series[];
  /** "per 10,000 children aged 0 to 17", "children". */
  readonly unitLabel: string;
  readonly period: PeriodType;
  readonly from: number;
  readonly to: number;
  readonly formatValue: (n: number) => string;
  readonly quotes?: readonly TrendQuote[];
  /** Breaks in the series; drawn when both years either side are in [from, to]. */
  readonly breaks?: readonly TrendBreak[];
  /** Years to shade (e.g. the years a claim speaks of); those outside [from, to] are ignored. */
  readonly highlight?: readonly number[];
  /** What the shading means, for the legend ("Years the claim speaks of"); the years are appended. */
  readonly highlightLabel?: string;
  readonly cursor?: TrendCursor | null;
  readonly onCursorChange?: (c: TrendCursor | null) => void;
  readonly activeQuote?: string | null;
  /** Called with the quote's id on click/Enter/Space, or null when the active quote is activated again (or Escape). */
  readonly onQuoteActivate?: (id: string | null) => void;
  readonly activeBreak?: string | null;
  /** Called with the break's id on click/Enter/Space, or null when the open break is activated again (or Escape). */
  readonly onBreakActivate?: (id: string | null) => void;
  /** id of the element naming the chart (e.g. the frame's title). */
  readonly titleId?: string;
  /** id of an element describing the chart (e.g. generated alt text). */
  readonly descId?: string;
  /** Accessible name when there is no titleId (otherwise one is generated). */
  readonly ariaLabel?: string;
  /** Measured width in px: draw one layout at this width. Omit for the CSS-responsive set of layouts. */
  readonly width?: number;
  /** Total height in px of the SVG (the plot takes what the axis, quote row and lane leave). */
  readonly height?: number;
  /** Small sparkline for index pages: no axes, labels, lane or interaction (breaks still split the line). */
  readonly compact?: boolean;
}

/* ---- Data model (independent of layout) -------------------------------------------------------- */

interface Run {
  readonly points: readonly { readonly year: number; readonly value: number }[];
}

interface MissingYear {
  readonly year: number;
  /** "suppressed", "no figure published" */
  readonly short: string;
  /** Longer explanation. */
  readonly reason: string;
}

interface SeriesModel {
  readonly s: Series;
  readonly style: SeriesStyle;
  readonly cells: ReadonlyMap<number, Cell | undefined>;
  /** Years the series covers (a council only those it existed in). */
  readonly covers: ReadonlySet<number>;
  readonly runs: readonly Run[];
  readonly missing: readonly MissingYear[];
  /** Last year with a value, if any. */
  readonly endYear: number | undefined;
}

interface Model {
  readonly years: readonly number[];
  readonly series: readonly SeriesModel[];
  readonly yMax: number;
  readonly lastDataYear: number | undefined;
  readonly quotes: readonly TrendQuote[];
  /** Breaks inside the range, by year. */
  readonly breaks: readonly TrendBreak[];
  /** Highlighted years inside the range, ascending. */
  readonly highlight: readonly number[];
}

function missingOf(cell: Cell | undefined, note: string | undefined): { short: string; reason: string } | undefined {
  if (cell === undefined) return { short: 'no figure published', reason: note ?? '' };
  if (cell.kind === 'missing') return { short: STATUS_LABEL[cell.status], reason: STATUS_MEANING[cell.status] };
  return undefined;
}

function buildModel(props: TrendChartProps): Model {
  const from = Math.min(props.from, props.to);
  const to = Math.max(props.from, props.to);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const breaks = breaksInRange(props.breaks, from, to);
  const breakYears = new Set(breaks.map((b) => b.year));
  const st = seriesStyles(props.series);
  let yMax = 0;
  let lastDataYear: number | undefined;
  const series = props.series.map((s): SeriesModel => {
    const byYear = new Map(s.points.map((p) => [p.year, p.cell]));
    const cells = new Map(years.map((y) => [y, byYear.get(y)]));
    const covers = new Set(years.filter((y) => byYear.has(y)));
    const runs: Run[] = [];
    const missing: MissingYear[] = [];
    let cur: { year: number; value: number }[] = [];
    let endYear: number | undefined;
    const end = () => {
      if (cur.length) runs.push({ points: cur });
      cur = [];
    };
    for (const y of years) {
      // A break: the figures either side were counted differently, so the line is not joined across it.
      if (breakYears.has(y)) end();
      // A year the series does not cover (a council before it was created or after it was
      // abolished) is neither a point nor a gap to explain: the line simply starts or stops.
      if (!covers.has(y)) {
        end();
        continue;
      }
      const c = cells.get(y);
      if (c?.kind === 'value' && Number.isFinite(c.value)) {
        cur.push({ year: y, value: c.value });
        yMax = Math.max(yMax, c.value);
        endYear = y;
      } else {
        end();
        missing.push({ year: y, ...missingOf(c, s.note)! });
      }
    }
    end();
    if (endYear !== undefined && (lastDataYear === undefined || endYear > lastDataYear)) lastDataYear = endYear;
    return { s, style: st.get(s.key)!, cells, covers, runs, missing, endYear };
  });
  const quotes = (props.quotes ?? []).filter((q) => q.year >= from && q.year <= to);
  const highlight = [...new Set(props.highlight ?? [])].filter((y) => y >= from && y <= to).sort((a, b) => a - b);
  return { years, series, yMax, lastDataYear, quotes, breaks, highlight };
}

/* ---- What the cursor reads ---------------------------------------------------------------------- */

interface Reading {
  readonly sm: SeriesModel;
  /** The formatted value, or undefined when missing. */
  readonly value: string | undefined;
  readonly raw: number | undefined;
  readonly missing: { short: string; reason: string } | undefined;
}

function readingOf(props: TrendChartProps, sm: SeriesModel, year: number): Reading {
  const cell = sm.cells.get(year);
  if (cell?.kind === 'value') return { sm, value: props.formatValue(cell.value), raw: cell.value, missing: undefined };
  return { sm, value: undefined, raw: undefined, missing: missingOf(cell, sm.s.note) };
}

/**
 * Every series that covers a year, as the tooltip lists them: by value, highest first, then those
 * without a figure (in chart order). A council that did not exist that year is left out.
 */
function readingsAt(props: TrendChartProps, m: Model, year: number): Reading[] {
  const rs = m.series.filter((sm) => sm.covers.has(year)).map((sm) => readingOf(props, sm, year));
  const valued = rs.filter((r) => r.raw !== undefined).sort((a, b) => b.raw! - a.raw!);
  return [...valued, ...rs.filter((r) => r.raw === undefined)];
}

/** The break that separates a year from the latest figures (the first break after it), if any. */
function breakAfter(m: Model, year: number): TrendBreak | undefined {
  return m.breaks.find((b) => year < b.year);
}

function liveText(props: TrendChartProps, m: Model, c: TrendCursor | null | undefined): string {
  if (!c || !m.years.includes(c.year)) return '';
  const sm = m.series.find((x) => x.s.key === c.key);
  if (!sm) return '';
  const year = formatYear(props.period, c.year);
  const d = readingOf(props, sm, c.year);
  const first =
    d.value !== undefined ? `${sm.s.label}, ${year}: ${d.value} ${props.unitLabel}.` : `${sm.s.label}, ${year}: ${d.missing!.short}.${d.missing!.reason ? ` ${d.missing!.reason}` : ''}`;
  const others = readingsAt(props, m, c.year).filter((r) => r.sm !== sm);
  const also = others.length ? ` Also: ${others.map((r) => `${r.sm.s.label} ${r.value ?? r.missing!.short}`).join('; ')}.` : '';
  const b = breakAfter(m, c.year);
  const brk = b ? ` Series break: ${b.label.toLowerCase()} from ${formatYearShort(props.period, b.year)}${b.before ? `; figures before it: ${b.before}` : ''}.` : '';
  return `${first}${also}${brk}`;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/* ---- Layout ------------------------------------------------------------------------------------- */

const LANE_ROW = 17;
const QUOTE_R = 9;
const BREAK_H = CHART_FONT + 8;
/** Width of the info glyph at the end of a break label. */
const BREAK_INFO = 18;

interface LaneRow {
  readonly sm: SeriesModel;
  readonly y: number;
  /** Where the row's name goes: in the label column, inline in a free stretch, or on its own line above. */
  readonly label: { x: number; y: number; text: string; anchor: 'start' | 'end' } | undefined;
}

interface BreakMark {
  readonly b: TrendBreak;
  /** x of the rule, between the two years. */
  readonly x: number;
  /** Centre of the label. */
  readonly labelX: number;
  readonly text: string;
  readonly w: number;
}

interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly x: YearScale;
  readonly y: LinearScale;
  readonly xLabelYears: readonly number[];
  readonly xLabelY: number;
  readonly quoteY: number | undefined;
  readonly breakY: number | undefined;
  readonly breakMarks: readonly BreakMark[];
  readonly laneTitleY: number | undefined;
  readonly lane: readonly LaneRow[];
  readonly laneBottom: number;
  readonly labels: readonly { sm: SeriesModel; text: string; x: number; y: number; anchorY: number }[];
}

function layout(props: TrendChartProps, m: Model, width: number): Geometry {
  const fs = CHART_FONT;
  const years = m.years;
  const first = years[0]!;
  const last = years[years.length - 1]!;

  // Direct labels go in a column right of the plot on wider layouts.
  const wide = width >= 520;
  const labelNames = m.series.filter((s) => s.endYear !== undefined).map((s) => textWidth(s.s.label, fs, true));
  const labelCol = wide ? Math.min(Math.max(0, ...labelNames) + 14, Math.round(width * 0.24)) : 0;
  const xLabelW = Math.max(textWidth(formatYearShort(props.period, first), fs), textWidth(formatYearShort(props.period, last), fs));

  // Vertical stack: unit label, break labels (if any), plot, x labels, quote row, lane.
  const breakY = m.breaks.length ? fs + 8 + BREAK_H / 2 : undefined;
  const plotTop = breakY !== undefined ? breakY + BREAK_H / 2 + 10 : fs + 16;
  const laneSeries = m.series.filter((s) => s.missing.length > 0);
  const extrasBase = 6 + fs + 6 + (m.quotes.length ? 2 * QUOTE_R + 8 : 0) + (laneSeries.length ? fs + 10 : 0) + 6;
  // The break labels' row comes out of the plot's height, so a chart with a break is no taller (embeds have a fixed height).
  const defaultPlot = Math.max(200, Math.round(Math.min(360, Math.max(200, 120 + width * 0.25))) - (breakY !== undefined ? plotTop - (fs + 16) : 0));

  // y scale first needs the plot height; the lane height needs x. Do x, then lane, then y.
  const yTmp = zeroBasedScale(m.yMax, 200, 0, 5);
  const plotLeft = Math.ceil(Math.max(yLabelWidth(yTmp, props.formatValue, fs) + 8, xLabelW / 2 + 2));
  const plotRight = Math.floor(width - (wide ? labelCol + 8 : Math.max(xLabelW / 2 + 2, 8)));
  const x = yearScale(first, last, plotLeft, plotRight);

  // Lane rows (positions relative to the lane top, fixed below).
  const rowsRel: { sm: SeriesModel; dy: number; label: LaneRow['label'] }[] = [];
  let dy = 0;
  for (const sm of laneSeries) {
    const text = sm.s.label;
    if (wide) {
      rowsRel.push({ sm, dy: dy + LANE_ROW / 2, label: { x: plotRight + 12, y: dy + LANE_ROW / 2, text: fitText(text, labelCol - 6, fs), anchor: 'start' } });
      dy += LANE_ROW;
      continue;
    }
    // Narrow: the name inline in the widest free stretch between missing marks, else on a line of its own.
    const xsMissing = sm.missing.map((mm) => x(mm.year)).sort((a, b) => a - b);
    const gaps: [number, number][] = [];
    let prev = 0;
    for (const mx of xsMissing) {
      gaps.push([prev, mx - 8]);
      prev = mx + 8;
    }
    gaps.push([prev, width]);
    const tw = textWidth(text, fs);
    const fit = gaps.filter(([a, b]) => b - a >= tw + 4).sort((p, q) => q[1] - q[0] - (p[1] - p[0]))[0];
    if (fit) {
      const atEnd = fit[1] >= width - 1;
      rowsRel.push({ sm, dy: dy + LANE_ROW / 2, label: { x: atEnd ? width - 2 : fit[0] + 2, y: dy + LANE_ROW / 2, text, anchor: atEnd ? 'end' : 'start' } });
      dy += LANE_ROW;
    } else {
      rowsRel.push({ sm, dy: dy + fs + 2 + LANE_ROW / 2, label: { x: 0, y: dy + fs / 2 + 1, text: fitText(text, width - 4, fs), anchor: 'start' } });
      dy += fs + 2 + LANE_ROW;
    }
  }
  const laneHeight = dy;

  const extras = extrasBase + laneHeight;
  const plotHeight = props.height !== undefined ? Math.max(120, props.height - plotTop - extras) : defaultPlot;
  const plotBottom = plotTop + plotHeight;
  const y = zeroBasedScale(m.yMax, plotBottom, plotTop);

  const xLabelYears = yearLabelYears(x, xLabelW);

  let cursorY = plotBottom + 6 + fs;
  const xLabelY = cursorY;
  cursorY += 6;
  let quoteY: number | undefined;
  if (m.quotes.length) {
    quoteY = cursorY + QUOTE_R + 2;
    cursorY += 2 * QUOTE_R + 8;
  }
  let laneTitleY: number | undefined;
  let lane: LaneRow[] = [];
  if (laneSeries.length) {
    laneTitleY = cursorY + fs;
    const top = laneTitleY + 8;
    lane = rowsRel.map((r) => ({ sm: r.sm, y: top + r.dy, label: r.label ? { ...r.label, y: top + r.label.y } : undefined }));
    cursorY = top + laneHeight;
  }
  const laneBottom = cursorY;
  const height = Math.max(props.height ?? 0, Math.ceil(cursorY + 6));

  // Break labels over the plot, centred on their rule, kept inside the chart and apart from each other.
  const breakTexts = m.breaks.map((b) => fitText(b.label, Math.min(200, width * 0.45), fs));
  // text (with 5% to spare), then an "i" in a circle that says the label opens a note
  const breakW = breakTexts.map((t) => textWidth(t, fs) * 1.05 + 10 + BREAK_INFO);
  const maxW = Math.max(0, ...breakW);
  const breakXs = m.breaks.map((b) => x.between(b.year));
  const centres = spreadLabels(breakXs, maxW + 6, maxW / 2 + 1, width - maxW / 2 - 1);
  const breakMarks = m.breaks.map((b, i) => ({ b, x: breakXs[i]!, labelX: Math.max(breakW[i]! / 2 + 1, Math.min(width - breakW[i]! / 2 - 1, centres[i]!)), text: breakTexts[i]!, w: breakW[i]! }));

  // Direct labels: series whose line reaches the last year with data; most important first if crowded.
  const labels: { sm: SeriesModel; text: string; x: number; y: number; anchorY: number }[] = [];
  if (wide && m.lastDataYear !== undefined) {
    const prio = { england: 0, area: 1, region: 2 } as const;
    const placed = directLabels(
      m.series.filter((s) => s.endYear === m.lastDataYear).map((sm) => ({ item: sm, anchor: y((sm.cells.get(m.lastDataYear!) as { value: number }).value), priority: prio[sm.s.kind] })),
      fs + 3,
      plotTop - 4,
      plotBottom,
    );
    const lx = x(m.lastDataYear) + 10;
    const room = width - lx - 2;
    for (const p of placed) labels.push({ sm: p.item, text: fitText(p.item.s.label, room, fs, p.item.s.kind !== 'region'), x: lx, y: p.y, anchorY: p.anchor });
  }

  return { width, height, plotLeft, plotRight, plotTop, plotBottom, x, y, xLabelYears, xLabelY, quoteY, breakY, breakMarks, laneTitleY, lane, laneBottom, labels };
}

/* ---- Drawing ------------------------------------------------------------------------------------ */

function linePath(x: (year: number) => number, y: (v: number) => number, run: Run): string {
  return run.points.map((p, i) => `${i ? 'L' : 'M'}${r1(x(p.year))},${r1(y(p.value))}`).join('');
}

/** Quote marker centres: at their year, spread apart so markers of the same or nearby years don't overlap. */
function quotePositions(g: Pick<Geometry, 'x' | 'plotLeft' | 'plotRight'>, quotes: readonly TrendQuote[]): Map<string, number> {
  const anchors = quotes.map((q, i) => g.x(q.year) + i * 1e-6);
  const pos = spreadLabels(anchors, 2 * QUOTE_R + 3, g.plotLeft - QUOTE_R, g.plotRight + QUOTE_R);
  return new Map(quotes.map((q, i) => [q.id, pos[i]!]));
}

function keyboardHelp(): string {
  return 'Chart. Use the left and right arrow keys to move between years, up and down to move between lines, Home and End for the first and last year, Escape to clear.';
}

/** "Break in the series between 2011-12 and 2012-13: …" (the exported image's note, the button's name). */
export function breakSentence(period: PeriodType, b: Pick<TrendBreak, 'year' | 'label' | 'note'>): string {
  return `Break in the series between ${formatYearShort(period, b.year - 1)} and ${formatYearShort(period, b.year)} (${b.label.toLowerCase()}): ${b.note}`;
}

interface PlotProps {
  readonly props: TrendChartProps;
  readonly m: Model;
  readonly g: Geometry;
}

function Plot({ props, m, g }: PlotProps) {
  const { cursor, onCursorChange, onQuoteActivate, activeQuote, onBreakActivate, activeBreak } = props;
  const interactive = onCursorChange !== undefined;
  const fs = CHART_FONT;
  const cur = cursor && m.years.includes(cursor.year) ? m.series.find((s) => s.s.key === cursor.key) : undefined;
  const curMissing = cursor && cur ? cur.cells.get(cursor.year)?.kind !== 'value' : false;
  const qPos = quotePositions(g, m.quotes);
  const labelFor = props.ariaLabel ?? (props.titleId ? undefined : `Line chart, ${props.unitLabel}, ${formatYearShort(props.period, m.years[0]!)} to ${formatYearShort(props.period, m.years[m.years.length - 1]!)}: ${props.series.map((s) => s.label).join(', ')}`);

  const initial = (): TrendCursor | null => {
    const s0 = m.series[0];
    if (!s0) return null;
    return { key: s0.s.key, year: s0.endYear ?? m.years[m.years.length - 1]! };
  };

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (!onCursorChange) return;
    const move = keyMove(e.key);
    if (move === undefined || move === 'activate' || move === 'pageNext' || move === 'pagePrev') return;
    const c = cursor && m.series.some((s) => s.s.key === cursor.key) && m.years.includes(cursor.year) ? cursor : null;
    const first = m.years[0]!;
    const last = m.years[m.years.length - 1]!;
    const si = c ? m.series.findIndex((s) => s.s.key === c.key) : 0;
    let next: TrendCursor | null;
    switch (move) {
      case 'next':
        next = c ? { key: c.key, year: Math.min(last, c.year + 1) } : initial();
        break;
      case 'prev':
        next = c ? { key: c.key, year: Math.max(first, c.year - 1) } : initial();
        break;
      case 'first':
        next = { key: c?.key ?? m.series[0]!.s.key, year: first };
        break;
      case 'last':
        next = { key: c?.key ?? m.series[0]!.s.key, year: last };
        break;
      case 'up':
        next = c ? { key: m.series[Math.max(0, si - 1)]!.s.key, year: c.year } : initial();
        break;
      case 'down':
        next = c ? { key: m.series[Math.min(m.series.length - 1, si + 1)]!.s.key, year: c.year } : initial();
        break;
      case 'clear':
        next = null;
        break;
    }
    e.preventDefault();
    if (next?.key !== cursor?.key || next?.year !== cursor?.year) onCursorChange(next);
  };

  const fromPointer = (e: PointerEvent<SVGSVGElement>) => {
    if (!onCursorChange) return;
    const v = pointerToView(e, g.width, g.height);
    if (!v) return;
    const [vx, vy] = v;
    if (vx < g.plotLeft - g.x.step / 2 - 4 || vx > g.plotRight + g.x.step / 2 + 4) return;
    const inPlot = vy >= g.plotTop - 8 && vy <= g.plotBottom + 4;
    const row = g.lane.find((l) => Math.abs(vy - l.y) <= LANE_ROW / 2);
    if (!inPlot && !row) return;
    const year = g.x.invert(vx);
    let key: string | undefined;
    if (row) key = row.sm.s.key;
    else {
      let best = Infinity;
      for (const s of m.series) {
        const c = s.cells.get(year);
        if (c?.kind !== 'value') continue;
        const d = Math.abs(g.y(c.value) - vy);
        if (d < best) {
          best = d;
          key = s.s.key;
        }
      }
      key ??= cursor?.key ?? m.series[0]?.s.key;
    }
    if (key !== undefined && (key !== cursor?.key || year !== cursor?.year)) onCursorChange({ key, year });
  };

  const hasData = m.yMax > 0 || m.series.some((s) => s.runs.length > 0);
  const guideBottom = cur && g.lane.some((l) => l.sm === cur) ? g.laneBottom : g.plotBottom;

  return (
    <svg
      className={base.svg}
      viewBox={`0 0 ${g.width} ${g.height}`}
      width="100%"
      role={interactive || (onQuoteActivate && m.quotes.length) || (onBreakActivate && m.breaks.length) ? 'group' : 'img'}
      aria-labelledby={props.titleId}
      aria-describedby={props.descId}
      aria-label={labelFor}
      onPointerMove={interactive ? fromPointer : undefined}
      onPointerDown={interactive ? fromPointer : undefined}
      onPointerLeave={interactive ? (e) => e.pointerType === 'mouse' && cursor && onCursorChange?.(null) : undefined}
      fontSize={fs}
    >
      <UnitLabel text={props.unitLabel} width={g.width} />

      <PlotArea
        box={{ x: g.plotLeft - 6, y: g.plotTop - 8, width: g.plotRight - g.plotLeft + 12, height: g.laneBottom - g.plotTop + 8 }}
        ringBox={{ x: g.plotLeft - 6, y: g.plotTop - 8, width: g.plotRight - g.plotLeft + 12, height: g.plotBottom - g.plotTop + 14 }}
        help={keyboardHelp()}
        onKeyDown={interactive ? onKeyDown : undefined}
        onFocus={interactive ? (e: FocusEvent<SVGGElement>) => !cursor && isKeyboardFocus(e) && onCursorChange?.(initial()) : undefined}
        onBlur={interactive ? () => cursor && onCursorChange?.(null) : undefined}
      >
        {/* Y grid and labels (from zero), x ticks and labels */}
        <YGrid scale={g.y} left={g.plotLeft} right={g.plotRight} format={props.formatValue} />
        <YearAxis x={g.x} bottom={g.plotBottom} labelY={g.xLabelY} labelled={g.xLabelYears} format={(yr) => formatYearShort(props.period, yr)} />
        {!hasData && (
          <text aria-hidden="true" className={base.empty} x={(g.plotLeft + g.plotRight) / 2} y={(g.plotTop + g.plotBottom) / 2} textAnchor="middle">
            No figures published for these years
          </text>
        )}

        {/* Highlighted years: bands under everything else */}
        {m.highlight.length > 0 && (
          <g aria-hidden="true">
            {m.highlight.map((yr) => {
              const half = Math.max(6, g.x.step / 2 - 1);
              const x0 = Math.max(g.plotLeft - 6, g.x(yr) - half);
              const x1 = Math.min(g.plotRight + 6, g.x(yr) + half);
              return <rect key={yr} className={styles.highlight} x={r1(x0)} y={g.plotTop - 8} width={r1(x1 - x0)} height={r1(g.plotBottom - g.plotTop + 8)} data-highlight={yr} />;
            })}
          </g>
        )}

        {/* Break rules, under the lines */}
        {g.breakMarks.length > 0 && (
          <g aria-hidden="true">
            {g.breakMarks.map((bm) => (
              <line key={bm.b.id} className={styles.breakRule} x1={r1(bm.x)} x2={r1(bm.x)} y1={r1(g.breakY! + BREAK_H / 2)} y2={g.plotBottom} data-break-rule={bm.b.year} />
            ))}
          </g>
        )}

        {/* Cursor guide under the lines */}
        {cur && cursor && <line data-export-ignore="" className={base.guide} x1={r1(g.x(cursor.year))} x2={r1(g.x(cursor.year))} y1={g.plotTop - 4} y2={guideBottom} />}

        {/* Lines: regions first (background), then areas, England on top */}
        <g aria-hidden="true">
          {[...m.series]
            .map((sm, i) => ({ sm, i, z: sm.s.kind === 'region' ? 0 : sm.s.kind === 'area' ? 1 : 2 }))
            .sort((a, b) => a.z - b.z || a.i - b.i)
            .map(({ sm }) => (
              <g key={sm.s.key} data-series={sm.s.key}>
                {sm.runs
                  .filter((run) => run.points.length > 1)
                  .map((run) => (
                    <path
                      key={run.points[0]!.year}
                      className={styles.line}
                      d={linePath(g.x, g.y, run)}
                      stroke={sm.style.colour}
                      strokeWidth={sm.style.width}
                      strokeDasharray={sm.style.dash}
                      data-from={run.points[0]!.year}
                      data-to={run.points[run.points.length - 1]!.year}
                    />
                  ))}
                {sm.runs.flatMap((run) => {
                  const pts = run.points.length === 1 ? [run.points[0]!] : [run.points[0]!, run.points[run.points.length - 1]!];
                  const rr = run.points.length === 1 ? (sm.s.kind === 'region' ? 3 : 4.5) : sm.s.kind === 'region' ? 2.2 : 3.6;
                  return pts.map((p) => (
                    <path
                      key={`${p.year}`}
                      className={run.points.length === 1 ? styles.dot : styles.cap}
                      d={markerPath(sm.style.marker, r1(g.x(p.year)), r1(g.y(p.value)), rr)}
                      fill={sm.style.colour}
                      data-year={p.year}
                    />
                  ));
                })}
              </g>
            ))}
        </g>

        {/* Rings on every line's value in the highlighted years */}
        {m.highlight.length > 0 && (
          <g aria-hidden="true">
            {m.series.flatMap((sm) =>
              m.highlight.map((yr) => {
                const c = sm.cells.get(yr);
                if (c?.kind !== 'value') return null;
                return <circle key={`${sm.s.key}-${yr}`} className={styles.highlightRing} cx={r1(g.x(yr))} cy={r1(g.y(c.value))} r={6.5} stroke={sm.style.colour} data-highlight-point={yr} />;
              }),
            )}
          </g>
        )}

        {/* Direct labels */}
        <g aria-hidden="true">
          {g.labels.map((l) => (
            <g key={l.sm.s.key}>
              {Math.abs(l.y - l.anchorY) > 3 && <line className={base.leader} x1={l.x - 7} y1={r1(l.anchorY)} x2={l.x - 2} y2={r1(l.y)} />}
              <text className={l.sm.s.kind === 'region' ? styles.labelRegion : styles.label} x={r1(l.x)} y={r1(l.y)} dy="0.35em" fill={l.sm.style.text}>
                {l.text}
              </text>
            </g>
          ))}
        </g>

        {/* "No figure" lane */}
        {g.laneTitleY !== undefined && (
          <g className={styles.lane}>
            <text className={styles.laneTitle} x={0} y={g.laneTitleY}>
              No figure for:
            </text>
            {g.lane.map((row) => (
              <g key={row.sm.s.key} data-lane={row.sm.s.key}>
                {row.label && (
                  <text className={styles.laneLabel} x={r1(row.label.x)} y={r1(row.label.y)} dy="0.35em" textAnchor={row.label.anchor} fill={row.sm.style.text} aria-hidden="true">
                    {row.label.text}
                  </text>
                )}
                {row.sm.missing.map((mm) => (
                  <path
                    key={mm.year}
                    className={styles.laneMark}
                    d={markerPath(row.sm.style.marker, r1(g.x(mm.year)), r1(row.y), 4.2)}
                    stroke={row.sm.style.colour}
                    data-year={mm.year}
                    data-reason={mm.short}
                  >
                    <title>{`${row.sm.s.label}, ${formatYear(props.period, mm.year)}: ${mm.short}.${mm.reason ? ` ${mm.reason}` : ''}`}</title>
                  </path>
                ))}
              </g>
            ))}
          </g>
        )}

        {/* Cursor marks */}
        {cur && cursor && (
          <g aria-hidden="true" className={base.cursorMarks} data-export-ignore="">
            {m.series.map((sm) => {
              const c = sm.cells.get(cursor.year);
              if (c?.kind !== 'value') return null;
              const on = sm === cur;
              return <circle key={sm.s.key} cx={r1(g.x(cursor.year))} cy={r1(g.y(c.value))} r={on ? 6.5 : 3.5} className={on ? base.cursorOn : base.cursorOff} stroke={on ? undefined : sm.style.colour} />;
            })}
            {curMissing &&
              g.lane
                .filter((l) => l.sm === cur)
                .map((l) => <circle key="lane" cx={r1(g.x(cursor.year))} cy={r1(l.y)} r={7.5} className={base.cursorOn} fill="none" />)}
          </g>
        )}
      </PlotArea>

      {/* Break labels: buttons that open the note; the note travels with exported images */}
      {g.breakMarks.length > 0 && (
        <g className={styles.breaks}>
          {g.breakMarks.map((bm) => {
            const open = activeBreak === bm.b.id;
            const sentence = breakSentence(props.period, bm.b);
            const x0 = r1(bm.labelX - bm.w / 2);
            const y0 = r1(g.breakY! - BREAK_H / 2);
            return (
              <MarkButton
                key={bm.b.id}
                label={`${sentence} ${open ? 'Hide' : 'Show'} the note.`}
                pressed={open}
                onActivate={onBreakActivate ? () => onBreakActivate(open ? null : bm.b.id) : undefined}
                onClose={onBreakActivate ? () => onBreakActivate(null) : undefined}
                title={sentence}
                className={`${styles.breakMark} ${open ? styles.breakOpen : ''}`}
                data={{ 'data-break': bm.b.year, 'data-export-note': sentence }}
                ring={<rect data-export-ignore="" className={base.markRing} x={x0 - 3} y={y0 - 3} width={r1(bm.w + 6)} height={BREAK_H + 6} rx={6} />}
              >
                <rect className={styles.breakBox} x={x0} y={y0} width={r1(bm.w)} height={BREAK_H} rx={4} />
                <text className={styles.breakText} x={r1(x0 + 6)} y={r1(g.breakY!)} dy="0.35em">
                  {bm.text}
                </text>
                <circle className={styles.breakInfo} cx={r1(x0 + bm.w - BREAK_INFO / 2 - 2)} cy={r1(g.breakY!)} r={6.5} />
                <text className={styles.breakInfoText} x={r1(x0 + bm.w - BREAK_INFO / 2 - 2)} y={r1(g.breakY!)} dy="0.35em" textAnchor="middle" fontSize={11}>
                  i
                </text>
              </MarkButton>
            );
          })}
        </g>
      )}

      {/* Quote markers */}
      {g.quoteY !== undefined && (
        <g className={styles.quotes}>
          {m.quotes.map((q) => {
            const cx = r1(qPos.get(q.id) ?? g.x(q.year));
            const active = activeQuote === q.id;
            return (
              <MarkButton
                key={q.id}
                label={`Quote: ${q.label}`}
                pressed={active}
                onActivate={onQuoteActivate ? () => onQuoteActivate(active ? null : q.id) : undefined}
                onClose={onQuoteActivate ? () => onQuoteActivate(null) : undefined}
                title={q.label}
                className={`${styles.quote} ${active ? styles.quoteActive : ''}`}
                data={{ 'data-quote': q.id }}
                ring={<circle data-export-ignore="" className={base.markRing} cx={cx} cy={g.quoteY} r={QUOTE_R + 3} />}
              >
                <circle className={styles.quoteDot} cx={cx} cy={g.quoteY} r={QUOTE_R} />
                <text className={styles.quoteGlyph} x={cx} y={g.quoteY} dy="0.62em" textAnchor="middle" fontSize={22}>
                  “
                </text>
              </MarkButton>
            );
          })}
        </g>
      )}
    </svg>
  );
}

function LineSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true" className={base.swatch}>
      <line x1="1" x2="21" y1="6" y2="6" stroke={style.colour} strokeWidth={Math.min(3, style.width)} strokeDasharray={style.dash} />
      <path d={markerPath(style.marker, 11, 6, 3.5)} fill={style.colour} stroke="#fff" strokeWidth={0.6} />
    </svg>
  );
}

/** Regions listed one by one in the tooltip up to this many; more are summed up in one row (the live text reads them all). */
const TOOLTIP_REGIONS = 3;

function TrendTooltip({ props, m, g }: PlotProps) {
  const c = props.cursor;
  if (!c || !props.onCursorChange || !m.years.includes(c.year)) return null;
  const focused = m.series.find((x) => x.s.key === c.key);
  if (!focused) return null;
  const all = readingsAt(props, m, c.year);
  const regionRows = all.filter((r) => r.sm.s.kind === 'region' && r.sm !== focused);
  const collapse = regionRows.length > TOOLTIP_REGIONS;
  const rows = collapse ? all.filter((r) => !regionRows.includes(r)) : all;
  const regionValues = regionRows.filter((r) => r.raw !== undefined).map((r) => r.raw!);
  const fr = readingOf(props, focused, c.year);
  const brk = breakAfter(m, c.year);
  // On a phone the plot is ~200 px tall: smaller type, and the unit (printed over the chart) left out.
  const narrow = g.width < 520;
  return (
    <Tooltip
      at={{ width: g.width, height: g.height, x: g.x(c.year), y: g.plotTop, plotTop: g.plotTop, plotBottom: g.plotBottom }}
      placement="beside"
      className={`${styles.tooltip} ${narrow ? styles.ttCompact : ''}`}
    >
      <span className={styles.ttYear}>{formatYear(props.period, c.year)}</span>
      <ul className={styles.ttRows}>
        {rows.map((r) => (
          <li key={r.sm.s.key} className={r.sm === focused ? styles.ttOn : undefined} data-tt-series={r.sm.s.key}>
            <LineSwatch style={r.sm.style} />
            <span className={styles.ttLabel}>{r.sm.s.label}</span>
            {r.value !== undefined ? <strong className={styles.ttValue}>{r.value}</strong> : <span className={styles.ttMissing}>{r.missing!.short}</span>}
          </li>
        ))}
        {collapse && (
          <li className={styles.ttRegions} data-tt-series="regions">
            <LineSwatch style={regionRows[0]!.sm.style} />
            <span className={styles.ttLabel}>{`${regionRows.length} regions`}</span>
            <span className={styles.ttValue}>{regionValues.length ? `${props.formatValue(Math.min(...regionValues))} to ${props.formatValue(Math.max(...regionValues))}` : 'no figures'}</span>
          </li>
        )}
      </ul>
      {!narrow && <span className={base.ttMeta}>{props.unitLabel}</span>}
      {fr.missing && (
        <span className={styles.ttNote}>
          <strong>
            {focused.s.label}: {fr.missing.short.charAt(0).toUpperCase() + fr.missing.short.slice(1)}.
          </strong>{' '}
          {fr.missing.reason}
        </span>
      )}
      {brk && (
        <span className={styles.ttNote}>
          Before the break in {formatYearShort(props.period, brk.year)}: {brk.before ?? brk.label.toLowerCase()}.
        </span>
      )}
    </Tooltip>
  );
}

const QUOTE_SWATCH = (
  <svg width="30" height="14" viewBox="0 0 30 22" aria-hidden="true" className={base.swatch}>
    <circle cx="15" cy="11" r="9" className={styles.quoteDot} />
    <text x="15" y="11" dy="0.62em" textAnchor="middle" fontSize="22" className={styles.quoteGlyph}>
      “
    </text>
  </svg>
);

/** The dashed rule of a break, as a path of dashes (the export draws markers as paths, without dash patterns). */
const BREAK_SWATCH_D = 'M15,0.5V3.5M15,5.5V8.5M15,10.5V13.5';

/** Fill of the highlighted years' bands (and their legend swatch). */
export const HIGHLIGHT_FILL = '#fde7a6';

function legendItems(m: Model, props: Pick<TrendChartProps, 'highlightLabel' | 'period'>): LegendItem[] {
  const regions = m.series.filter((s) => s.s.kind === 'region');
  const others = m.series.filter((s) => s.s.kind !== 'region');
  const anyMissing = m.series.some((s) => s.missing.length > 0);
  const items = others.length + (regions.length ? 1 : 0);
  if (items < 2 && !anyMissing && !m.quotes.length && !m.breaks.length && !m.highlight.length) return [];
  return [
    ...others.map((sm) => lineItem(sm.s.key, sm.s.label, sm.style)),
    ...(regions.length ? [lineItem('regions', regions.length > 2 ? `Regions (${regions.length}, grey)` : regions.map((r) => r.s.label).join(', '), regions[0]!.style)] : []),
    ...(anyMissing
      ? [{ key: 'missing', label: 'Hollow mark under the axis: no figure that year (the line has a gap, not a zero)', marker: { d: markerPath('circle', 15, 7, 4.2), fill: '#fff', stroke: '#4d5661', strokeWidth: 1.6 }, muted: true }]
      : []),
    ...(m.breaks.length ? [{ key: 'breaks', label: 'Break in the series', marker: { d: BREAK_SWATCH_D, stroke: '#1b1f24', strokeWidth: 1.5 }, muted: true }] : []),
    ...(m.highlight.length
      ? [{ key: 'highlight', label: `${props.highlightLabel ?? 'Highlighted years'}: ${m.highlight.map((y) => formatYear(props.period, y)).join(', ')}`, colour: HIGHLIGHT_FILL }]
      : []),
    ...(m.quotes.length ? [{ key: 'quotes', label: 'What a report said about that year', marker: { d: markerPath('circle', 15, 7, 6), fill: '#fff', stroke: '#0b5cad', strokeWidth: 1.8 }, muted: true, swatch: QUOTE_SWATCH }] : []),
  ];
}

/* ---- Compact sparkline -------------------------------------------------------------------------- */

function Sparkline(props: TrendChartProps) {
  const m = buildModel(props);
  const W = props.width ?? 240;
  const H = props.height ?? 56;
  const pad = 5;
  const x = yearScale(m.years[0]!, m.years[m.years.length - 1]!, pad, W - pad);
  const y = linearScale({ domain: [0, m.yMax > 0 ? m.yMax : 1], range: [H - pad, pad], nice: false });
  const main = m.series[0];
  const firstPt = main?.runs[0]?.points[0];
  const lastRun = main?.runs[main.runs.length - 1];
  const lastPt = lastRun?.points[lastRun.points.length - 1];
  const label =
    props.ariaLabel ??
    (props.titleId
      ? undefined
      : main && firstPt && lastPt
        ? `${main.s.label}, ${props.unitLabel}: ${props.formatValue(firstPt.value)} in ${formatYear(props.period, firstPt.year)}, ${props.formatValue(lastPt.value)} in ${formatYear(props.period, lastPt.year)}${main.missing.length ? ` (no figure for ${main.missing.length} year${main.missing.length > 1 ? 's' : ''})` : ''}${m.breaks.length ? ` (${m.breaks.map((b) => `${b.label.toLowerCase()} in ${formatYearShort(props.period, b.year)}`).join('; ')}: the line is broken there)` : ''}`
        : `No figures, ${props.unitLabel}`);
  return (
    <svg className={styles.spark} viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={props.titleId} aria-describedby={props.descId} aria-label={label}>
      <line className={styles.baseline} x1={pad} x2={W - pad} y1={H - pad} y2={H - pad} />
      {m.breaks.map((b) => (
        <line key={b.id} className={styles.sparkBreak} x1={r1(x.between(b.year))} x2={r1(x.between(b.year))} y1={pad - 3} y2={H - pad} data-break-rule={b.year} />
      ))}
      {m.highlight.map((yr) => (
        <rect key={yr} className={styles.highlight} x={r1(x(yr) - Math.max(3, x.step / 2 - 0.5))} y={0} width={r1(2 * Math.max(3, x.step / 2 - 0.5))} height={H - pad} data-highlight={yr} />
      ))}
      {m.series.map((sm) => (
        <g key={sm.s.key}>
          {sm.runs.map((run) =>
            run.points.length > 1 ? (
              <path key={run.points[0]!.year} className={styles.sparkLine} d={linePath(x, y, run)} stroke={sm.style.colour} strokeDasharray={sm.style.dash} />
            ) : (
              <circle key={run.points[0]!.year} cx={r1(x(run.points[0]!.year))} cy={r1(y(run.points[0]!.value))} r={2.2} fill={sm.style.colour} />
            ),
          )}
          {sm.runs.length > 0 &&
            (() => {
              const lr = sm.runs[sm.runs.length - 1]!;
              const p = lr.points[lr.points.length - 1]!;
              return <circle cx={r1(x(p.year))} cy={r1(y(p.value))} r={3} fill={sm.style.colour} />;
            })()}
        </g>
      ))}
    </svg>
  );
}

/* ---- Component ---------------------------------------------------------------------------------- */

export function TrendChart(props: TrendChartProps) {
  if (props.compact) return <Sparkline {...props} />;
  const m = buildModel(props);
  const items = legendItems(m, props);
  return (
    <ResponsiveChart
      width={props.width}
      layout={(w) => {
        const g = layout(props, m, w);
        return (
          <>
            <Plot props={props} m={m} g={g} />
            <TrendTooltip props={props} m={m} g={g} />
          </>
        );
      }}
    >
      {props.onCursorChange && <LiveRegion text={liveText(props, m, props.cursor)} />}
      {items.length > 0 && <Legend items={items} />}
    </ResponsiveChart>
  );
}

/** The text a screen reader hears for a cursor position (exported for tests and for parents that announce elsewhere). */
export function trendCursorText(props: TrendChartProps, cursor: TrendCursor | null): string {
  return liveText(props, buildModel(props), cursor);
}
