import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { formatNumber, formatOrdinal } from '@/lib/format';
import type { ExportLegend } from '@/lib/share/export';
import { STATUS_LABEL, type Cell } from '@/lib/status';
import { classify, funnelCurve, FUNNEL_CLASS_LABEL, type FunnelClass } from '@/lib/stats/funnel';
import { areaStyle, CHART_FONT, fitText, markerPath, RESPONSIVE_WIDTHS, spreadLabels, textWidth, type SeriesStyle } from './palette';
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
 * - Interactive when `onCursorChange` / `onSelect` are given: one tab stop; ←/→ (and ↑/↓) move through
 *   councils in rank order, PageUp/PageDown by ten, Home/End to the lowest/highest; Enter or Space selects;
 *   Escape clears. Hover moves the cursor to the nearest council, a click selects it. An aria-live region
 *   reads the cursor.
 * - Responsive like TrendChart: without `width`, three layouts and CSS container queries.
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

const isAreaCode = (c: string) => !/^E(12|92)/.test(c);

function buildModel(p: RankChartProps): Model {
  const mode = p.mode;
  const missing = missingItems(p.items, mode);
  const gone = new Set(missing.map((m) => m.code));
  const valued = p.items
    .filter((it) => !gone.has(it.code) && it.cell?.kind === 'value' && Number.isFinite(it.cell.value))
    .map((it) => ({ it, v: (it.cell as { value: number }).value }))
    .sort((a, b) => a.v - b.v || a.it.name.localeCompare(b.it.name));
  const areaSel = p.selected.filter(isAreaCode);
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
    const si = areaSel.indexOf(d.it.code);
    return {
      item: d.it,
      value: d.v,
      index: i,
      rank: firstRank.get(d.v)!,
      joint: (counts.get(d.v) ?? 0) > 1,
      style: si >= 0 ? areaStyle(si) : undefined,
      cls: mode === 'funnel' && !message && d.it.population ? classify(d.v, d.it.population, p.england!) : undefined,
    };
  });
  let yMax = Math.max(0, ...ranked.map((d) => d.value), p.england ?? 0);
  if (mode === 'dots') for (const r of p.regions ?? []) yMax = Math.max(yMax, r.value);
  const regionName = new Map((p.regions ?? []).map((r) => [r.code, r.name]));
  return { mode, dots: ranked, missing, yMax, message, regionName };
}

function describeDot(p: RankChartProps, m: Model, d: Dot): { lines: string[]; live: string } {
  const n = m.dots.length;
  const rank = `${d.joint ? 'joint ' : ''}${d.rank === 1 ? '' : `${formatOrdinal(d.rank)} `}highest of ${n}`;
  const region = d.item.regionName ?? (d.item.regionCode ? m.regionName.get(d.item.regionCode) : undefined);
  const value = `${p.formatValue(d.value)} ${p.unitLabel}`;
  const lines = [value, rank];
  if (region) lines.push(region);
  if (m.mode === 'funnel' && d.item.population) lines.push(`${formatNumber(d.item.population)} children aged 0 to 17`);
  if (d.cls) lines.push(FUNNEL_CLASS_LABEL[d.cls]);
  const sel = p.selected.includes(d.item.code);
  return { lines, live: `${d.item.name}: ${lines.join('; ')}.${sel ? ' Selected.' : ''}` };
}

/* ---- Layout -------------------------------------------------------------------------------------- */

const r1 = (n: number) => Math.round(n * 10) / 10;

interface Label {
  readonly code: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly dotX: number;
  readonly dotY: number;
  readonly colour: string;
}

interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly y: (v: number) => number;
  readonly yTicks: readonly number[];
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
  const tickCount = Math.max(3, Math.round(plotHeight / 55));
  const ys = scaleLinear().domain([0, m.yMax > 0 ? m.yMax : 1]).nice(tickCount).range([plotBottom, plotTop]);
  const yTicks = ys.ticks(tickCount);
  const y = (v: number) => ys(v);
  const yLabelW = Math.max(0, ...yTicks.map((t) => textWidth(p.formatValue(t), fs)));
  const plotLeft = Math.ceil(yLabelW + 8);

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
  const n = m.dots.length;
  let dotR = 3;
  let xTicks: Geometry['xTicks'] = [];
  let limits: Geometry['limits'] = [];
  let limitLabels: Geometry['limitLabels'] = [];
  if (!funnel) {
    const stepX = n > 0 ? (plotRight - plotLeft) / n : 0;
    dotR = Math.min(3.6, Math.max(1.8, stepX * 0.55));
    for (const d of m.dots) pos.set(d.item.code, [plotLeft + (d.index + 0.5) * stepX, y(d.value)]);
  } else if (!m.message) {
    const pops = m.dots.map((d) => d.item.population!).filter((v) => v > 0);
    const lo = Math.min(...pops) / 1.25;
    const hi = Math.max(...pops) * 1.25;
    const xs = scaleLog().domain([lo, hi]).range([plotLeft + 4, plotRight - 4]);
    dotR = narrow ? 2.8 : 3.3;
    for (const d of m.dots) pos.set(d.item.code, [xs(d.item.population!), y(d.value)]);
    const cands = [500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000].filter((t) => t >= lo && t <= hi);
    const minGap = textWidth('200k', fs) + 14;
    const chosen: number[] = [];
    for (const t of cands) if (!chosen.length || xs(t) - xs(chosen[chosen.length - 1]!) >= minGap) chosen.push(t);
    xTicks = chosen.map((t) => ({ x: xs(t), text: kFormat(t) }));
    // Limits, clipped at the top of the plot (a crossing point is interpolated) and at zero.
    const curve = funnelCurve(p.england!, lo, hi, 160);
    const yTop = ys.domain()[1]!;
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

  // Selected councils' names: each tries a list of positions near its dot and takes the first that stays
  // in the plot and clears the England label, other names and the selected markers (greedy).
  type Box = { x0: number; x1: number; y0: number; y1: number };
  const overlaps = (p1: Box, p2: Box) => p1.x0 < p2.x1 && p2.x0 < p1.x1 && p1.y0 < p2.y1 && p2.y0 < p1.y1;
  const boxAt = (x: number, yb: number, tw: number): Box => ({ x0: x - 2, x1: x + tw + 2, y0: yb - fs * 0.85, y1: yb + fs * 0.25 });
  const obstacles: Box[] = [];
  if (p.england !== undefined) {
    const ey = y(p.england) - 5;
    obstacles.push(boxAt(plotLeft + 4, ey, textWidth(`England ${p.formatValue(p.england)}`, fs, true)));
  }
  const sel = m.dots.filter((d) => d.style && pos.has(d.item.code));
  for (const d of sel) {
    const [dx, dy] = pos.get(d.item.code)!;
    obstacles.push({ x0: dx - 9, x1: dx + 9, y0: dy - 9, y1: dy + 9 });
  }
  const labels: Label[] = [];
  const step = fs + 4;
  for (const d of [...sel].sort((a1, b1) => (funnel ? pos.get(a1.item.code)![1] - pos.get(b1.item.code)![1] : a1.index - b1.index))) {
    const [dx, dy] = pos.get(d.item.code)!;
    const text = fitText(d.item.name, Math.min(width * (funnel ? 0.5 : 0.6), 220), fs, true);
    const tw = textWidth(text, fs, true);
    const clampX = (x: number) => Math.max(2, Math.min(plotRight - tw - 2, x));
    const cands: { x: number; y: number }[] = [];
    if (!funnel) {
      // Caterpillar: the top-left and bottom-right are empty. Left part: above, text ending at the dot;
      // right part: below, text starting at it.
      const gap = 22;
      const aboveFirst = d.index < n * 0.55;
      const above = (k: number) => ({ x: clampX(dx + 6 - tw), y: dy - gap - k * step });
      const below = (k: number) => ({ x: clampX(dx - 6), y: dy + gap + fs * 0.7 + k * step });
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
    const ok = cands.find((c) => inside(c) && !obstacles.some((o) => overlaps(o, boxAt(c.x, c.y, tw)))) ?? cands.find(inside) ?? cands[0]!;
    obstacles.push(boxAt(ok.x, ok.y, tw));
    labels.push({ code: d.item.code, text, x: ok.x, y: ok.y, anchor: 'start', dotX: dx, dotY: dy, colour: d.style!.text });
  }

  // Region markers (dots mode): labels spread in the strip (wide) or none (narrow, listed in the key).
  const regY = regs.map((r) => y(r.value));
  const regLab = spreadLabels(regY, fs + 2, plotTop - 4, plotBottom);
  const regions = regs.map((r, i) => ({ r, y: regY[i]!, labelY: regLab[i]!, text: narrow ? undefined : fitText(r.name, regionLabelW, fs) }));

  const axisY = plotBottom + 6 + fs;
  const height = Math.max(p.height ?? 0, Math.ceil(axisY + (funnel ? fs + 10 : 0) + 8));
  return { width, height, plotLeft, plotRight, plotTop, plotBottom, y, yTicks, pos, dotR, labels, regions, regionX, xTicks, limits, limitLabels, axisY, narrow };
}

/* ---- Drawing ----------------------------------------------------------------------------------------- */

interface PlotProps {
  readonly p: RankChartProps;
  readonly m: Model;
  readonly g: Geometry;
}

function nearest(m: Model, g: Geometry, vx: number, vy: number): { d: Dot; dist: number } | undefined {
  if (m.mode === 'dots') {
    const n = m.dots.length;
    if (!n) return undefined;
    const i = Math.min(n - 1, Math.max(0, Math.floor(((vx - g.plotLeft) / (g.plotRight - g.plotLeft)) * n)));
    const d = m.dots[i]!;
    const [, dy] = g.pos.get(d.item.code)!;
    return { d, dist: Math.abs(dy - vy) };
  }
  let best: { d: Dot; dist: number } | undefined;
  for (const d of m.dots) {
    const q = g.pos.get(d.item.code);
    if (!q) continue;
    const dist = Math.hypot(q[0] - vx, q[1] - vy);
    if (!best || dist < best.dist) best = { d, dist };
  }
  return best;
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

  const move = (i: number) => {
    const d = m.dots[Math.max(0, Math.min(m.dots.length - 1, i))];
    if (d && d.item.code !== p.cursor) p.onCursorChange?.(d.item.code);
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const n = m.dots.length;
    if (!n) return;
    const i = cur ? cur.index : -1;
    const start = (fallback: number) => (i < 0 ? fallback : undefined);
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        move(start(n - 1) ?? i + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        move(start(n - 1) ?? i - 1);
        break;
      case 'PageUp':
        move(start(n - 1) ?? i + 10);
        break;
      case 'PageDown':
        move(start(n - 1) ?? i - 10);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(n - 1);
        break;
      case 'Enter':
      case ' ':
        if (cur) p.onSelect?.(cur.item.code);
        break;
      case 'Escape':
        if (p.cursor) p.onCursorChange?.(null);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  const toView = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (!r.width || !r.height) return undefined;
    return [((e.clientX - r.left) * g.width) / r.width, ((e.clientY - r.top) * g.height) / r.height] as const;
  };
  const inPlot = (vx: number, vy: number) => vx >= g.plotLeft - 6 && vx <= g.plotRight + 6 && vy >= g.plotTop - 10 && vy <= g.plotBottom + 6;
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const v = toView(e);
    if (!v || !inPlot(v[0], v[1])) return;
    const hit = nearest(m, g, v[0], v[1]);
    if (hit && (funnel ? hit.dist <= 40 : true) && hit.d.item.code !== p.cursor) p.onCursorChange?.(hit.d.item.code);
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    // Touch: the first tap on a council shows it, a second tap selects it (a mouse click selects at once).
    const v = toView(e);
    const hit = v && inPlot(v[0], v[1]) ? nearest(m, g, v[0], v[1]) : undefined;
    e.currentTarget.dataset.tapArmed = e.pointerType === 'mouse' || (hit && hit.d.item.code === p.cursor) ? '1' : '0';
    onPointerMove(e);
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const armed = e.currentTarget.dataset.tapArmed !== '0';
    delete e.currentTarget.dataset.tapArmed;
    if (!armed && p.onCursorChange) return;
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
      className={styles.svg}
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
      <text className={styles.unit} x={0} y={fs}>
        {fitText(p.unitLabel, g.width - 4, fs)}
      </text>
      <g
        className={styles.plot}
        tabIndex={interactive ? 0 : undefined}
        role={interactive ? 'application' : undefined}
        aria-label={
          interactive
            ? `${m.dots.length} councils in rank order. Use the arrow keys to move from council to council (right or up for higher), Page Up and Page Down by ten, Home and End for the lowest and highest${p.onSelect ? ', Enter to select or unselect' : ''}, Escape to clear.`
            : undefined
        }
        onKeyDown={interactive ? onKeyDown : undefined}
        onBlur={p.onCursorChange ? () => p.cursor && p.onCursorChange?.(null) : undefined}
      >
        <rect className={styles.hit} x={g.plotLeft - 6} y={g.plotTop - 10} width={g.plotRight - g.plotLeft + 12} height={g.plotBottom - g.plotTop + 16} />
        <rect data-export-ignore="" className={styles.focusRing} x={g.plotLeft - 6} y={g.plotTop - 10} width={g.plotRight - g.plotLeft + 12} height={g.plotBottom - g.plotTop + 16} rx={4} />

        <g aria-hidden="true">
          {g.yTicks.map((t) => (
            <g key={t} data-y-tick={t}>
              <line className={t === 0 ? styles.baseline : styles.grid} x1={g.plotLeft} x2={g.plotRight} y1={r1(g.y(t))} y2={r1(g.y(t))} />
              <text className={styles.tick} x={g.plotLeft - 6} y={r1(g.y(t))} dy="0.35em" textAnchor="end">
                {p.formatValue(t)}
              </text>
            </g>
          ))}
          {funnel ? (
            <>
              {g.xTicks.map((t) => (
                <g key={t.text}>
                  <line className={styles.xtick} x1={r1(t.x)} x2={r1(t.x)} y1={g.plotBottom} y2={g.plotBottom + 5} />
                  <text className={styles.tick} x={r1(t.x)} y={g.axisY} textAnchor="middle">
                    {t.text}
                  </text>
                </g>
              ))}
              <text className={styles.axisTitle} x={(g.plotLeft + g.plotRight) / 2} y={g.axisY + fs + 6} textAnchor="middle">
                Children aged 0 to 17 (log scale)
              </text>
            </>
          ) : (
            <>
              <text className={styles.axisTitle} x={g.plotLeft} y={g.axisY}>
                ← lowest
              </text>
              <text className={styles.axisTitle} x={(g.plotLeft + g.plotRight) / 2} y={g.axisY} textAnchor="middle">
                {g.narrow ? `${m.dots.length} councils` : `${m.dots.length} councils, ranked`}
              </text>
              <text className={styles.axisTitle} x={g.plotRight} y={g.axisY} textAnchor="end">
                highest →
              </text>
            </>
          )}
        </g>

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
            <text className={styles.englandLabel} x={g.plotLeft + 4} y={r1(engY - 5)}>
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
                    {Math.abs(r.labelY - r.y) > 2 && <line className={styles.leader} x1={g.regionX + 5} y1={r1(r.y)} x2={g.regionX + 11} y2={r1(r.labelY)} />}
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

        {/* Selected names */}
        <g aria-hidden="true">
          {g.labels.map((l) => {
            // a leader from the marker to the nearest point of the name, when they are apart
            const tw = textWidth(l.text, fs, true);
            const nx = Math.max(l.x, Math.min(l.x + tw, l.dotX));
            const ny = Math.max(l.y - fs * 0.8, Math.min(l.y + 2, l.dotY));
            const far = Math.hypot(nx - l.dotX, ny - l.dotY) > 11;
            return (
              <g key={l.code}>
                {far && <line className={styles.leader} x1={r1(l.dotX)} y1={r1(l.dotY)} x2={r1(nx)} y2={r1(ny)} />}
                <text className={styles.selLabel} x={r1(l.x)} y={r1(l.y)} fill={l.colour}>
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
          <g aria-hidden="true" className={styles.cursorMarks} data-export-ignore="">
            {!funnel && <line className={styles.guide} x1={r1(curPos[0])} x2={r1(curPos[0])} y1={g.plotTop - 6} y2={g.plotBottom} />}
            <circle className={styles.cursorOn} cx={r1(curPos[0])} cy={r1(curPos[1])} r={8} />
          </g>
        )}
      </g>
    </svg>
  );
}

function Tooltip({ p, m, g }: PlotProps) {
  if (!p.cursor || !(p.onCursorChange || p.onSelect)) return null;
  const d = m.dots.find((x) => x.item.code === p.cursor);
  const q = d ? g.pos.get(d.item.code) : undefined;
  if (!d || !q) return null;
  const info = describeDot(p, m, d);
  const fx = Math.min(100, Math.max(0, (q[0] / g.width) * 100));
  const below = q[1] < (g.plotTop + g.plotBottom) / 2;
  return (
    <div
      className={`${styles.tooltip} ${below ? styles.tooltipBelow : styles.tooltipAbove}`}
      style={{ left: `${r1(fx)}%`, top: `${r1((q[1] / g.height) * 100)}%`, ['--tx' as string]: `${r1(-fx)}%` }}
      aria-hidden="true"
    >
      <strong className={styles.ttName}>{d.item.name}</strong>
      <span>
        <strong className={styles.ttValue}>{p.formatValue(d.value)}</strong> {p.unitLabel}
      </span>
      {info.lines.slice(1).map((l) => (
        <span key={l} className={styles.ttMeta}>
          {l}
        </span>
      ))}
      {p.onSelect && <span className={styles.ttHint}>{p.selected.includes(d.item.code) ? 'Selected: Enter, click or tap again to remove' : 'Enter, click or tap again to select'}</span>}
    </div>
  );
}

function Key({ p, m }: { p: RankChartProps; m: Model }) {
  const sel = m.dots.filter((d) => d.style);
  const regs = m.mode === 'dots' ? [...(p.regions ?? [])].sort((a, b) => b.value - a.value) : [];
  const funnelKey = m.mode === 'funnel' && !m.message;
  // The same key for image downloads (lib/share/export.ts draws it as SVG).
  const exportKey: ExportLegend = {
    items: [
      ...sel.map((d) => ({
        label: `${d.item.name} (${p.formatValue(d.value)}, ${d.joint ? 'joint ' : ''}${d.rank === 1 ? '' : `${formatOrdinal(d.rank)} `}highest of ${m.dots.length})`,
        marker: { d: markerPath(d.style!.marker, 15, 7, 5), fill: d.style!.colour },
      })),
      ...(funnelKey
        ? [
            { label: 'England’s rate', line: { colour: '#000000', dash: '6 3', width: 1.5 } },
            { label: '95% limits', line: { colour: '#4d5661', dash: '5 4', width: 1.3 } },
            { label: '99.8% limits', line: { colour: '#1b1f24', width: 1.5 } },
          ]
        : []),
      ...(regs.length ? [{ label: `Regions: ${regs.map((r) => `${r.name} ${p.formatValue(r.value)}`).join(' · ')}`, marker: { d: markerPath('diamond', 15, 7, 4), fill: '#fff', stroke: '#4d5661', strokeWidth: 1.5 }, muted: true }] : []),
    ],
    note: funnelKey ? 'A council outside the 99.8% lines is unlikely to differ from England only by chance; between the 95% and 99.8% lines, it may.' : undefined,
  };
  return (
    <div className={styles.key} data-export-legend={exportKey.items.length ? JSON.stringify(exportKey) : undefined}>
      {(sel.length > 0 || m.mode === 'funnel') && (
        <ul className={styles.legend} aria-label="Key">
          {sel.map((d) => (
            <li key={d.item.code}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className={styles.swatch}>
                <path d={markerPath(d.style!.marker, 8, 8, 5)} fill={d.style!.colour} />
              </svg>
              <span>
                {d.item.name} ({p.formatValue(d.value)}, {d.joint ? 'joint ' : ''}
                {d.rank === 1 ? '' : `${formatOrdinal(d.rank)} `}highest of {m.dots.length})
              </span>
            </li>
          ))}
          {m.mode === 'funnel' && !m.message && (
            <>
              <li>
                <svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" className={styles.swatch}>
                  <line x1="1" x2="29" y1="6" y2="6" className={styles.england} />
                </svg>
                <span>England’s rate</span>
              </li>
              <li>
                <svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" className={styles.swatch}>
                  <line x1="1" x2="29" y1="6" y2="6" className={styles.limit95} />
                </svg>
                <span>95% limits</span>
              </li>
              <li>
                <svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" className={styles.swatch}>
                  <line x1="1" x2="29" y1="6" y2="6" className={styles.limit998} />
                </svg>
                <span>99.8% limits</span>
              </li>
            </>
          )}
        </ul>
      )}
      {m.mode === 'funnel' && !m.message && (
        <p className={styles.note}>
          The lines show how far a council’s rate could stray from England’s by chance alone, given its number of children. A council outside the 99.8% lines is unlikely to differ only by chance; between the 95% and
          99.8% lines, it may. Councils differ for many real reasons too (need, practice, recording), so many sit outside.
        </p>
      )}
      {regs.length > 0 && (
        <p className={styles.note} data-regions-key="">
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className={styles.swatch}>
            <path d={markerPath('diamond', 6, 6, 4)} className={styles.regionMark} />
          </svg>{' '}
          Regions: {regs.map((r) => `${r.name} ${p.formatValue(r.value)}`).join(' · ')}
        </p>
      )}
    </div>
  );
}

/* ---- Component ------------------------------------------------------------------------------------- */

export function RankChart(props: RankChartProps) {
  const m = buildModel(props);
  const responsive = props.width === undefined;
  const widths: readonly number[] = responsive ? RESPONSIVE_WIDTHS : [Math.max(280, Math.round(props.width!))];
  const interactive = props.onCursorChange !== undefined || props.onSelect !== undefined;
  const cur = props.cursor ? m.dots.find((d) => d.item.code === props.cursor) : undefined;
  const missing = props.showMissing === false ? [] : m.missing;
  return (
    <div className={`${styles.root} ${responsive ? styles.responsive : ''}`}>
      {m.message ? (
        <p className={styles.message} role="note">
          {m.message}
        </p>
      ) : (
        widths.map((w, i) => {
          const g = layout(props, m, w);
          return (
            <div key={w} className={`${styles.layout} ${responsive ? styles[`r${i}`] : ''}`} data-layout={w}>
              <Plot p={props} m={m} g={g} />
              <Tooltip p={props} m={m} g={g} />
            </div>
          );
        })
      )}
      {interactive && (
        <div className={styles.srOnly} aria-live="polite" aria-atomic="true">
          {cur ? describeDot(props, m, cur).live : ''}
        </div>
      )}
      {!m.message && <Key p={props} m={m} />}
      {missing.length > 0 && (
        <p className={styles.missing} data-missing="" data-export-note="">
          Not shown: {missing.map((x) => `${x.name} (${x.reason})`).join(', ')}.
        </p>
      )}
    </div>
  );
}

/** Ranks as the chart computes them (1 = highest; ties share the better rank), for tables and tests. */
export function rankItems(items: readonly RankItem[]): { code: string; name: string; value: number; rank: number; of: number }[] {
  const m = buildModel({ items, selected: [], mode: 'dots', unitLabel: '', formatValue: String });
  return [...m.dots].sort((a, b) => a.rank - b.rank || a.item.name.localeCompare(b.item.name)).map((d) => ({ code: d.item.code, name: d.item.name, value: d.value, rank: d.rank, of: m.dots.length }));
}
