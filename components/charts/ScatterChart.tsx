import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { areaStyle, ENGLAND_STYLE, markerPath, OKABE_ITO, selectionSlots, type SeriesStyle } from './palette';
import {
  base,
  CHART_FONT,
  fitText,
  keyMove,
  LabelPlacer,
  Legend,
  LiveRegion,
  linearScale,
  markerItem,
  nearestPoint,
  PlotArea,
  pointBox,
  pointerToView,
  readingOrder,
  ResponsiveChart,
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
import styles from './ScatterChart.module.css';

/**
 * Councils as dots: a value across (deprivation) against a rate up, with a reference line (England),
 * a fitted line, one group picked out (a region) and selected councils coloured, shaped and named.
 * Pure: props in, SVG out; the parent holds the cursor and the selection.
 *
 * - Only points with both values are passed; the ones without are listed under the chart with their
 *   reason (`missing`), never drawn at zero.
 * - The rate axis starts at zero; the x axis covers the values (it need not include zero).
 * - Interactive when callbacks are given: one tab stop; ←/→ walk the dots in reading order (left to
 *   right), PageUp/PageDown by ten, Home/End the first/last, Enter or Space selects, Escape clears.
 *   Hover moves the cursor to the nearest dot; a click selects it; on touch a first tap shows a dot
 *   and a second tap on it selects it. An aria-live region reads the dot.
 * - Colour is never the only cue: the picked-out group is filled and outlined, other dots hollow
 *   grey; selected councils get the palette's marker shapes (as on every chart) and their names.
 */

export interface ScatterPointInput {
  readonly code: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  /** Group name (a region), read out and used to pick out a group. */
  readonly group?: string;
}

export interface ScatterChartProps {
  readonly points: readonly ScatterPointInput[];
  /** Title of the x axis. */
  readonly xLabel: string;
  readonly formatX: (n: number) => string;
  /** "per 10,000 children aged 0 to 17" (over the y axis). */
  readonly unitLabel: string;
  readonly formatY: (n: number) => string;
  /** England's rate: a horizontal reference line. */
  readonly england?: number;
  /** A fitted line y = intercept + slope·x, drawn across the points' x range. */
  readonly line?: { readonly slope: number; readonly intercept: number };
  /** What the line is, for the key ("Theil–Sen line"). */
  readonly lineLabel?: string;
  readonly selected: readonly string[];
  /** Group whose points are picked out. */
  readonly highlightGroup?: string;
  readonly missing?: readonly { readonly code: string; readonly name: string; readonly reason: string }[];
  readonly cursor?: string | null;
  readonly onCursorChange?: (code: string | null) => void;
  readonly onSelect?: (code: string) => void;
  readonly titleId?: string;
  readonly descId?: string;
  readonly ariaLabel?: string;
  /** Measured width: one layout at this width. Omit for the CSS-responsive set. */
  readonly width?: number;
}

/* ---- Model ------------------------------------------------------------------------------------- */

interface Dot {
  readonly p: ScatterPointInput;
  readonly style: SeriesStyle | undefined;
  readonly picked: boolean;
}

interface Model {
  readonly dots: readonly Dot[];
  readonly xMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

const HIGHLIGHT: Pick<SeriesStyle, 'colour' | 'marker'> = { colour: OKABE_ITO.blue, marker: 'circle' };

function buildModel(p: ScatterChartProps): Model {
  const slots = selectionSlots(p.selected);
  const dots = p.points
    .filter((q) => Number.isFinite(q.x) && Number.isFinite(q.y))
    .map((q) => {
      const slot = slots.get(q.code);
      return { p: q, style: slot !== undefined ? areaStyle(slot) : undefined, picked: p.highlightGroup !== undefined && q.group === p.highlightGroup };
    });
  const xs = dots.map((d) => d.p.x);
  const xMin = xs.length ? Math.min(...xs) : 0;
  const xMax = xs.length ? Math.max(...xs) : 1;
  const yMax = Math.max(0, ...dots.map((d) => d.p.y), p.england ?? 0);
  return { dots, xMin, xMax, yMax };
}

function describe(p: ScatterChartProps, d: Dot): { lines: string[]; live: string } {
  const lines = [`${p.formatY(d.p.y)} ${p.unitLabel}`, `${p.xLabel}: ${p.formatX(d.p.x)}`];
  if (d.p.group) lines.push(d.p.group);
  const sel = p.selected.includes(d.p.code);
  return { lines, live: `${d.p.name}: ${lines.join('; ')}.${sel ? ' Selected.' : ''}` };
}

/* ---- Layout ------------------------------------------------------------------------------------ */

const r1 = (n: number) => Math.round(n * 10) / 10;
const TAP_SLOP = 14;

interface Label {
  readonly code: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly colour: string;
  readonly extreme: boolean;
  readonly dotX: number;
  readonly dotY: number;
}

interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly x: LinearScale;
  readonly y: LinearScale;
  readonly pos: ReadonlyMap<string, readonly [number, number]>;
  readonly order: readonly number[];
  readonly dotR: number;
  readonly labels: readonly Label[];
  readonly fit: { x1: number; y1: number; x2: number; y2: number } | undefined;
  readonly axisY: number;
}

function layout(p: ScatterChartProps, m: Model, width: number): Geometry {
  const fs = CHART_FONT;
  const narrow = width < 520;
  const plotTop = fs + 16;
  const plotHeight = Math.round(Math.min(440, Math.max(250, 150 + width * 0.33)));
  const plotBottom = plotTop + plotHeight;
  const y = zeroBasedScale(m.yMax, plotBottom, plotTop);
  const plotLeft = Math.ceil(yLabelWidth(y, p.formatY, fs) + 8);
  const plotRight = width - 10;
  const pad = (m.xMax - m.xMin) * 0.03 || 1;
  const x = linearScale({ domain: [m.xMin - pad, m.xMax + pad], range: [plotLeft, plotRight], ticks: Math.max(3, Math.round((plotRight - plotLeft) / 80)) });
  const dotR = narrow ? 3 : 3.6;
  const pos = new Map<string, readonly [number, number]>();
  for (const d of m.dots) pos.set(d.p.code, [x(d.p.x), y(d.p.y)]);
  const order = readingOrder(m.dots.map((d) => pos.get(d.p.code)!));

  // The fitted line across the points' x range, clipped to the plot's values (0 to the top).
  let fit: Geometry['fit'];
  if (p.line && m.dots.length > 1) {
    const [y0, yTop] = y.domain;
    let xa = m.xMin;
    let xb = m.xMax;
    const at = (v: number) => p.line!.intercept + p.line!.slope * v;
    if (p.line.slope !== 0) {
      const clip = (target: number) => (target - p.line!.intercept) / p.line!.slope;
      for (const target of [y0, yTop]) {
        const xc = clip(target);
        if (p.line.slope > 0) {
          if (target === y0) xa = Math.max(xa, xc);
          else xb = Math.min(xb, xc);
        } else if (target === y0) xb = Math.min(xb, xc);
        else xa = Math.max(xa, xc);
      }
    }
    if (xb > xa) fit = { x1: x(xa), y1: y(at(xa)), x2: x(xb), y2: y(at(xb)) };
  }

  // Names: selected councils, then the highest and lowest rates (in grey).
  const placer = new LabelPlacer();
  if (p.england !== undefined) placer.avoid(textBox(plotRight - textWidth(`England ${p.formatY(p.england)}`, fs, true) - 4, y(p.england) - 5, textWidth(`England ${p.formatY(p.england)}`, fs, true), fs));
  const sel = m.dots.filter((d) => d.style);
  const byY = [...m.dots].sort((a, b) => b.p.y - a.p.y);
  const extremes = [byY[0], byY[byY.length - 1]].filter((d): d is Dot => d !== undefined && !d.style && (d !== byY[byY.length - 1] || byY.length > 1));
  for (const d of [...sel, ...extremes]) {
    const [dx, dy] = pos.get(d.p.code)!;
    placer.avoid(pointBox(dx, dy, d.style ? 8 : dotR + 2));
  }
  const labels: Label[] = [];
  const step = fs + 4;
  const place = (d: Dot, text: string, bold: boolean, colour: string, extreme: boolean) => {
    const [dx, dy] = pos.get(d.p.code)!;
    const tw = textWidth(text, fs, bold);
    const right = dx + 10 + tw <= plotRight;
    const sideX = (r: boolean) => (r ? dx + 10 : dx - 10 - tw);
    const cands: { x: number; y: number }[] = [];
    for (let k = 0; k < 7; k++) for (const off of k === 0 ? [0] : [-k * step, k * step]) cands.push({ x: sideX(right), y: dy + fs * 0.35 + off }, { x: sideX(!right), y: dy + fs * 0.35 + off });
    const inside = (c: { x: number; y: number }) => c.x >= 0 && c.x + tw <= width && c.y - fs >= plotTop - 12 && c.y <= plotBottom - 2;
    const ok = placer.place(cands, (c) => textBox(c.x, c.y, tw, fs), inside);
    labels.push({ code: d.p.code, text, x: ok.x, y: ok.y, colour, extreme, dotX: dx, dotY: dy });
  };
  for (const d of [...sel].sort((a, b) => pos.get(a.p.code)![1] - pos.get(b.p.code)![1])) place(d, fitText(d.p.name, Math.min(width * 0.45, 200), fs, true), true, d.style!.text, false);
  for (const d of extremes) place(d, fitText(d.p.name, Math.min(width * 0.4, 180), fs), false, '#4d5661', true);

  const axisY = plotBottom + 6 + fs;
  const height = Math.ceil(axisY + fs + 14);
  return { width, height, plotLeft, plotRight, plotTop, plotBottom, x, y, pos, order, dotR, labels, fit, axisY };
}

/* ---- Drawing ----------------------------------------------------------------------------------- */

function Plot({ p, m, g }: { p: ScatterChartProps; m: Model; g: Geometry }) {
  const fs = CHART_FONT;
  const interactive = p.onCursorChange !== undefined || p.onSelect !== undefined;
  const idx = p.cursor ? m.dots.findIndex((d) => d.p.code === p.cursor) : -1;
  const cur = idx >= 0 ? m.dots[idx] : undefined;
  const curPos = cur ? g.pos.get(cur.p.code) : undefined;
  const pts = m.dots.map((d) => g.pos.get(d.p.code));
  const hitAt = (vx: number, vy: number, max: number) => {
    const h = nearestPoint(pts, vx, vy, max);
    return h ? m.dots[h.index] : undefined;
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const move = keyMove(e.key);
    if (move === undefined) return;
    e.preventDefault();
    if (move === 'activate') {
      if (cur) p.onSelect?.(cur.p.code);
      return;
    }
    const at = cur ? g.order.indexOf(idx) : undefined;
    const next = stepIndex(move, at, g.order.length, { start: 0 });
    if (next === null) p.cursor && p.onCursorChange?.(null);
    else if (next !== undefined) {
      const d = m.dots[g.order[next]!]!;
      if (d.p.code !== p.cursor) p.onCursorChange?.(d.p.code);
    }
  };
  const toView = (e: MouseEvent<SVGSVGElement>) => pointerToView(e, g.width, g.height);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const v = toView(e);
    if (!v) return;
    const d = hitAt(v[0], v[1], 30);
    if (d && d.p.code !== p.cursor) p.onCursorChange?.(d.p.code);
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    const v = toView(e);
    if (e.pointerType !== 'mouse' && v && curPos && Math.hypot(curPos[0] - v[0], curPos[1] - v[1]) <= TAP_SLOP) {
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
    const d = v ? hitAt(v[0], v[1], TAP_SLOP) : undefined;
    if (d) p.onSelect?.(d.p.code);
  };
  const engY = p.england !== undefined ? g.y(p.england) : undefined;
  const plain = m.dots.filter((d) => !d.style && !d.picked);
  const picked = m.dots.filter((d) => !d.style && d.picked);
  const sel = m.dots.filter((d) => d.style);
  const label = p.ariaLabel ?? (p.titleId ? undefined : `Scatter plot of ${m.dots.length} councils: ${p.unitLabel} against ${p.xLabel}`);
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
      data-points={m.dots.length}
      onPointerMove={p.onCursorChange ? onPointerMove : undefined}
      onPointerDown={p.onCursorChange ? onPointerDown : undefined}
      onPointerLeave={p.onCursorChange ? (e) => e.pointerType === 'mouse' && p.cursor && p.onCursorChange?.(null) : undefined}
      onClick={p.onSelect ? onClick : undefined}
    >
      <UnitLabel text={p.unitLabel} width={g.width} />
      <PlotArea
        box={{ x: g.plotLeft - 6, y: g.plotTop - 10, width: g.plotRight - g.plotLeft + 12, height: g.plotBottom - g.plotTop + 16 }}
        help={`${m.dots.length} councils. Use the arrow keys to move from council to council, left to right across the chart, Page Up and Page Down by ten, Home and End for the first and last${p.onSelect ? ', Enter to label or unlabel a council' : ''}, Escape to clear.`}
        onKeyDown={interactive ? onKeyDown : undefined}
        onBlur={p.onCursorChange ? () => p.cursor && p.onCursorChange?.(null) : undefined}
      >
        <YGrid scale={g.y} left={g.plotLeft} right={g.plotRight} format={p.formatY} />
        <g aria-hidden="true">
          {g.x.ticks.map((t) => (
            <line key={t} className={base.grid} x1={r1(g.x(t))} x2={r1(g.x(t))} y1={g.plotTop} y2={g.plotBottom} />
          ))}
        </g>
        <XValueAxis ticks={g.x.ticks.map((t) => ({ x: g.x(t), text: p.formatX(t) }))} bottom={g.plotBottom} labelY={g.axisY} title={fitText(p.xLabel, g.width - 8, fs)} titleX={(g.plotLeft + g.plotRight) / 2} />

        {engY !== undefined && (
          <g aria-hidden="true" data-england="">
            <line className={styles.england} x1={g.plotLeft} x2={g.plotRight} y1={r1(engY)} y2={r1(engY)} />
            <text className={`${styles.englandLabel} ${base.halo}`} x={g.plotRight - 4} y={r1(engY - 5)} textAnchor="end">
              England {p.formatY(p.england!)}
            </text>
          </g>
        )}
        {g.fit && <line aria-hidden="true" className={styles.fit} x1={r1(g.fit.x1)} y1={r1(g.fit.y1)} x2={r1(g.fit.x2)} y2={r1(g.fit.y2)} data-fit="" />}

        {/* Councils: one path per kind of dot (150 circles as elements would weigh several times more in the page). */}
        <g aria-hidden="true">
          <DotPath dots={plain} g={g} r={g.dotR} className={p.highlightGroup ? styles.dotMuted! : styles.dot!} />
          <DotPath dots={picked} g={g} r={g.dotR + 0.6} className={styles.dotPicked!} picked />
        </g>

        <g aria-hidden="true">
          {g.labels.map((l) => {
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

        <g aria-hidden="true">
          {sel.map((d) => {
            const q = g.pos.get(d.p.code)!;
            return <path key={d.p.code} className={styles.selDot} d={markerPath(d.style!.marker, r1(q[0]), r1(q[1]), 5.5)} fill={d.style!.colour} data-code={d.p.code} data-selected="" />;
          })}
        </g>

        {cur && curPos && (
          <g aria-hidden="true" className={base.cursorMarks} data-export-ignore="">
            <circle className={base.cursorOn} cx={r1(curPos[0])} cy={r1(curPos[1])} r={8} />
          </g>
        )}
      </PlotArea>
    </svg>
  );
}

/** Dots of one kind as one path; `data-codes` lists the councils drawn, in order. */
function DotPath({ dots, g, r, className, picked }: { dots: readonly Dot[]; g: Geometry; r: number; className: string; picked?: boolean }) {
  if (!dots.length) return null;
  const d = dots.map((x) => {
    const q = g.pos.get(x.p.code)!;
    return markerPath('circle', r1(q[0]), r1(q[1]), r);
  });
  return <path className={className} d={d.join('')} data-codes={dots.map((x) => x.p.code).join(' ')} data-count={dots.length} data-picked={picked ? '' : undefined} />;
}

function ScatterTooltip({ p, m, g }: { p: ScatterChartProps; m: Model; g: Geometry }) {
  if (!p.cursor || !(p.onCursorChange || p.onSelect)) return null;
  const d = m.dots.find((x) => x.p.code === p.cursor);
  const q = d ? g.pos.get(d.p.code) : undefined;
  if (!d || !q) return null;
  const info = describe(p, d);
  return (
    <Tooltip at={{ width: g.width, height: g.height, x: q[0], y: q[1], plotTop: g.plotTop, plotBottom: g.plotBottom }} placement="point">
      <strong className={base.ttName}>{d.p.name}</strong>
      <span>
        <strong className={base.ttValue}>{p.formatY(d.p.y)}</strong> {p.unitLabel}
      </span>
      {info.lines.slice(1).map((l) => (
        <span key={l} className={base.ttMeta}>
          {l}
        </span>
      ))}
      {p.onSelect && <span className={base.ttHint}>{p.selected.includes(d.p.code) ? 'Labelled: Enter, click or tap again to remove' : 'Enter, click or tap again to label'}</span>}
    </Tooltip>
  );
}

function keyItems(p: ScatterChartProps, m: Model): LegendItem[] {
  const items: LegendItem[] = [];
  if (p.england !== undefined) items.push({ key: 'england', label: `England’s rate (${p.formatY(p.england)})`, line: { colour: ENGLAND_STYLE.colour, dash: '6 3', width: 1.5 } });
  if (p.line) items.push({ key: 'fit', label: p.lineLabel ?? 'Fitted line', line: { colour: OKABE_ITO.vermillion, width: 2 } });
  if (p.highlightGroup) {
    items.push(markerItem('picked', `Councils in ${p.highlightGroup}`, HIGHLIGHT, 4.5));
    items.push({ key: 'others', label: 'Other councils', marker: { d: markerPath('circle', 15, 7, 3.6), fill: '#ffffff', stroke: '#8a9099', strokeWidth: 1.2 }, muted: true });
  } else items.push({ key: 'others', label: 'A council', marker: { d: markerPath('circle', 15, 7, 3.6), fill: '#ffffff', stroke: '#4d5661', strokeWidth: 1.2 } });
  for (const d of m.dots.filter((x) => x.style)) items.push(markerItem(d.p.code, `${d.p.name} (${p.formatY(d.p.y)}; ${p.formatX(d.p.x)})`, d.style!));
  return items;
}

/* ---- Component ----------------------------------------------------------------------------------- */

export function ScatterChart(props: ScatterChartProps) {
  const m = buildModel(props);
  const interactive = props.onCursorChange !== undefined || props.onSelect !== undefined;
  const cur = props.cursor ? m.dots.find((d) => d.p.code === props.cursor) : undefined;
  const missing = props.missing ?? [];
  if (m.dots.length === 0) {
    return (
      <div className={base.root}>
        <p className={styles.message} role="note">
          No council has both figures for this view.
        </p>
        {missing.length > 0 && <MissingList missing={missing} />}
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
            <ScatterTooltip p={props} m={m} g={g} />
          </>
        );
      }}
    >
      {interactive && <LiveRegion text={cur ? describe(props, cur).live : ''} />}
      <Legend items={keyItems(props, m)} />
      {missing.length > 0 && <MissingList missing={missing} />}
    </ResponsiveChart>
  );
}

function MissingList({ missing }: { missing: NonNullable<ScatterChartProps['missing']> }) {
  return (
    <p className={styles.missing} data-missing="" data-export-note="">
      Not shown: {missing.map((x) => `${x.name} (${x.reason})`).join(', ')}.
    </p>
  );
}
