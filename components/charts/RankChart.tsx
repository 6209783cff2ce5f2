import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { scaleLog } from 'd3-scale';
import { formatNumber, formatOrdinal } from '@/lib/format';
import type { ExportLegend } from '@/lib/share/export';
import { STATUS_LABEL, type Cell } from '@/lib/status';
import { classify, funnelCurve, FUNNEL_CLASS_LABEL, type FunnelClass } from '@/lib/stats/funnel';
import { areaStyle, isRegionCode, markerPath, selectionSlots, type SeriesStyle } from './palette';
import {
  bandScale,
  base,
  CHART_FONT,
  fitText,
  keyMove,
  LabelPlacer,
  Legend,
  LiveRegion,
  markerItem,
  nearestPoint,
  PlotArea,
  pointBox,
  pointerToView,
  ResponsiveChart,
  spreadLabels,
  stepIndex,
  textBox,
  textWidth,
  Tooltip,
  UnitLabel,
  XValueAxis,
  YGrid,
  yLabelWidth,
  zeroBasedScale,
  type LegendItem,
  type LinearScale,
} from './primitives';
import styles from './RankChart.module.css';

/**
 * All councils in one year: props in, SVG out (no hooks, no effects), so the server and the browser render
 * the same markup. The parent holds the cursor and the selection.
 *
 * - `dots`: a "caterpillar": councils with a figure sorted by value, lowest left, highest right (value
 *   on y from zero, rank on x), so ~150 councils fit a phone's width. England is a reference line;
 *   regions are labelled diamonds in a strip on the right; selected councils are coloured, shaped
 *   (palette order, as in the trend chart) and named.
 * - `funnel`: rate against children aged 0-17 (log x), with England's rate and the 95% / 99.8% Poisson
 *   limits from lib/stats/funnel.ts. Needs populations and England's rate, otherwise says so.
 * - A council without a figure (or, in a funnel, without a population) is not drawn; it is listed under
 *   the chart with the reason ("Not shown: …"). `missingItems()` gives the same list to a parent.
 * - The highest and lowest councils are named (in grey) as well as the selected ones, at every width.
 * - Interactive when `onCursorChange` / `onSelect` are given: one tab stop; ←/→ (and ↑/↓) move through
 *   councils in rank order, PageUp/PageDown by ten, Home/End to the lowest/highest; Enter or Space selects;
 *   Escape clears. Hover moves the cursor to the nearest council (by rank column in the caterpillar, so
 *   the whole plot height is the target), a click selects it; on touch a first tap shows a council and a
 *   second tap near it selects it. An aria-live region reads the cursor. Under the chart, a list of every
 *   council (highest first, touch-sized rows, buttons with `onSelect`) is the phone's way to pick one.
 * - Built on the chart primitives (./primitives); responsive like TrendChart: without `width`, three
 *   layouts and CSS container queries.
 */

export interface RankItem {
  readonly code: string;
  readonly name: string;
  readonly regionCode?: string;
  /** Region name for the tooltip; otherwise looked up in `regions` by regionCode. */
  readonly regionName?: string;
  readonly cell: Cell | undefined;
  /** Children aged 0-17 (the rate's denominator), for the funnel plot. */
  readonly population?: number;
}

export interface RankRegion {
  readonly code: string;
  readonly name: string;
  readonly value: number;
}

export interface RankChartProps {
  readonly items: readonly RankItem[];
  /** England's value (the reference line and the funnel's centre). */
  readonly england?: number;
  readonly regions?: readonly RankRegion[];
  /** Selected area codes, in selection order (styles follow palette order, skipping England and regions). */
  readonly selected: readonly string[];
  readonly mode: 'dots' | 'funnel';
  readonly unitLabel: string;
  readonly formatValue: (n: number) => string;
  readonly cursor?: string | null;
  readonly onCursorChange?: (code: string | null) => void;
  /** Called with a council's code on Enter/Space or click (the parent toggles its selection). */
  readonly onSelect?: (code: string) => void;
  readonly titleId?: string;
  readonly descId?: string;
  /** Accessible name when there is no titleId (otherwise one is generated). */
  readonly ariaLabel?: string;
  /** Measured width in px: one layout at this width. Omit for the CSS-responsive set. */
  readonly width?: number;
  /** Total SVG height in px. */
  readonly height?: number;
  /** List councils not drawn under the chart (default true). */
  readonly showMissing?: boolean;
}

export interface MissingRankItem {
  readonly code: string;
  readonly name: string;
  /** "suppressed", "no figure published", "no child population figure" */
  readonly reason: string;
}

/** Councils a rank chart does not draw, and why (the funnel also needs a population). */
export function missingItems(items: readonly RankItem[], mode: 'dots' | 'funnel' = 'dots'): MissingRankItem[] {
  const out: MissingRankItem[] = [];
  for (const it of items) {
    if (it.cell === undefined) out.push({ code: it.code, name: it.name, reason: 'no figure published' });
    else if (it.cell.kind === 'missing') out.push({ code: it.code, name: it.name, reason: STATUS_LABEL[it.cell.status] });
    else if (mode === 'funnel' && !(it.population !== undefined && it.population > 0)) out.push({ code: it.code, name: it.name, reason: 'no child population figure' });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/* ---- Model ------------------------------------------------------------------------------------------ */

interface Dot {
  readonly item: RankItem;
  readonly value: number;
  /** Position in ascending order (0 = lowest). */
  readonly index: number;
  /** 1 = highest. */
  readonly rank: number;
  readonly joint: boolean;
  readonly style: SeriesStyle | undefined;
  readonly cls: FunnelClass | undefined;
}

interface Model {
  readonly mode: 'dots' | 'funnel';
  /** Drawn councils, ascending by value (ties by name). */
  readonly dots: readonly Dot[];
  readonly missing: readonly MissingRankItem[];
  readonly yMax: number;
  readonly message: string | undefined;
  readonly regionName: ReadonlyMap<string, string>;
}

function buildModel(p: RankChartProps): Model {
  const mode = p.mode;
  const missing = missingItems(p.items, mode);
  const gone = new Set(missing.map((m) => m.code));
  const valued = p.items
    .filter((it) => !gone.has(it.code) && it.cell?.kind === 'value' && Number.isFinite(it.cell.value))
    .map((it) => ({ it, v: (it.cell as { value: number }).value }))
    .sort((a, b) => a.v - b.v || a.it.name.localeCompare(b.it.name));
  // Councils take the style of their selection slot (councils first, so the same as on the trend chart).
  const slots = selectionSlots(p.selected);
  const counts = new Map<number, number>();
  for (const d of valued) counts.set(d.v, (counts.get(d.v) ?? 0) + 1);
  const n = valued.length;
  let message: string | undefined;
  if (mode === 'funnel') {
    if (!p.items.some((it) => it.population !== undefined && it.population > 0)) message = 'A funnel plot needs each council’s number of children aged 0 to 17, and there is none for this year. Use the ranked view instead.';
    else if (p.england === undefined || !(p.england > 0)) message = 'A funnel plot needs England’s rate for this year, and there is none. Use the ranked view instead.';
  }
  // Rank from the top: 1 + the number of councils with a higher value (ties share the better rank).
  const firstRank = new Map<number, number>();
  for (let i = n - 1; i >= 0; i--) {
    const v = valued[i]!.v;
    if (!firstRank.has(v)) firstRank.set(v, n - i);
  }
  const ranked: Dot[] = valued.map((d, i) => {
    const slot = isRegionCode(d.it.code) ? undefined : slots.get(d.it.code);
    return {
      item: d.it,
      value: d.v,
      index: i,
      rank: firstRank.get(d.v)!,
      joint: (counts.get(d.v) ?? 0) > 1,
      style: slot !== undefined ? areaStyle(slot) : undefined,
      cls: mode === 'funnel' && !message && d.it.population ? classify(d.v, d.it.population, p.england!) : undefined,
    };
  });
  let yMax = Math.max(0, ...ranked.map((d) => d.value), p.england ?? 0);
  if (mode === 'dots') for (const r of p.regions ?? []) yMax = Math.max(yMax, r.value);
  const regionName = new Map((p.regions ?? []).map((r) => [r.code, r.name]));
  return { mode, dots: ranked, missing, yMax, message, regionName };
}

function rankPhrase(m: Model, d: Dot): string {
  return `${d.joint ? 'joint ' : ''}${d.rank === 1 ? '' : `${formatOrdinal(d.rank)} `}highest of ${m.dots.length}`;
}

function describeDot(p: RankChartProps, m: Model, d: Dot): { lines: string[]; live: string } {
  const region = d.item.regionName ?? (d.item.regionCode ? m.regionName.get(d.item.regionCode) : undefined);
  const value = `${p.formatValue(d.value)} ${p.unitLabel}`;
  const lines = [value, rankPhrase(m, d)];
  if (region) lines.push(region);
  if (m.mode === 'funnel' && d.item.population) lines.push(`${formatNumber(d.item.population)} children aged 0 to 17`);
  if (d.cls) lines.push(FUNNEL_CLASS_LABEL[d.cls]);
  const sel = p.selected.includes(d.item.code);
  return { lines, live: `${d.item.name}: ${lines.join('; ')}.${sel ? ' Selected.' : ''}` };
}

/* ---- Layout -------------------------------------------------------------------------------------- */

const r1 = (n: number) => Math.round(n * 10) / 10;

/** In view units: a second tap this close to the council under the cursor selects it (its neighbours are ~2 units apart on a phone). */
const TAP_SLOP = 12;

interface Label {
  readonly code: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly dotX: number;
  readonly dotY: number;
  readonly colour: string;
  /** The highest or lowest council (named in grey), rather than a selected one. */
  readonly extreme: boolean;
}

interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly y: LinearScale;
  readonly pos: ReadonlyMap<string, readonly [number, number]>;
  readonly dotR: number;
  readonly labels: readonly Label[];
  /** dots mode: region markers and labels */
  readonly regions: readonly { r: RankRegion; y: number; labelY: number; text: string | undefined }[];
  readonly regionX: number;
  /** funnel mode */
  readonly xTicks: readonly { x: number; text: string }[];
  readonly limits: readonly { key: 'upper998' | 'upper95' | 'lower95' | 'lower998'; d: string }[];
  readonly limitLabels: readonly { text: string; y: number }[];
  readonly axisY: number;
  readonly narrow: boolean;
}

function kFormat(n: number): string {
  if (n >= 1e6) return `${n / 1e6}m`;
  if (n >= 1000) return `${n / 1000}k`;
  return String(n);
}

function layout(p: RankChartProps, m: Model, width: number): Geometry {
  const fs = CHART_FONT;
  const narrow = width < 520;
  const funnel = m.mode === 'funnel';
  const plotTop = fs + 16;
  const defaultPlot = funnel ? Math.round(Math.min(420, Math.max(260, 160 + width * 0.3))) : Math.round(Math.min(340, Math.max(220, 140 + width * 0.22)));
  const bottomExtra = 6 + fs + (funnel ? fs + 10 : 0) + 8;
  const plotHeight = p.height !== undefined ? Math.max(140, p.height - plotTop - bottomExtra) : defaultPlot;
  const plotBottom = plotTop + plotHeight;
  const y = zeroBasedScale(m.yMax, plotBottom, plotTop);
  const plotLeft = Math.ceil(yLabelWidth(y, p.formatValue, fs) + 8);

  // Right side: region strip (dots) or limit labels (funnel).
  const regs = m.mode === 'dots' ? [...(p.regions ?? [])].sort((a, b) => b.value - a.value) : [];
  let right = 8;
  let regionLabelW = 0;
  if (regs.length) {
    if (narrow) right = 18;
    else {
      regionLabelW = Math.min(Math.max(...regs.map((r) => textWidth(r.name, fs))), Math.round(width * 0.22));
      right = 24 + regionLabelW;
    }
  }
  if (funnel) right = Math.max(right, textWidth('99.8%', fs) + 12);
  const plotRight = width - right;
  const regionX = plotRight + 10;

  const pos = new Map<string, readonly [number, number]>();
  let dotR = 3;
  let xTicks: Geometry['xTicks'] = [];
  let limits: Geometry['limits'] = [];
  let limitLabels: Geometry['limitLabels'] = [];
  if (!funnel) {
    // Rank on x: one band per council. On a phone ~150 councils share ~300 units, so dots overlap into
    // a band; they are drawn at least 2.4 units wide so the curve reads, and hover/tap go by x alone.
    const xb = bandScale(
      m.dots.map((d) => d.item.code),
      plotLeft,
      plotRight,
    );
    dotR = Math.min(3.6, Math.max(narrow ? 2.4 : 1.8, xb.step * 0.55));
    for (const d of m.dots) pos.set(d.item.code, [xb.centre(d.item.code)!, y(d.value)]);
  } else if (!m.message) {
    const pops = m.dots.map((d) => d.item.population!).filter((v) => v > 0);
    const lo = Math.min(...pops) / 1.25;
    const hi = Math.max(...pops) * 1.25;
    const xs = scaleLog().domain([lo, hi]).range([plotLeft + 4, plotRight - 4]);
    dotR = narrow ? 3.2 : 3.3;
    for (const d of m.dots) pos.set(d.item.code, [xs(d.item.population!), y(d.value)]);
    const cands = [500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000].filter((t) => t >= lo && t <= hi);
    const minGap = textWidth('200k', fs) + 14;
    const chosen: number[] = [];
    for (const t of cands) if (!chosen.length || xs(t) - xs(chosen[chosen.length - 1]!) >= minGap) chosen.push(t);
    xTicks = chosen.map((t) => ({ x: xs(t), text: kFormat(t) }));
    // Limits, clipped at the top of the plot (a crossing point is interpolated) and at zero.
    const curve = funnelCurve(p.england!, lo, hi, 160);
    const yTop = y.domain[1];
    const path = (key: 'upper998' | 'upper95' | 'lower95' | 'lower998') => {
      let d = '';
      let pen = false;
      for (let i = 0; i < curve.length; i++) {
        const c = curve[i]!;
        const v = c[key];
        if (key.startsWith('lower') && v <= 0) {
          // no lower limit where even zero events would be unremarkable
          pen = false;
          continue;
        }
        if (v > yTop) {
          const prev = curve[i - 1];
          if (pen && prev) {
            const t = (yTop - prev[key]) / (v - prev[key]);
            const xx = Math.exp(Math.log(prev.n) + t * (Math.log(c.n) - Math.log(prev.n)));
            d += `L${r1(xs(xx))},${r1(y(yTop))}`;
          }
          pen = false;
          continue;
        }
        if (!pen && i > 0 && curve[i - 1]![key] > yTop) {
          const prev = curve[i - 1]!;
          const t = (yTop - prev[key]) / (v - prev[key]);
          const xx = Math.exp(Math.log(prev.n) + t * (Math.log(c.n) - Math.log(prev.n)));
          d += `M${r1(xs(xx))},${r1(y(yTop))}`;
          pen = true;
        }
        d += `${pen ? 'L' : 'M'}${r1(xs(c.n))},${r1(y(v))}`;
        pen = true;
      }
      return d;
    };
    limits = (['upper998', 'upper95', 'lower95', 'lower998'] as const).map((key) => ({ key, d: path(key) }));
    const endC = curve[curve.length - 1]!;
    const ly = spreadLabels([y(endC.upper998), y(endC.upper95), y(endC.lower95), y(endC.lower998)], fs + 1, plotTop, plotBottom);
    limitLabels = [
      { text: '99.8%', y: ly[0]! },
      { text: '95%', y: ly[1]! },
      { text: '95%', y: ly[2]! },
      { text: '99.8%', y: ly[3]! },
    ];
  }

  // Names: the selected councils', then the highest and lowest councils'. Each tries a list of positions
  // near its dot and takes the first that stays in the plot and clears the England label, other names and
  // the named markers (greedy).
  const placer = new LabelPlacer();
  if (p.england !== undefined) placer.avoid(textBox(plotLeft + 4, y(p.england) - 5, textWidth(`England ${p.formatValue(p.england)}`, fs, true), fs));
  const sel = m.dots.filter((d) => d.style && pos.has(d.item.code));
  const low = m.dots[0];
  const high = m.dots[m.dots.length - 1];
  const extremes = [high, low].filter((d): d is Dot => d !== undefined && !d.style && pos.has(d.item.code) && (d !== low || m.dots.length > 1));
  for (const d of [...sel, ...extremes]) {
    const [dx, dy] = pos.get(d.item.code)!;
    placer.avoid(pointBox(dx, dy, d.style ? 9 : dotR + 2));
  }
  const labels: Label[] = [];
  const step = fs + 4;
  const place = (d: Dot, text: string, bold: boolean, colour: string, extreme: boolean) => {
    const [dx, dy] = pos.get(d.item.code)!;
    const tw = textWidth(text, fs, bold);
    const clampX = (x: number) => Math.max(2, Math.min(plotRight - tw - 2, x));
    const cands: { x: number; y: number }[] = [];
    if (!funnel) {
      // Caterpillar: the top-left and bottom-right are empty. Left part: above, text ending at the dot;
      // right part: below, text starting at it.
      const gap = extreme ? 14 : 22;
      const aboveFirst = d.index < m.dots.length * 0.55;
      const above = (k: number) => ({ x: clampX(dx + 6 - tw), y: dy - gap - k * step });
      const below = (k: number) => ({ x: clampX(dx - 6), y: dy + gap + fs * 0.7 + k * step });
      const besideLeft = { x: clampX(dx - 10 - tw), y: dy + fs * 0.35 };
      const besideRight = { x: clampX(dx + 10), y: dy + fs * 0.35 };
      if (extreme) cands.push(d === high ? besideLeft : besideRight);
      for (let k = 0; k < 6; k++) cands.push(...(aboveFirst ? [above(k), below(k)] : [below(k), above(k)]));
    } else {
      const right = dx + 10 + tw <= plotRight;
      const sideX = (r: boolean) => (r ? dx + 10 : dx - 10 - tw);
      for (let k = 0; k < 7; k++) {
        for (const off of k === 0 ? [0] : [-k * step, k * step]) {
          cands.push({ x: sideX(right), y: dy + fs * 0.35 + off });
          cands.push({ x: sideX(!right), y: dy + fs * 0.35 + off });
        }
      }
    }
    const inside = (c: { x: number; y: number }) => c.x >= 0 && c.x + tw <= (funnel ? plotRight : width) && c.y - fs >= plotTop - 12 && c.y <= plotBottom - 2;
    const ok = placer.place(cands, (c) => textBox(c.x, c.y, tw, fs), inside);
    labels.push({ code: d.item.code, text, x: ok.x, y: ok.y, dotX: dx, dotY: dy, colour, extreme });
  };
  for (const d of [...sel].sort((a1, b1) => (funnel ? pos.get(a1.item.code)![1] - pos.get(b1.item.code)![1] : a1.index - b1.index))) {
    place(d, fitText(d.item.name, Math.min(width * (funnel ? 0.5 : 0.6), 220), fs, true), true, d.style!.text, false);
  }
  for (const d of extremes) {
    place(d, `${fitText(d.item.name, Math.min(width * 0.42, 200), fs)} ${p.formatValue(d.value)}`, false, '#4d5661', true);
  }

  // Region markers (dots mode): labels spread in the strip (wide) or none (narrow, listed in the key).
  const regY = regs.map((r) => y(r.value));
  const regLab = spreadLabels(regY, fs + 2, plotTop - 4, plotBottom);
  const regions = regs.map((r, i) => ({ r, y: regY[i]!, labelY: regLab[i]!, text: narrow ? undefined : fitText(r.name, regionLabelW, fs) }));

  const axisY = plotBottom + 6 + fs;
  const height = Math.max(p.height ?? 0, Math.ceil(axisY + (funnel ? fs + 10 : 0) + 8));
  return { width, height, plotLeft, plotRight, plotTop, plotBottom, y, pos, dotR, labels, regions, regionX, xTicks, limits, limitLabels, axisY, narrow };
}

/* ---- Drawing ----------------------------------------------------------------------------------------- */

interface PlotProps {
  readonly p: RankChartProps;
  readonly m: Model;
  readonly g: Geometry;
}

function nearest(m: Model, g: Geometry, vx: number, vy: number): { d: Dot; dist: number } | undefined {
  if (m.mode === 'dots') {
    // by rank (x) alone: every council has a column the full height of the plot
    const n = m.dots.length;
    if (!n) return undefined;
    const i = Math.min(n - 1, Math.max(0, Math.floor(((vx - g.plotLeft) / (g.plotRight - g.plotLeft)) * n)));
    const d = m.dots[i]!;
    const [, dy] = g.pos.get(d.item.code)!;
    return { d, dist: Math.abs(dy - vy) };
  }
  const hit = nearestPoint(
    m.dots.map((d) => g.pos.get(d.item.code)),
    vx,
    vy,
  );
  return hit ? { d: m.dots[hit.index]!, dist: hit.dist } : undefined;
}

function Plot({ p, m, g }: PlotProps) {
  const fs = CHART_FONT;
  const interactive = p.onCursorChange !== undefined || p.onSelect !== undefined;
  const funnel = m.mode === 'funnel';
  const cur = p.cursor ? m.dots.find((d) => d.item.code === p.cursor) : undefined;
  const curPos = cur ? g.pos.get(cur.item.code) : undefined;
  const label =
    p.ariaLabel ??
    (p.titleId ? undefined : funnel ? `Funnel plot of ${m.dots.length} councils: ${p.unitLabel} against children aged 0 to 17` : `${m.dots.length} councils ranked by value, ${p.unitLabel}`);

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const move = keyMove(e.key);
    if (move === undefined) return;
    e.preventDefault();
    if (move === 'activate') {
      if (cur) p.onSelect?.(cur.item.code);
      return;
    }
    const next = stepIndex(move, cur?.index, m.dots.length);
    if (next === null) {
      if (p.cursor) p.onCursorChange?.(null);
    } else if (next !== undefined) {
      const d = m.dots[next]!;
      if (d.item.code !== p.cursor) p.onCursorChange?.(d.item.code);
    }
  };
  const toView = (e: MouseEvent<SVGSVGElement>) => pointerToView(e, g.width, g.height);
  const inPlot = (vx: number, vy: number) => vx >= g.plotLeft - 6 && vx <= g.plotRight + 6 && vy >= g.plotTop - 10 && vy <= g.plotBottom + 6;
  /** Near the council under the cursor: by x in a caterpillar, by distance in a funnel. */
  const nearCursor = (vx: number, vy: number) => curPos !== undefined && (funnel ? Math.hypot(curPos[0] - vx, curPos[1] - vy) <= 14 : Math.abs(curPos[0] - vx) <= TAP_SLOP);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const v = toView(e);
    if (!v || !inPlot(v[0], v[1])) return;
    const hit = nearest(m, g, v[0], v[1]);
    if (hit && (funnel ? hit.dist <= 40 : true) && hit.d.item.code !== p.cursor) p.onCursorChange?.(hit.d.item.code);
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    // Touch: the first tap on a council shows it, a second tap near it selects it (a mouse click selects at once).
    const v = toView(e);
    if (e.pointerType !== 'mouse' && v && nearCursor(v[0], v[1])) {
      e.currentTarget.dataset.tapArmed = 'cursor';
      return;
    }
    e.currentTarget.dataset.tapArmed = e.pointerType === 'mouse' ? '1' : '0';
    onPointerMove(e);
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const armed = e.currentTarget.dataset.tapArmed ?? '1';
    delete e.currentTarget.dataset.tapArmed;
    if (armed === 'cursor') {
      if (p.cursor) p.onSelect?.(p.cursor);
      return;
    }
    if (armed === '0' && p.onCursorChange) return;
    const v = toView(e);
    if (!v || !inPlot(v[0], v[1])) return;
    const hit = nearest(m, g, v[0], v[1]);
    if (hit && hit.dist <= (funnel ? 14 : 24)) p.onSelect?.(hit.d.item.code);
  };

  const selDots = m.dots.filter((d) => d.style);
  const plainDots = m.dots.filter((d) => !d.style);
  const engY = p.england !== undefined ? g.y(p.england) : undefined;

  return (
    <svg
      className={base.svg}
      viewBox={`0 0 ${g.width} ${g.height}`}
      width="100%"
      role={interactive ? 'group' : 'img'}
      aria-labelledby={p.titleId}
      aria-describedby={p.descId}
      aria-label={label}
      fontSize={fs}
      onPointerMove={p.onCursorChange ? onPointerMove : undefined}
      onPointerDown={p.onCursorChange ? onPointerDown : undefined}
      onPointerLeave={p.onCursorChange ? (e) => e.pointerType === 'mouse' && p.cursor && p.onCursorChange?.(null) : undefined}
      onClick={p.onSelect ? onClick : undefined}
    >
      <UnitLabel text={p.unitLabel} width={g.width} />
      <PlotArea
        box={{ x: g.plotLeft - 6, y: g.plotTop - 10, width: g.plotRight - g.plotLeft + 12, height: g.plotBottom - g.plotTop + 16 }}
        help={`${m.dots.length} councils in rank order. Use the arrow keys to move from council to council (right or up for higher), Page Up and Page Down by ten, Home and End for the lowest and highest${p.onSelect ? ', Enter to select or unselect' : ''}, Escape to clear.`}
        onKeyDown={interactive ? onKeyDown : undefined}
        onBlur={p.onCursorChange ? () => p.cursor && p.onCursorChange?.(null) : undefined}
      >
        <YGrid scale={g.y} left={g.plotLeft} right={g.plotRight} format={p.formatValue} />
        {funnel ? (
          <XValueAxis ticks={g.xTicks} bottom={g.plotBottom} labelY={g.axisY} title="Children aged 0 to 17 (log scale)" titleX={(g.plotLeft + g.plotRight) / 2} />
        ) : (
          <g aria-hidden="true">
            <text className={base.axisTitle} x={g.plotLeft} y={g.axisY}>
              ← lowest
            </text>
            <text className={base.axisTitle} x={(g.plotLeft + g.plotRight) / 2} y={g.axisY} textAnchor="middle">
              {g.narrow ? `${m.dots.length} councils` : `${m.dots.length} councils, ranked`}
            </text>
            <text className={base.axisTitle} x={g.plotRight} y={g.axisY} textAnchor="end">
              highest →
            </text>
          </g>
        )}

        {/* Funnel limits */}
        {funnel && g.limits.length > 0 && (
          <g aria-hidden="true" data-funnel-limits="">
            {g.limits.map((l) => (
              <path key={l.key} className={l.key.endsWith('998') ? styles.limit998 : styles.limit95} d={l.d} data-limit={l.key} />
            ))}
            {g.limitLabels.map((l, i) => (
              <text key={i} className={styles.limitLabel} x={g.plotRight + 4} y={r1(l.y)} dy="0.35em">
                {l.text}
              </text>
            ))}
          </g>
        )}

        {/* England reference */}
        {engY !== undefined && (
          <g aria-hidden="true">
            <line className={styles.england} x1={g.plotLeft} x2={g.plotRight} y1={r1(engY)} y2={r1(engY)} />
            <text className={`${styles.englandLabel} ${base.halo}`} x={g.plotLeft + 4} y={r1(engY - 5)}>
              England {p.formatValue(p.england!)}
            </text>
          </g>
        )}

        {/* Regions (dots mode) */}
        {g.regions.length > 0 && (
          <g aria-hidden="true" className={styles.regions}>
            {g.regions.map((r) => (
              <g key={r.r.code} data-region={r.r.code}>
                <path className={styles.regionMark} d={markerPath('diamond', g.regionX, r1(r.y), 3.4)} />
                {r.text && (
                  <>
                    {Math.abs(r.labelY - r.y) > 2 && <line className={base.leader} x1={g.regionX + 5} y1={r1(r.y)} x2={g.regionX + 11} y2={r1(r.labelY)} />}
                    <text className={styles.regionLabel} x={g.regionX + 13} y={r1(r.labelY)} dy="0.35em">
                      {r.text}
                    </text>
                  </>
                )}
              </g>
            ))}
          </g>
        )}

        {/* Councils */}
        <g aria-hidden="true">
          {plainDots.map((d) => {
            const q = g.pos.get(d.item.code)!;
            return <circle key={d.item.code} className={styles.dot} cx={r1(q[0])} cy={r1(q[1])} r={g.dotR} data-code={d.item.code} data-rank={d.rank} />;
          })}
        </g>

        {/* Names of the selected, highest and lowest councils */}
        <g aria-hidden="true">
          {g.labels.map((l) => {
            // a leader from the marker to the nearest point of the name, when they are apart
            const tw = textWidth(l.text, fs, !l.extreme);
            const nx = Math.max(l.x, Math.min(l.x + tw, l.dotX));
            const ny = Math.max(l.y - fs * 0.8, Math.min(l.y + 2, l.dotY));
            const far = Math.hypot(nx - l.dotX, ny - l.dotY) > 11;
            return (
              <g key={l.code} data-label={l.code} data-extreme={l.extreme ? '' : undefined}>
                {far && <line className={base.leader} x1={r1(l.dotX)} y1={r1(l.dotY)} x2={r1(nx)} y2={r1(ny)} />}
                <text className={`${l.extreme ? styles.extremeLabel : styles.selLabel} ${base.halo}`} x={r1(l.x)} y={r1(l.y)} fill={l.colour}>
                  {l.text}
                </text>
              </g>
            );
          })}
        </g>

        {/* Selected councils, over their names' halos */}
        <g aria-hidden="true">
          {selDots.map((d) => {
            const q = g.pos.get(d.item.code);
            if (!q) return null;
            return (
              <path
                key={d.item.code}
                className={styles.selDot}
                d={markerPath(d.style!.marker, r1(q[0]), r1(q[1]), 5.5)}
                fill={d.style!.colour}
                data-code={d.item.code}
                data-rank={d.rank}
                data-selected=""
              />
            );
          })}
        </g>

        {/* Cursor */}
        {cur && curPos && (
          <g aria-hidden="true" className={base.cursorMarks} data-export-ignore="">
            {!funnel && <line className={base.guide} x1={r1(curPos[0])} x2={r1(curPos[0])} y1={g.plotTop - 6} y2={g.plotBottom} />}
            <circle className={base.cursorOn} cx={r1(curPos[0])} cy={r1(curPos[1])} r={8} />
          </g>
        )}
      </PlotArea>
    </svg>
  );
}

function RankTooltip({ p, m, g }: PlotProps) {
  if (!p.cursor || !(p.onCursorChange || p.onSelect)) return null;
  const d = m.dots.find((x) => x.item.code === p.cursor);
  const q = d ? g.pos.get(d.item.code) : undefined;
  if (!d || !q) return null;
  const info = describeDot(p, m, d);
  return (
    <Tooltip at={{ width: g.width, height: g.height, x: q[0], y: q[1], plotTop: g.plotTop, plotBottom: g.plotBottom }} placement="point">
      <strong className={base.ttName}>{d.item.name}</strong>
      <span>
        <strong className={base.ttValue}>{p.formatValue(d.value)}</strong> {p.unitLabel}
      </span>
      {info.lines.slice(1).map((l) => (
        <span key={l} className={base.ttMeta}>
          {l}
        </span>
      ))}
      {p.onSelect && <span className={base.ttHint}>{p.selected.includes(d.item.code) ? 'Selected: Enter, click or tap again to remove' : 'Enter, click or tap again to select'}</span>}
    </Tooltip>
  );
}

function keyItems(p: RankChartProps, m: Model): { items: LegendItem[]; note: string | undefined } {
  const sel = m.dots.filter((d) => d.style);
  const regs = m.mode === 'dots' ? [...(p.regions ?? [])].sort((a, b) => b.value - a.value) : [];
  const funnelKey = m.mode === 'funnel' && !m.message;
  const items: LegendItem[] = [
    ...sel.map((d) => markerItem(d.item.code, `${d.item.name} (${p.formatValue(d.value)}, ${rankPhrase(m, d)})`, d.style!)),
    ...(funnelKey
      ? [
          { key: 'england', label: 'England’s rate', line: { colour: '#000000', dash: '6 3', width: 1.5 } },
          { key: 'l95', label: '95% limits', line: { colour: '#4d5661', dash: '5 4', width: 1.3 } },
          { key: 'l998', label: '99.8% limits', line: { colour: '#1b1f24', width: 1.5 } },
        ]
      : []),
    ...(regs.length
      ? [{ key: 'regions', label: `Regions: ${regs.map((r) => `${r.name} ${p.formatValue(r.value)}`).join(' · ')}`, marker: { d: markerPath('diamond', 15, 7, 4), fill: '#fff', stroke: '#4d5661', strokeWidth: 1.5 }, muted: true, block: true }]
      : []),
  ];
  const note = funnelKey
    ? 'The lines show how far a council’s rate could stray from England’s by chance alone, given its number of children. A council outside the 99.8% lines is unlikely to differ only by chance; between the 95% and 99.8% lines, it may. Councils differ for many real reasons too (need, practice, recording), so many sit outside.'
    : undefined;
  return { items, note };
}

/**
 * Every drawn council as a list, highest first: on a phone the dots are ~2 px apart, so this is the
 * touch-sized way to read each council and (with `onSelect`) to add it to the comparison.
 */
function RankList({ p, m }: { p: RankChartProps; m: Model }) {
  if (!m.dots.length) return null;
  const max = Math.max(...m.dots.map((d) => d.value), p.england ?? 0) || 1;
  const rows = [...m.dots].reverse();
  return (
    <details className={styles.list} data-export-ignore="" data-rank-list="">
      <summary>
        All {m.dots.length} councils as a list, highest first{p.onSelect ? ' (choose one to add it to the comparison)' : ''}
      </summary>
      <ol className={styles.listRows}>
        {rows.map((d) => {
          const sel = p.selected.includes(d.item.code);
          const body = (
            <>
              <span className={styles.listRank}>{d.joint ? `=${d.rank}` : d.rank}</span>
              <span className={styles.listName}>
                {d.style && (
                  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" className={base.swatch}>
                    <path d={markerPath(d.style.marker, 7, 7, 4.5)} fill={d.style.colour} />
                  </svg>
                )}
                {d.item.name}
              </span>
              <span className={styles.listValue}>{p.formatValue(d.value)}</span>
              <span className={styles.listBar} aria-hidden="true">
                <span style={{ width: `${r1((d.value / max) * 100)}%` }} />
              </span>
            </>
          );
          return (
            <li key={d.item.code} data-code={d.item.code}>
              {p.onSelect ? (
                <button type="button" className={styles.listButton} aria-pressed={sel} onClick={() => p.onSelect?.(d.item.code)}>
                  {body}
                </button>
              ) : (
                <span className={styles.listButton}>{body}</span>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

/* ---- Component ------------------------------------------------------------------------------------- */

export function RankChart(props: RankChartProps) {
  const m = buildModel(props);
  const interactive = props.onCursorChange !== undefined || props.onSelect !== undefined;
  const cur = props.cursor ? m.dots.find((d) => d.item.code === props.cursor) : undefined;
  const missing = props.showMissing === false ? [] : m.missing;
  const key = keyItems(props, m);
  const children = (
    <>
      {interactive && <LiveRegion text={cur ? describeDot(props, m, cur).live : ''} />}
      {!m.message && (key.items.length > 0 || key.note) && <Legend items={key.items} note={key.note} />}
      {missing.length > 0 && (
        <p className={styles.missing} data-missing="" data-export-note="">
          Not shown: {missing.map((x) => `${x.name} (${x.reason})`).join(', ')}.
        </p>
      )}
      {interactive && !m.message && <RankList p={props} m={m} />}
    </>
  );
  if (m.message) {
    return (
      <div className={`${base.root}`}>
        <p className={styles.message} role="note">
          {m.message}
        </p>
        {children}
      </div>
    );
  }
  return (
    <ResponsiveChart
      width={props.width}
      layout={(w) => {
        const g = layout(props, m, w);
        return (
          <>
            <Plot p={props} m={m} g={g} />
            <RankTooltip p={props} m={m} g={g} />
          </>
        );
      }}
    >
      {children}
    </ResponsiveChart>
  );
}

/** Ranks as the chart computes them (1 = highest; ties share the better rank), for tables and tests. */
export function rankItems(items: readonly RankItem[]): { code: string; name: string; value: number; rank: number; of: number }[] {
  const m = buildModel({ items, selected: [], mode: 'dots', unitLabel: '', formatValue: String });
  return [...m.dots].sort((a, b) => a.rank - b.rank || a.item.name.localeCompare(b.item.name)).map((d) => ({ code: d.item.code, name: d.item.name, value: d.value, rank: d.rank, of: m.dots.length }));
}
