import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { scaleLog } from 'd3-scale';
import { formatNumber } from '@/lib/format';
import type { FunnelClass } from '@/lib/stats/funnel';
import { ratioCurve, RATIO_CLASS_LABEL, type RatioLimits } from '@/lib/stats/standardise';
import { areaStyle, markerPath, selectionSlots, type SeriesStyle } from './palette';
import {
  base,
  CHART_FONT,
  fitText,
  keyMove,
  LabelPlacer,
  Legend,
  LiveRegion,
  linearScale,
  nearestPoint,
  PlotArea,
  pointBox,
  pointerToView,
  readingOrder,
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
  type LegendItem,
  type LinearScale,
} from './primitives';
import styles from './RatioFunnelChart.module.css';

/**
 * A funnel plot of observed ÷ expected (indirect standardisation): each council's ratio (up; 1 = as
 * expected) against its expected count (across, log scale), with the 95% and 99.8% limits within
 * which a council that was as expected would fall by chance alone (Poisson, lib/stats/standardise).
 * Pure: props in, SVG out; the parent holds cursor and selection.
 *
 * - Dots are shaded by how far out they lie (inside the 95% limits light, beyond the 99.8% limits
 *   dark), never coloured for "good" or "bad": the comparison describes, it does not judge.
 * - Councils not drawn are listed with their reason.
 * - Keyboard, pointer and touch as the scatter chart (dots in order of expected count).
 */

export interface RatioPoint {
  readonly code: string;
  readonly name: string;
  readonly expected: number;
  readonly observed: number;
  readonly ratio: number;
  readonly cls: FunnelClass;
  readonly group?: string;
}

export interface RatioFunnelChartProps {
  readonly points: readonly RatioPoint[];
  readonly missing?: readonly { readonly code: string; readonly name: string; readonly reason: string }[];
  readonly selected: readonly string[];
  readonly cursor?: string | null;
  readonly onCursorChange?: (code: string | null) => void;
  readonly onSelect?: (code: string) => void;
  readonly titleId?: string;
  readonly descId?: string;
  readonly ariaLabel?: string;
  readonly width?: number;
}

const UNIT = 'observed ÷ expected (1 = as expected from deprivation)';
const X_TITLE = 'Expected number of children (log scale)';
const ratioText = (r: number) => r.toFixed(2);

interface Dot {
  readonly p: RatioPoint;
  readonly style: SeriesStyle | undefined;
}

interface Model {
  readonly dots: readonly Dot[];
  readonly eMin: number;
  readonly eMax: number;
  readonly yMax: number;
  readonly curve: readonly RatioLimits[];
}

function buildModel(p: RatioFunnelChartProps): Model {
  const slots = selectionSlots(p.selected);
  const dots = p.points.filter((q) => q.expected > 0 && Number.isFinite(q.ratio)).map((q) => ({ p: q, style: slots.has(q.code) ? areaStyle(slots.get(q.code)!) : undefined }));
  const es = dots.map((d) => d.p.expected);
  const eMin = (es.length ? Math.min(...es) : 1) / 1.3;
  const eMax = (es.length ? Math.max(...es) : 10) * 1.3;
  const curve = ratioCurve(eMin, eMax, 120);
  // Up to the highest ratio (and at least 2), not to where the limits run off at tiny counts.
  const yMax = Math.max(2, ...dots.map((d) => d.p.ratio)) * 1.05;
  return { dots, eMin, eMax, yMax, curve };
}

function describe(d: Dot): { lines: string[]; live: string } {
  const lines = [`${ratioText(d.p.ratio)} times the number expected`, `${formatNumber(d.p.observed)} children; ${formatNumber(Math.round(d.p.expected))} expected`, RATIO_CLASS_LABEL[d.p.cls]];
  if (d.p.group) lines.push(d.p.group);
  return { lines, live: `${d.p.name}: ${lines.join('; ')}.` };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function kFormat(n: number): string {
  if (n >= 1000) return `${n / 1000}k`;
  return String(n);
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
  readonly order: readonly number[];
  readonly xTicks: readonly { x: number; text: string }[];
  readonly limits: readonly { key: 'upper998' | 'upper95' | 'lower95' | 'lower998'; d: string }[];
  readonly limitLabels: readonly { text: string; y: number }[];
  readonly labels: readonly { code: string; text: string; x: number; y: number; colour: string; extreme: boolean; dotX: number; dotY: number }[];
  readonly axisY: number;
  readonly dotR: number;
}

function layout(p: RatioFunnelChartProps, m: Model, width: number): Geometry {
  const fs = CHART_FONT;
  const narrow = width < 520;
  const plotTop = fs + 16;
  const plotHeight = Math.round(Math.min(420, Math.max(250, 150 + width * 0.3)));
  const plotBottom = plotTop + plotHeight;
  const y = linearScale({ domain: [0, m.yMax], range: [plotBottom, plotTop] });
  const plotLeft = Math.ceil(yLabelWidth(y, (t) => String(t), fs) + 8);
  const plotRight = width - (textWidth('99.8%', fs) + 12);
  const xs = scaleLog().domain([m.eMin, m.eMax]).range([plotLeft + 4, plotRight - 4]);
  const pos = new Map<string, readonly [number, number]>();
  for (const d of m.dots) pos.set(d.p.code, [xs(d.p.expected), y(d.p.ratio)]);
  const order = readingOrder(m.dots.map((d) => pos.get(d.p.code)!));
  const cands = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000].filter((t) => t >= m.eMin && t <= m.eMax);
  const minGap = textWidth('2000', fs) + 14;
  const chosen: number[] = [];
  for (const t of cands) if (!chosen.length || xs(t) - xs(chosen[chosen.length - 1]!) >= minGap) chosen.push(t);
  const xTicks = chosen.map((t) => ({ x: xs(t), text: kFormat(t) }));

  // Limits, clipped at the top of the plot and at zero.
  const yTop = y.domain[1];
  const path = (key: 'upper998' | 'upper95' | 'lower95' | 'lower998') => {
    let d = '';
    let pen = false;
    for (let i = 0; i < m.curve.length; i++) {
      const c = m.curve[i]!;
      const v = Math.min(c[key], yTop);
      if (key.startsWith('lower') && c[key] <= 0) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${r1(xs(c.expected))},${r1(y(v))}`;
      pen = true;
    }
    return d;
  };
  const limits = (['upper998', 'upper95', 'lower95', 'lower998'] as const).map((key) => ({ key, d: path(key) }));
  const end = m.curve[m.curve.length - 1]!;
  const ly = spreadLabels([y(end.upper998), y(end.upper95), y(end.lower95), y(end.lower998)], fs + 1, plotTop, plotBottom);
  const limitLabels = [
    { text: '99.8%', y: ly[0]! },
    { text: '95%', y: ly[1]! },
    { text: '95%', y: ly[2]! },
    { text: '99.8%', y: ly[3]! },
  ];

  const dotR = narrow ? 3.1 : 3.5;
  const placer = new LabelPlacer([textBox(plotLeft + 4, y(1) - 5, textWidth('As expected (1)', fs, true), fs)]);
  const sel = m.dots.filter((d) => d.style);
  const byRatio = [...m.dots].sort((a, b) => b.p.ratio - a.p.ratio);
  const extremes = [byRatio[0], byRatio[byRatio.length - 1]].filter((d): d is Dot => d !== undefined && !d.style && (d !== byRatio[byRatio.length - 1] || byRatio.length > 1));
  for (const d of [...sel, ...extremes]) {
    const [dx, dy] = pos.get(d.p.code)!;
    placer.avoid(pointBox(dx, dy, d.style ? 8 : dotR + 2));
  }
  const labels: Geometry['labels'][number][] = [];
  const step = fs + 4;
  const place = (d: Dot, text: string, bold: boolean, colour: string, extreme: boolean) => {
    const [dx, dy] = pos.get(d.p.code)!;
    const tw = textWidth(text, fs, bold);
    const right = dx + 10 + tw <= plotRight;
    const sideX = (r: boolean) => (r ? dx + 10 : dx - 10 - tw);
    const cs: { x: number; y: number }[] = [];
    for (let k = 0; k < 7; k++) for (const off of k === 0 ? [0] : [-k * step, k * step]) cs.push({ x: sideX(right), y: dy + fs * 0.35 + off }, { x: sideX(!right), y: dy + fs * 0.35 + off });
    const inside = (c: { x: number; y: number }) => c.x >= 0 && c.x + tw <= plotRight && c.y - fs >= plotTop - 12 && c.y <= plotBottom - 2;
    const ok = placer.place(cs, (c) => textBox(c.x, c.y, tw, fs), inside);
    labels.push({ code: d.p.code, text, x: ok.x, y: ok.y, colour, extreme, dotX: dx, dotY: dy });
  };
  for (const d of [...sel].sort((a, b) => pos.get(a.p.code)![1] - pos.get(b.p.code)![1])) place(d, fitText(d.p.name, Math.min(width * 0.45, 200), fs, true), true, d.style!.text, false);
  for (const d of extremes) place(d, `${fitText(d.p.name, Math.min(width * 0.4, 180), fs)} ${ratioText(d.p.ratio)}`, false, '#4d5661', true);

  const axisY = plotBottom + 6 + fs;
  const height = Math.ceil(axisY + fs + 14);
  return { width, height, plotLeft, plotRight, plotTop, plotBottom, y, pos, order, xTicks, limits, limitLabels, labels, axisY, dotR };
}

const SHADE: Record<FunnelClass, 'within' | 'out95' | 'out998'> = { within: 'within', above95: 'out95', below95: 'out95', above998: 'out998', below998: 'out998' };

function Plot({ p, m, g }: { p: RatioFunnelChartProps; m: Model; g: Geometry }) {
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
    const next = stepIndex(move, cur ? g.order.indexOf(idx) : undefined, g.order.length, { start: 0 });
    if (next === null) p.cursor && p.onCursorChange?.(null);
    else if (next !== undefined) {
      const d = m.dots[g.order[next]!]!;
      if (d.p.code !== p.cursor) p.onCursorChange?.(d.p.code);
    }
  };
  const toView = (e: MouseEvent<SVGSVGElement>) => pointerToView(e, g.width, g.height);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const v = toView(e);
    const d = v ? hitAt(v[0], v[1], 30) : undefined;
    if (d && d.p.code !== p.cursor) p.onCursorChange?.(d.p.code);
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    const v = toView(e);
    if (e.pointerType !== 'mouse' && v && curPos && Math.hypot(curPos[0] - v[0], curPos[1] - v[1]) <= 14) {
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
    const d = v ? hitAt(v[0], v[1], 14) : undefined;
    if (d) p.onSelect?.(d.p.code);
  };
  const oneY = g.y(1);
  const plain = m.dots.filter((d) => !d.style);
  const sel = m.dots.filter((d) => d.style);
  return (
    <svg
      className={base.svg}
      viewBox={`0 0 ${g.width} ${g.height}`}
      width="100%"
      role={interactive ? 'group' : 'img'}
      aria-labelledby={p.titleId}
      aria-describedby={p.descId}
      aria-label={p.ariaLabel ?? (p.titleId ? undefined : `Funnel plot of ${m.dots.length} councils: ${UNIT} against the expected number`)}
      fontSize={fs}
      data-points={m.dots.length}
      onPointerMove={p.onCursorChange ? onPointerMove : undefined}
      onPointerDown={p.onCursorChange ? onPointerDown : undefined}
      onPointerLeave={p.onCursorChange ? (e) => e.pointerType === 'mouse' && p.cursor && p.onCursorChange?.(null) : undefined}
      onClick={p.onSelect ? onClick : undefined}
    >
      <UnitLabel text={UNIT} width={g.width} />
      <PlotArea
        box={{ x: g.plotLeft - 6, y: g.plotTop - 10, width: g.plotRight - g.plotLeft + 12, height: g.plotBottom - g.plotTop + 16 }}
        help={`${m.dots.length} councils, from the smallest expected number to the largest. Use the arrow keys to move from council to council, Page Up and Page Down by ten, Home and End for the first and last${p.onSelect ? ', Enter to label or unlabel a council' : ''}, Escape to clear.`}
        onKeyDown={interactive ? onKeyDown : undefined}
        onBlur={p.onCursorChange ? () => p.cursor && p.onCursorChange?.(null) : undefined}
      >
        <YGrid scale={g.y} left={g.plotLeft} right={g.plotRight} format={(t) => String(t)} />
        <XValueAxis ticks={g.xTicks} bottom={g.plotBottom} labelY={g.axisY} title={fitText(X_TITLE, g.width - 8, fs)} titleX={(g.plotLeft + g.plotRight) / 2} />
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
        <g aria-hidden="true">
          <line className={styles.one} x1={g.plotLeft} x2={g.plotRight} y1={r1(oneY)} y2={r1(oneY)} />
          <text className={`${styles.oneLabel} ${base.halo}`} x={g.plotLeft + 4} y={r1(oneY - 5)}>
            As expected (1)
          </text>
        </g>
        {/* Councils: one path per shade (150 circles as elements would weigh several times more in the page). */}
        <g aria-hidden="true">
          {(['within', 'out95', 'out998'] as const).map((k) => {
            const dots = plain.filter((d) => SHADE[d.p.cls] === k);
            if (!dots.length) return null;
            const path = dots.map((d) => {
              const q = g.pos.get(d.p.code)!;
              return markerPath('circle', r1(q[0]), r1(q[1]), g.dotR);
            });
            return <path key={k} className={styles[k]} d={path.join('')} data-codes={dots.map((d) => d.p.code).join(' ')} data-count={dots.length} data-shade={k} />;
          })}
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
            return <path key={d.p.code} className={styles.selDot} d={markerPath(d.style!.marker, r1(q[0]), r1(q[1]), 5.5)} fill={d.style!.colour} data-code={d.p.code} data-class={d.p.cls} data-selected="" />;
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

function FunnelTooltip({ p, m, g }: { p: RatioFunnelChartProps; m: Model; g: Geometry }) {
  if (!p.cursor || !(p.onCursorChange || p.onSelect)) return null;
  const d = m.dots.find((x) => x.p.code === p.cursor);
  const q = d ? g.pos.get(d.p.code) : undefined;
  if (!d || !q) return null;
  const info = describe(d);
  return (
    <Tooltip at={{ width: g.width, height: g.height, x: q[0], y: q[1], plotTop: g.plotTop, plotBottom: g.plotBottom }} placement="point">
      <strong className={base.ttName}>{d.p.name}</strong>
      <span>
        <strong className={base.ttValue}>{ratioText(d.p.ratio)}</strong> × expected
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

function keyItems(m: Model): LegendItem[] {
  const dot = (fill: string, stroke: string) => ({ d: markerPath('circle', 15, 7, 3.8), fill, stroke, strokeWidth: 1.2 });
  return [
    { key: 'one', label: 'As expected (observed = expected)', line: { colour: '#000000', dash: '6 3', width: 1.5 } },
    { key: 'l95', label: '95% limits', line: { colour: '#4d5661', dash: '5 4', width: 1.3 } },
    { key: 'l998', label: '99.8% limits', line: { colour: '#1b1f24', width: 1.5 } },
    { key: 'within', label: 'Council within the 95% limits', marker: dot('#ffffff', '#6b737c') },
    { key: 'out95', label: 'Outside the 95% limits', marker: dot('#8a9099', '#4d5661') },
    { key: 'out998', label: 'Outside the 99.8% limits', marker: dot('#1b1f24', '#1b1f24') },
    ...m.dots.filter((d) => d.style).map((d) => ({ key: d.p.code, label: `${d.p.name} (${ratioText(d.p.ratio)})`, marker: { d: markerPath(d.style!.marker, 15, 7, 5), fill: d.style!.colour } })),
  ];
}

export function RatioFunnelChart(props: RatioFunnelChartProps) {
  const m = buildModel(props);
  const interactive = props.onCursorChange !== undefined || props.onSelect !== undefined;
  const cur = props.cursor ? m.dots.find((d) => d.p.code === props.cursor) : undefined;
  const missing = props.missing ?? [];
  const missingNote = missing.length > 0 && (
    <p className={styles.missing} data-missing="" data-export-note="">
      Not shown: {missing.map((x) => `${x.name} (${x.reason})`).join(', ')}.
    </p>
  );
  if (m.dots.length === 0) {
    return (
      <div className={base.root}>
        <p className={styles.message} role="note">
          No council has the figures needed for this year.
        </p>
        {missingNote}
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
            <FunnelTooltip p={props} m={m} g={g} />
          </>
        );
      }}
    >
      {interactive && <LiveRegion text={cur ? describe(cur).live : ''} />}
      <Legend items={keyItems(m)} note="The limits show how far a council that was as expected could stray from 1 by chance alone, given its expected number: they narrow as the number grows." />
      {missingNote}
    </ResponsiveChart>
  );
}
