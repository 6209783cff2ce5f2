import type { KeyboardEvent, PointerEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import { formatYear, formatYearShort } from '@/lib/format';
import type { Series } from '@/lib/explorer/types';
import type { PeriodType } from '@/lib/schema/tables';
import type { ExportLegend, ExportLegendItem } from '@/lib/share/export';
import { STATUS_LABEL, STATUS_MEANING, type Cell } from '@/lib/status';
import { CHART_FONT, fitText, markerPath, RESPONSIVE_WIDTHS, seriesStyles, spreadLabels, textWidth, type SeriesStyle } from './palette';
import styles from './TrendChart.module.css';

/**
 * Trend lines for England, regions and selected areas: props in, SVG out (no hooks, no effects), so the
 * same markup renders on the server and in the browser. The parent holds the cursor and the active quote.
 *
 * - A missing figure (undefined cell, or a DfE status) is a gap in the line, never a zero; each missing
 *   year is marked in a "no figure" lane under the x axis with its reason. A lone point between gaps is
 *   a dot; every run of a line starts and ends with the series' marker, so a line that stops (a council
 *   abolished or created) visibly stops.
 * - Y axis from zero. Direct labels at line ends on wider layouts (collision-avoided); a legend under
 *   the chart always (it also keys the markers of the lane and the quotes).
 * - Interactive when `onCursorChange` is given: the plot is one tab stop; ←/→ years, ↑/↓ lines,
 *   Home/End first/last year, Escape clears; hover/tap moves the same cursor; an aria-live region reads it.
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
  readonly cursor?: TrendCursor | null;
  readonly onCursorChange?: (c: TrendCursor | null) => void;
  readonly activeQuote?: string | null;
  /** Called with the quote's id on click/Enter/Space, or null when the active quote is activated again (or Escape). */
  readonly onQuoteActivate?: (id: string | null) => void;
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
  /** Small sparkline for index pages: no axes, labels, lane or interaction. */
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
  const st = seriesStyles(props.series);
  let yMax = 0;
  let lastDataYear: number | undefined;
  const series = props.series.map((s): SeriesModel => {
    const byYear = new Map(s.points.map((p) => [p.year, p.cell]));
    const cells = new Map(years.map((y) => [y, byYear.get(y)]));
    const runs: Run[] = [];
    const missing: MissingYear[] = [];
    let cur: { year: number; value: number }[] = [];
    let endYear: number | undefined;
    for (const y of years) {
      // A year the series does not cover (a council before it was created or after it was
      // abolished) is neither a point nor a gap to explain: the line simply starts or stops.
      if (!byYear.has(y)) {
        if (cur.length) runs.push({ points: cur });
        cur = [];
        continue;
      }
      const c = cells.get(y);
      if (c?.kind === 'value' && Number.isFinite(c.value)) {
        cur.push({ year: y, value: c.value });
        yMax = Math.max(yMax, c.value);
        endYear = y;
      } else {
        if (cur.length) runs.push({ points: cur });
        cur = [];
        missing.push({ year: y, ...missingOf(c, s.note)! });
      }
    }
    if (cur.length) runs.push({ points: cur });
    if (endYear !== undefined && (lastDataYear === undefined || endYear > lastDataYear)) lastDataYear = endYear;
    return { s, style: st.get(s.key)!, cells, runs, missing, endYear };
  });
  const quotes = (props.quotes ?? []).filter((q) => q.year >= from && q.year <= to);
  return { years, series, yMax, lastDataYear, quotes };
}

/** Text for the cursor: tooltip lines and the live region. */
function describeCursor(props: TrendChartProps, m: Model, c: TrendCursor): { sm: SeriesModel; year: string; value?: string; missing?: { short: string; reason: string } } | undefined {
  const sm = m.series.find((x) => x.s.key === c.key);
  if (!sm || !m.years.includes(c.year)) return undefined;
  const cell = sm.cells.get(c.year);
  const year = formatYear(props.period, c.year);
  if (cell?.kind === 'value') return { sm, year, value: props.formatValue(cell.value) };
  return { sm, year, missing: missingOf(cell, sm.s.note) };
}

function liveText(props: TrendChartProps, m: Model, c: TrendCursor | null | undefined): string {
  if (!c) return '';
  const d = describeCursor(props, m, c);
  if (!d) return '';
  return d.value !== undefined
    ? `${d.sm.s.label}, ${d.year}: ${d.value} ${props.unitLabel}.`
    : `${d.sm.s.label}, ${d.year}: ${d.missing!.short}.${d.missing!.reason ? ` ${d.missing!.reason}` : ''}`;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/* ---- Layout ------------------------------------------------------------------------------------- */

const LANE_ROW = 17;
const QUOTE_R = 9;

interface LaneRow {
  readonly sm: SeriesModel;
  readonly y: number;
  /** Where the row's name goes: in the label column, inline in a free stretch, or on its own line above. */
  readonly label: { x: number; y: number; text: string; anchor: 'start' | 'end' } | undefined;
}

interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly x: (year: number) => number;
  readonly y: (v: number) => number;
  readonly yTicks: readonly number[];
  readonly xLabelYears: readonly number[];
  readonly xLabelY: number;
  readonly quoteY: number | undefined;
  readonly laneTitleY: number | undefined;
  readonly lane: readonly LaneRow[];
  readonly laneBottom: number;
  readonly labels: readonly { sm: SeriesModel; text: string; x: number; y: number; anchorY: number }[];
  readonly step: number;
}

function layout(props: TrendChartProps, m: Model, width: number): Geometry {
  const fs = CHART_FONT;
  const years = m.years;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const yDomainMax = m.yMax > 0 ? m.yMax : 1;

  // Direct labels go in a column right of the plot on wider layouts.
  const wide = width >= 520;
  const labelNames = m.series.filter((s) => s.endYear !== undefined).map((s) => textWidth(s.s.label, fs, true));
  const labelCol = wide ? Math.min(Math.max(0, ...labelNames) + 14, Math.round(width * 0.24)) : 0;
  const xLabelW = Math.max(textWidth(formatYearShort(props.period, first), fs), textWidth(formatYearShort(props.period, last), fs));

  // Vertical stack.
  const plotTop = fs + 16;
  const laneSeries = m.series.filter((s) => s.missing.length > 0);
  const extrasBase = 6 + fs + 6 + (m.quotes.length ? 2 * QUOTE_R + 8 : 0) + (laneSeries.length ? fs + 10 : 0) + 6;
  const defaultPlot = Math.round(Math.min(360, Math.max(200, 120 + width * 0.25)));

  // y scale first needs the plot height; the lane height needs x. Do x, then lane, then y.
  const yTmp = scaleLinear().domain([0, yDomainMax]).nice(5);
  const tickLabelsTmp = yTmp.ticks(5).map((t) => textWidth(props.formatValue(t), fs));
  const plotLeft = Math.ceil(Math.max(Math.max(0, ...tickLabelsTmp) + 8, xLabelW / 2 + 2));
  const plotRight = Math.floor(width - (wide ? labelCol + 8 : Math.max(xLabelW / 2 + 2, 8)));
  const xs = scaleLinear().domain(first === last ? [first - 0.5, last + 0.5] : [first, last]).range([plotLeft, plotRight]);
  const x = (yr: number) => xs(yr);
  const step = years.length > 1 ? (plotRight - plotLeft) / (years.length - 1) : plotRight - plotLeft;

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
  const tickCount = Math.max(3, Math.round(plotHeight / 55));
  const ys = scaleLinear().domain([0, yDomainMax]).nice(tickCount).range([plotBottom, plotTop]);
  const yTicks = ys.ticks(tickCount);
  const y = (v: number) => ys(v);

  // X labels: every k-th year counting back from the last, so the latest year is always labelled.
  const need = xLabelW + 10;
  const k = [1, 2, 3, 4, 5, 10, 20].find((kk) => kk * step >= need) ?? years.length;
  const xLabelYears = years.filter((yr) => (last - yr) % k === 0);

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

  // Direct labels: series whose line reaches the last year with data; most important first if crowded.
  const labels: { sm: SeriesModel; text: string; x: number; y: number; anchorY: number }[] = [];
  if (wide && m.lastDataYear !== undefined) {
    const prio = { england: 0, area: 1, region: 2 } as const;
    const lineH = fs + 3;
    const capacity = Math.floor((plotHeight + lineH) / lineH);
    const cands = m.series
      .filter((s) => s.endYear === m.lastDataYear)
      .map((sm, i) => ({ sm, i, anchorY: y((sm.cells.get(m.lastDataYear!) as { value: number }).value) }))
      .sort((a, b) => prio[a.sm.s.kind] - prio[b.sm.s.kind] || a.i - b.i)
      .slice(0, capacity);
    const pos = spreadLabels(cands.map((c) => c.anchorY), lineH, plotTop - 4, plotBottom);
    const lx = x(m.lastDataYear) + 10;
    const room = width - lx - 2;
    cands.forEach((c, j) => labels.push({ sm: c.sm, text: fitText(c.sm.s.label, room, fs, c.sm.s.kind !== 'region'), x: lx, y: pos[j]!, anchorY: c.anchorY }));
  }

  return { width, height, plotLeft, plotRight, plotTop, plotBottom, x, y, yTicks, xLabelYears, xLabelY, quoteY, laneTitleY, lane, laneBottom, labels, step };
}

/* ---- Drawing ------------------------------------------------------------------------------------ */

function linePath(g: Geometry, run: Run): string {
  return run.points.map((p, i) => `${i ? 'L' : 'M'}${r1(g.x(p.year))},${r1(g.y(p.value))}`).join('');
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

interface PlotProps {
  readonly props: TrendChartProps;
  readonly m: Model;
  readonly g: Geometry;
}

function Plot({ props, m, g }: PlotProps) {
  const { cursor, onCursorChange, onQuoteActivate, activeQuote } = props;
  const interactive = onCursorChange !== undefined;
  const fs = CHART_FONT;
  const cur = cursor && m.years.includes(cursor.year) ? m.series.find((s) => s.s.key === cursor.key) : undefined;
  const curInfo = cursor && cur ? describeCursor(props, m, cursor) : undefined;
  const qPos = quotePositions(g, m.quotes);
  const labelFor = props.ariaLabel ?? (props.titleId ? undefined : `Line chart, ${props.unitLabel}, ${formatYearShort(props.period, m.years[0]!)} to ${formatYearShort(props.period, m.years[m.years.length - 1]!)}: ${props.series.map((s) => s.label).join(', ')}`);

  const initial = (): TrendCursor | null => {
    const s0 = m.series[0];
    if (!s0) return null;
    return { key: s0.s.key, year: s0.endYear ?? m.years[m.years.length - 1]! };
  };

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (!onCursorChange) return;
    const c = cursor && m.series.some((s) => s.s.key === cursor.key) && m.years.includes(cursor.year) ? cursor : null;
    const first = m.years[0]!;
    const last = m.years[m.years.length - 1]!;
    const si = c ? m.series.findIndex((s) => s.s.key === c.key) : 0;
    let next: TrendCursor | null | undefined;
    switch (e.key) {
      case 'ArrowRight':
        next = c ? { key: c.key, year: Math.min(last, c.year + 1) } : initial();
        break;
      case 'ArrowLeft':
        next = c ? { key: c.key, year: Math.max(first, c.year - 1) } : initial();
        break;
      case 'Home':
        next = { key: c?.key ?? m.series[0]!.s.key, year: first };
        break;
      case 'End':
        next = { key: c?.key ?? m.series[0]!.s.key, year: last };
        break;
      case 'ArrowUp':
        next = c ? { key: m.series[Math.max(0, si - 1)]!.s.key, year: c.year } : initial();
        break;
      case 'ArrowDown':
        next = c ? { key: m.series[Math.min(m.series.length - 1, si + 1)]!.s.key, year: c.year } : initial();
        break;
      case 'Escape':
        next = null;
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next === undefined) return;
    if (next?.key !== cursor?.key || next?.year !== cursor?.year) onCursorChange(next);
  };

  const fromPointer = (e: PointerEvent<SVGSVGElement>) => {
    if (!onCursorChange) return;
    const r = e.currentTarget.getBoundingClientRect();
    if (!r.width || !r.height) return;
    const vx = ((e.clientX - r.left) * g.width) / r.width;
    const vy = ((e.clientY - r.top) * g.height) / r.height;
    if (vx < g.plotLeft - g.step / 2 - 4 || vx > g.plotRight + g.step / 2 + 4) return;
    const inPlot = vy >= g.plotTop - 8 && vy <= g.plotBottom + 4;
    const row = g.lane.find((l) => Math.abs(vy - l.y) <= LANE_ROW / 2);
    if (!inPlot && !row) return;
    const first = m.years[0]!;
    const last = m.years[m.years.length - 1]!;
    const year = Math.min(last, Math.max(first, Math.round(first + ((vx - g.plotLeft) / Math.max(1, g.plotRight - g.plotLeft)) * (last - first))));
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

  const activate = (id: string) => onQuoteActivate?.(activeQuote === id ? null : id);

  const hasData = m.yMax > 0 || m.series.some((s) => s.runs.length > 0);
  const guideBottom = cur && g.lane.some((l) => l.sm === cur) ? g.laneBottom : g.plotBottom;

  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${g.width} ${g.height}`}
      width="100%"
      role={interactive || (onQuoteActivate && m.quotes.length) ? 'group' : 'img'}
      aria-labelledby={props.titleId}
      aria-describedby={props.descId}
      aria-label={labelFor}
      onPointerMove={interactive ? fromPointer : undefined}
      onPointerDown={interactive ? fromPointer : undefined}
      onPointerLeave={interactive ? (e) => e.pointerType === 'mouse' && cursor && onCursorChange?.(null) : undefined}
      fontSize={fs}
    >
      {/* Unit label */}
      <text className={styles.unit} x={0} y={fs}>
        {fitText(props.unitLabel, g.width - 4, fs)}
      </text>

      <g
        className={styles.plot}
        tabIndex={interactive ? 0 : undefined}
        role={interactive ? 'application' : undefined}
        aria-label={interactive ? keyboardHelp() : undefined}
        onKeyDown={interactive ? onKeyDown : undefined}
        onFocus={
          interactive
            ? (e) => {
                // Keyboard focus only: a click focuses too, but its pointerdown has already placed the cursor.
                let keyboard = true;
                try {
                  keyboard = e.currentTarget.matches(':focus-visible');
                } catch {
                  /* old browsers: assume keyboard */
                }
                if (!cursor && keyboard) onCursorChange?.(initial());
              }
            : undefined
        }
        onBlur={interactive ? () => cursor && onCursorChange?.(null) : undefined}
      >
        <rect className={styles.hit} x={g.plotLeft - 6} y={g.plotTop - 8} width={g.plotRight - g.plotLeft + 12} height={g.laneBottom - g.plotTop + 8} />
        <rect data-export-ignore="" className={styles.focusRing} x={g.plotLeft - 6} y={g.plotTop - 8} width={g.plotRight - g.plotLeft + 12} height={g.plotBottom - g.plotTop + 14} rx={4} />

        {/* Y grid and labels (from zero) */}
        <g aria-hidden="true">
          {g.yTicks.map((t) => (
            <g key={t} data-y-tick={t}>
              <line className={t === 0 ? styles.baseline : styles.grid} x1={g.plotLeft} x2={g.plotRight} y1={r1(g.y(t))} y2={r1(g.y(t))} />
              <text className={styles.tick} x={g.plotLeft - 6} y={r1(g.y(t))} dy="0.35em" textAnchor="end">
                {props.formatValue(t)}
              </text>
            </g>
          ))}
          {/* X ticks and labels */}
          {m.years.map((yr) => (
            <line key={yr} data-year={yr} className={styles.xtick} x1={r1(g.x(yr))} x2={r1(g.x(yr))} y1={g.plotBottom} y2={g.plotBottom + (g.xLabelYears.includes(yr) ? 5 : 3)} />
          ))}
          {g.xLabelYears.map((yr) => (
            <text key={yr} className={styles.tick} x={r1(g.x(yr))} y={g.xLabelY} textAnchor="middle">
              {formatYearShort(props.period, yr)}
            </text>
          ))}
          {!hasData && (
            <text className={styles.empty} x={(g.plotLeft + g.plotRight) / 2} y={(g.plotTop + g.plotBottom) / 2} textAnchor="middle">
              No figures published for these years
            </text>
          )}
        </g>

        {/* Cursor guide under the lines */}
        {cur && cursor && <line data-export-ignore="" className={styles.guide} x1={r1(g.x(cursor.year))} x2={r1(g.x(cursor.year))} y1={g.plotTop - 4} y2={guideBottom} />}

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
                      d={linePath(g, run)}
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

        {/* Direct labels */}
        <g aria-hidden="true">
          {g.labels.map((l) => (
            <g key={l.sm.s.key}>
              {Math.abs(l.y - l.anchorY) > 3 && <line className={styles.leader} x1={l.x - 7} y1={r1(l.anchorY)} x2={l.x - 2} y2={r1(l.y)} />}
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
          <g aria-hidden="true" className={styles.cursorMarks} data-export-ignore="">
            {m.series.map((sm) => {
              const c = sm.cells.get(cursor.year);
              if (c?.kind !== 'value') return null;
              const on = sm === cur;
              return <circle key={sm.s.key} cx={r1(g.x(cursor.year))} cy={r1(g.y(c.value))} r={on ? 6.5 : 3.5} className={on ? styles.cursorOn : styles.cursorOff} stroke={on ? undefined : sm.style.colour} />;
            })}
            {curInfo?.missing &&
              g.lane
                .filter((l) => l.sm === cur)
                .map((l) => <circle key="lane" cx={r1(g.x(cursor.year))} cy={r1(l.y)} r={7.5} className={styles.cursorOn} fill="none" />)}
          </g>
        )}
      </g>

      {/* Quote markers */}
      {g.quoteY !== undefined && (
        <g className={styles.quotes}>
          {m.quotes.map((q) => {
            const cx = r1(qPos.get(q.id) ?? g.x(q.year));
            const active = activeQuote === q.id;
            const button = onQuoteActivate !== undefined;
            return (
              <g
                key={q.id}
                className={`${styles.quote} ${active ? styles.quoteActive : ''}`}
                role={button ? 'button' : undefined}
                tabIndex={button ? 0 : undefined}
                aria-label={button ? `Quote: ${q.label}` : undefined}
                aria-pressed={button ? active : undefined}
                aria-hidden={button ? undefined : true}
                data-quote={q.id}
                onClick={button ? () => activate(q.id) : undefined}
                onKeyDown={
                  button
                    ? (e: KeyboardEvent<SVGGElement>) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          activate(q.id);
                        } else if (e.key === 'Escape' && active) {
                          e.preventDefault();
                          onQuoteActivate(null);
                        }
                      }
                    : undefined
                }
              >
                <title>{q.label}</title>
                <circle data-export-ignore="" className={styles.quoteRing} cx={cx} cy={g.quoteY} r={QUOTE_R + 3} />
                <circle className={styles.quoteDot} cx={cx} cy={g.quoteY} r={QUOTE_R} />
                <text className={styles.quoteGlyph} x={cx} y={g.quoteY} dy="0.62em" textAnchor="middle" fontSize={22}>
                  “
                </text>
              </g>
            );
          })}
        </g>
      )}
    </svg>
  );
}

function Tooltip({ props, m, g }: PlotProps) {
  const c = props.cursor;
  if (!c || !props.onCursorChange) return null;
  const d = describeCursor(props, m, c);
  if (!d) return null;
  const cell = d.sm.cells.get(c.year);
  const lane = g.lane.find((l) => l.sm === d.sm);
  const py = cell?.kind === 'value' ? g.y(cell.value) : lane ? lane.y : (g.plotTop + g.plotBottom) / 2;
  const px = g.x(c.year);
  // Horizontally: the tooltip's own point at the same fraction as the cursor, so it never leaves the box.
  // Vertically: below the point when it is in the upper half, above it otherwise.
  const fx = Math.min(100, Math.max(0, (px / g.width) * 100));
  const below = py < (g.plotTop + g.plotBottom) / 2;
  return (
    <div
      className={`${styles.tooltip} ${below ? styles.tooltipBelow : styles.tooltipAbove}`}
      style={{ left: `${r1(fx)}%`, top: `${r1((py / g.height) * 100)}%`, ['--tx' as string]: `${r1(-fx)}%` }}
      aria-hidden="true"
    >
      <span className={styles.ttName}>
        <svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true" className={styles.swatch}>
          <line x1="1" x2="21" y1="6" y2="6" stroke={d.sm.style.colour} strokeWidth={Math.min(3, d.sm.style.width)} strokeDasharray={d.sm.style.dash} />
          <path d={markerPath(d.sm.style.marker, 11, 6, 3.5)} fill={d.sm.style.colour} />
        </svg>
        {d.sm.s.label}
      </span>
      <span className={styles.ttYear}>{d.year}</span>
      {d.value !== undefined ? (
        <span className={styles.ttValue}>
          <strong>{d.value}</strong> {props.unitLabel}
        </span>
      ) : (
        <span className={styles.ttMissing}>
          <strong>{d.missing!.short.charAt(0).toUpperCase() + d.missing!.short.slice(1)}.</strong> {d.missing!.reason}
        </span>
      )}
    </div>
  );
}

function Swatch({ style, kind }: { style: SeriesStyle; kind: 'line' | 'lane' }) {
  return (
    <svg width="30" height="14" viewBox="0 0 30 14" aria-hidden="true" className={styles.swatch}>
      {kind === 'line' ? (
        <>
          <line x1="1" x2="29" y1="7" y2="7" stroke={style.colour} strokeWidth={style.width} strokeDasharray={style.dash} />
          <path d={markerPath(style.marker, 15, 7, 3.8)} fill={style.colour} stroke="#fff" strokeWidth={0.8} />
        </>
      ) : (
        <path d={markerPath(style.marker, 15, 7, 4.2)} fill="#fff" stroke={style.colour} strokeWidth={1.6} />
      )}
    </svg>
  );
}

function Legend({ m }: { m: Model }) {
  const regions = m.series.filter((s) => s.s.kind === 'region');
  const others = m.series.filter((s) => s.s.kind !== 'region');
  const anyMissing = m.series.some((s) => s.missing.length > 0);
  const items = others.length + (regions.length ? 1 : 0);
  if (items < 2 && !anyMissing && !m.quotes.length) return null;
  // The same key for image downloads (lib/share/export.ts draws it as SVG).
  const line = (st: SeriesStyle, label: string): ExportLegendItem => ({ label, line: { colour: st.colour, dash: st.dash, width: st.width }, marker: { d: markerPath(st.marker, 15, 7, 3.8), fill: st.colour, stroke: '#fff', strokeWidth: 0.8 } });
  const exportKey: ExportLegend = {
    items: [
      ...others.map((sm) => line(sm.style, sm.s.label)),
      ...(regions.length ? [line(regions[0]!.style, regions.length > 2 ? `Regions (${regions.length}, grey)` : regions.map((r) => r.s.label).join(', '))] : []),
      ...(anyMissing ? [{ label: 'Hollow mark under the axis: no figure that year (the line has a gap, not a zero)', marker: { d: markerPath('circle', 15, 7, 4.2), fill: '#fff', stroke: '#4d5661', strokeWidth: 1.6 }, muted: true }] : []),
      ...(m.quotes.length ? [{ label: 'What a report said about that year', marker: { d: markerPath('circle', 15, 7, 6), fill: '#fff', stroke: '#0b5cad', strokeWidth: 1.8 }, muted: true }] : []),
    ],
  };
  return (
    <ul className={styles.legend} aria-label="Key" data-export-legend={JSON.stringify(exportKey)}>
      {others.map((sm) => (
        <li key={sm.s.key}>
          <Swatch style={sm.style} kind="line" />
          <span>{sm.s.label}</span>
        </li>
      ))}
      {regions.length > 0 && (
        <li>
          <Swatch style={regions[0]!.style} kind="line" />
          <span>{regions.length > 2 ? `Regions (${regions.length}, grey)` : regions.map((r) => r.s.label).join(', ')}</span>
        </li>
      )}
      {anyMissing && (
        <li className={styles.legendNote}>
          <svg width="30" height="14" viewBox="0 0 30 14" aria-hidden="true" className={styles.swatch}>
            <path d={markerPath('circle', 15, 7, 4.2)} fill="#fff" stroke="#4d5661" strokeWidth={1.6} />
          </svg>
          <span>Hollow mark under the axis: no figure that year (the line has a gap, not a zero)</span>
        </li>
      )}
      {m.quotes.length > 0 && (
        <li className={styles.legendNote}>
          <svg width="30" height="14" viewBox="0 0 30 22" aria-hidden="true" className={styles.swatch}>
            <circle cx="15" cy="11" r="9" className={styles.quoteDot} />
            <text x="15" y="11" dy="0.62em" textAnchor="middle" fontSize="22" className={styles.quoteGlyph}>
              “
            </text>
          </svg>
          <span>What a report said about that year</span>
        </li>
      )}
    </ul>
  );
}

/* ---- Compact sparkline -------------------------------------------------------------------------- */

function Sparkline(props: TrendChartProps) {
  const m = buildModel(props);
  const W = props.width ?? 240;
  const H = props.height ?? 56;
  const pad = 5;
  const first = m.years[0]!;
  const last = m.years[m.years.length - 1]!;
  const xs = scaleLinear().domain(first === last ? [first - 0.5, last + 0.5] : [first, last]).range([pad, W - pad]);
  const ys = scaleLinear().domain([0, m.yMax > 0 ? m.yMax : 1]).range([H - pad, pad]);
  const g = { x: (v: number) => xs(v), y: (v: number) => ys(v) } as Geometry;
  const main = m.series[0];
  const firstPt = main?.runs[0]?.points[0];
  const lastRun = main?.runs[main.runs.length - 1];
  const lastPt = lastRun?.points[lastRun.points.length - 1];
  const label =
    props.ariaLabel ??
    (props.titleId
      ? undefined
      : main && firstPt && lastPt
        ? `${main.s.label}, ${props.unitLabel}: ${props.formatValue(firstPt.value)} in ${formatYear(props.period, firstPt.year)}, ${props.formatValue(lastPt.value)} in ${formatYear(props.period, lastPt.year)}${main.missing.length ? ` (no figure for ${main.missing.length} year${main.missing.length > 1 ? 's' : ''})` : ''}`
        : `No figures, ${props.unitLabel}`);
  return (
    <svg className={styles.spark} viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={props.titleId} aria-describedby={props.descId} aria-label={label}>
      <line className={styles.baseline} x1={pad} x2={W - pad} y1={H - pad} y2={H - pad} />
      {m.series.map((sm) => (
        <g key={sm.s.key}>
          {sm.runs.map((run) =>
            run.points.length > 1 ? (
              <path key={run.points[0]!.year} className={styles.sparkLine} d={linePath(g, run)} stroke={sm.style.colour} strokeDasharray={sm.style.dash} />
            ) : (
              <circle key={run.points[0]!.year} cx={r1(g.x(run.points[0]!.year))} cy={r1(g.y(run.points[0]!.value))} r={2.2} fill={sm.style.colour} />
            ),
          )}
          {sm.runs.length > 0 &&
            (() => {
              const lr = sm.runs[sm.runs.length - 1]!;
              const p = lr.points[lr.points.length - 1]!;
              return <circle cx={r1(g.x(p.year))} cy={r1(g.y(p.value))} r={3} fill={sm.style.colour} />;
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
  const widths: readonly number[] = props.width !== undefined ? [Math.max(280, Math.round(props.width))] : RESPONSIVE_WIDTHS;
  const responsive = props.width === undefined;
  const live = props.onCursorChange ? liveText(props, m, props.cursor) : undefined;
  return (
    <div className={`${styles.root} ${responsive ? styles.responsive : ''}`}>
      {widths.map((w, i) => {
        const g = layout(props, m, w);
        return (
          <div key={w} className={`${styles.layout} ${responsive ? styles[`r${i}`] : ''}`} data-layout={w}>
            <Plot props={props} m={m} g={g} />
            <Tooltip props={props} m={m} g={g} />
          </div>
        );
      })}
      {live !== undefined && (
        <div className={styles.srOnly} aria-live="polite" aria-atomic="true">
          {live}
        </div>
      )}
      <Legend m={m} />
    </div>
  );
}

/** The text a screen reader hears for a cursor position (exported for tests and for parents that announce elsewhere). */
export function trendCursorText(props: TrendChartProps, cursor: TrendCursor | null): string {
  return liveText(props, buildModel(props), cursor);
}
