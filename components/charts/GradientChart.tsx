import type { KeyboardEvent, PointerEvent } from 'react';
import { AREA_STYLES, ENGLAND_STYLE, markerPath, type SeriesStyle } from './palette';
import {
  BandAxis,
  bandScale,
  base,
  CHART_FONT,
  keyMove,
  Legend,
  lineItem,
  LiveRegion,
  PlotArea,
  pointerToView,
  ResponsiveChart,
  spreadLabels,
  stepIndex,
  textWidth,
  Tooltip,
  UnitLabel,
  YGrid,
  yLabelWidth,
  zeroBasedScale,
  type BandScale,
  type LinearScale,
} from './primitives';
import styles from './GradientChart.module.css';

/**
 * Rates by neighbourhood deprivation decile (1 = most deprived 10% … 10 = least deprived), one small
 * panel per measure, one line per country, on a shared rate axis so the panels compare. Pure: props
 * in, SVG out; the parent holds the cursor.
 *
 * - England is the thick black line with circles; the other series take the palette's area styles
 *   (dash and marker shape differ, so the lines part without colour). Names at the line ends.
 * - Interactive when `onCursorChange` is given: each panel is one tab stop; ←/→ move across the
 *   deciles, Home/End to the ends, Escape clears; hover follows the decile under the pointer. The
 *   tooltip and an aria-live region read every series at the decile.
 * - Each panel's SVG is captioned for image exports (data-export-caption), so a download shows both.
 */

export interface GradientCursor {
  readonly panel: string;
  readonly decile: number;
}

export interface GradientSeriesInput {
  readonly key: string;
  readonly label: string;
  readonly points: readonly { readonly decile: number; readonly value: number }[];
}

export interface GradientPanel {
  readonly key: string;
  readonly title: string;
  readonly series: readonly GradientSeriesInput[];
}

export interface GradientChartProps {
  readonly panels: readonly GradientPanel[];
  /** Over the rate axis: "per 10,000 children". */
  readonly unitLabel: string;
  readonly formatValue: (n: number) => string;
  readonly cursor?: GradientCursor | null;
  readonly onCursorChange?: (c: GradientCursor | null) => void;
  readonly titleId?: string;
  readonly width?: number;
}

const DECILES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const r1 = (n: number) => Math.round(n * 10) / 10;

/** England black; the others the palette's area styles in order (Wales: blue dashed, triangles). */
function styleOf(index: number, label: string): SeriesStyle {
  return label === 'England' ? ENGLAND_STYLE : AREA_STYLES[(index % (AREA_STYLES.length - 1)) + 1]!;
}

export function decileName(d: number): string {
  return d === 1 ? 'decile 1 (most deprived 10%)' : d === 10 ? 'decile 10 (least deprived 10%)' : `decile ${d}`;
}

function valueAt(s: GradientSeriesInput, d: number): number | undefined {
  return s.points.find((p) => p.decile === d)?.value;
}

function cursorText(p: GradientChartProps, panel: GradientPanel, d: number): string {
  const parts = panel.series.map((s) => {
    const v = valueAt(s, d);
    return `${s.label} ${v === undefined ? 'no figure' : p.formatValue(v)}`;
  });
  return `${panel.title}, ${decileName(d)}: ${parts.join(', ')} ${p.unitLabel}.`;
}

interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly x: BandScale<number>;
  readonly y: LinearScale;
  readonly ends: readonly { key: string; label: string; y: number; colour: string }[];
  readonly axisY: number;
}

function layout(p: GradientChartProps, panel: GradientPanel, yMax: number, width: number): Geometry {
  const fs = CHART_FONT;
  const plotTop = fs + 16;
  const plotHeight = Math.round(Math.min(300, Math.max(190, 110 + width * 0.3)));
  const plotBottom = plotTop + plotHeight;
  const y = zeroBasedScale(yMax, plotBottom, plotTop);
  const plotLeft = Math.ceil(yLabelWidth(y, p.formatValue, fs) + 8);
  const endW = Math.max(...panel.series.map((s) => textWidth(s.label, fs, true))) + 10;
  const plotRight = width - endW;
  const x = bandScale<number>([...DECILES], plotLeft, plotRight, { paddingInner: 0.3, paddingOuter: 0.2 });
  const lastY = panel.series.map((s) => {
    const v = valueAt(s, 10);
    return v === undefined ? plotBottom : y(v);
  });
  const spread = spreadLabels(lastY, fs + 2, plotTop, plotBottom);
  const ends = panel.series.map((s, i) => ({ key: s.key, label: s.label, y: spread[i]!, colour: styleOf(i, s.label).text }));
  const axisY = plotBottom + 6 + fs;
  const height = Math.ceil(axisY + fs + 12);
  return { width, height, plotLeft, plotRight, plotTop, plotBottom, x, y, ends, axisY };
}

function PanelPlot({ p, panel, g }: { p: GradientChartProps; panel: GradientPanel; g: Geometry }) {
  const fs = CHART_FONT;
  const interactive = p.onCursorChange !== undefined;
  const cur = p.cursor && p.cursor.panel === panel.key ? p.cursor.decile : undefined;
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const move = keyMove(e.key);
    if (move === undefined || move === 'activate') return;
    e.preventDefault();
    const next = stepIndex(move === 'up' ? 'next' : move === 'down' ? 'prev' : move, cur === undefined ? undefined : cur - 1, 10, { start: 0, page: 3 });
    if (next === null) p.onCursorChange?.(null);
    else if (next !== undefined && next + 1 !== cur) p.onCursorChange?.({ panel: panel.key, decile: next + 1 });
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const v = pointerToView(e, g.width, g.height);
    if (!v || v[0] < g.plotLeft - 10 || v[0] > g.plotRight + 10) return;
    const d = g.x.invert(v[0]);
    if (d !== undefined && d !== cur) p.onCursorChange?.({ panel: panel.key, decile: d });
  };
  return (
    <svg
      className={base.svg}
      viewBox={`0 0 ${g.width} ${g.height}`}
      width="100%"
      role={interactive ? 'group' : 'img'}
      aria-label={`${panel.title}: ${p.unitLabel} by neighbourhood deprivation decile, ${panel.series.map((s) => s.label).join(' and ')}`}
      fontSize={fs}
      data-panel={panel.key}
      onPointerMove={interactive ? onPointerMove : undefined}
      onPointerLeave={interactive ? (e) => e.pointerType === 'mouse' && cur !== undefined && p.onCursorChange?.(null) : undefined}
    >
      <UnitLabel text={p.unitLabel} width={g.width} />
      <PlotArea
        box={{ x: g.plotLeft - 6, y: g.plotTop - 10, width: g.plotRight - g.plotLeft + 12, height: g.plotBottom - g.plotTop + 16 }}
        help={`${panel.title}: ten deciles, most deprived first. Use the left and right arrow keys to move from decile to decile, Home and End for the ends, Escape to clear.`}
        onKeyDown={interactive ? onKeyDown : undefined}
        onBlur={interactive ? () => cur !== undefined && p.onCursorChange?.(null) : undefined}
      >
        <YGrid scale={g.y} left={g.plotLeft} right={g.plotRight} format={p.formatValue} />
        <BandAxis scale={g.x} labelY={g.axisY} label={(d) => String(d)} />
        <g aria-hidden="true">
          <text className={base.axisTitle} x={g.plotLeft} y={g.axisY + fs + 6}>
            ← most deprived
          </text>
          <text className={base.axisTitle} x={g.plotRight} y={g.axisY + fs + 6} textAnchor="end">
            least deprived →
          </text>
        </g>
        {cur !== undefined && (
          <line data-export-ignore="" className={base.guide} x1={r1(g.x.centre(cur)!)} x2={r1(g.x.centre(cur)!)} y1={g.plotTop - 6} y2={g.plotBottom} />
        )}
        {panel.series.map((s, i) => {
          const st = styleOf(i, s.label);
          const pts = DECILES.flatMap((d) => {
            const v = valueAt(s, d);
            return v === undefined ? [] : [{ d, v, x: g.x.centre(d)!, y: g.y(v) }];
          });
          return (
            <g key={s.key} aria-hidden="true" data-series={s.key}>
              <path className={styles.line} d={pts.map((q, k) => `${k ? 'L' : 'M'}${r1(q.x)},${r1(q.y)}`).join('')} stroke={st.colour} strokeWidth={st.width} strokeDasharray={st.dash} />
              {pts.map((q) => (
                <path key={q.d} className={styles.marker} d={markerPath(st.marker, r1(q.x), r1(q.y), 4)} fill={st.colour} data-decile={q.d} data-value={q.v} data-country={s.label} />
              ))}
            </g>
          );
        })}
        <g aria-hidden="true">
          {g.ends.map((e) => (
            <text key={e.key} className={`${styles.endLabel} ${base.halo}`} x={g.plotRight + 6} y={r1(e.y)} dy="0.35em" fill={e.colour}>
              {e.label}
            </text>
          ))}
        </g>
        {cur !== undefined && (
          <g aria-hidden="true" className={base.cursorMarks} data-export-ignore="">
            {panel.series.map((s) => {
              const v = valueAt(s, cur);
              return v === undefined ? null : <circle key={s.key} className={base.cursorOn} cx={r1(g.x.centre(cur)!)} cy={r1(g.y(v))} r={7} />;
            })}
          </g>
        )}
      </PlotArea>
    </svg>
  );
}

function PanelTooltip({ p, panel, g }: { p: GradientChartProps; panel: GradientPanel; g: Geometry }) {
  const cur = p.cursor && p.cursor.panel === panel.key ? p.cursor.decile : undefined;
  if (cur === undefined || !p.onCursorChange) return null;
  return (
    <Tooltip at={{ width: g.width, height: g.height, x: g.x.centre(cur)!, y: g.plotTop, plotTop: g.plotTop, plotBottom: g.plotBottom }} placement="beside">
      <strong className={base.ttName}>{decileName(cur)}</strong>
      {panel.series.map((s, i) => {
        const v = valueAt(s, cur);
        const st = styleOf(i, s.label);
        return (
          <span key={s.key}>
            <svg width="16" height="12" viewBox="0 0 16 12" aria-hidden="true" className={base.swatch}>
              <path d={markerPath(st.marker, 8, 6, 4)} fill={st.colour} />
            </svg>{' '}
            {s.label}: <strong>{v === undefined ? 'no figure' : p.formatValue(v)}</strong>
          </span>
        );
      })}
      <span className={base.ttMeta}>{p.unitLabel}</span>
    </Tooltip>
  );
}

export function GradientChart(props: GradientChartProps) {
  const yMax = Math.max(0, ...props.panels.flatMap((pn) => pn.series.flatMap((s) => s.points.map((q) => q.value))));
  const labels = [...new Set(props.panels.flatMap((pn) => pn.series.map((s) => s.label)))];
  const items = labels.map((l, i) => lineItem(l, l, styleOf(i, l)));
  const cur = props.cursor ? props.panels.find((pn) => pn.key === props.cursor!.panel) : undefined;
  return (
    <div className={styles.root}>
      <div className={styles.panels}>
        {props.panels.map((panel) => (
          <div key={panel.key} className={styles.panel} data-export-caption={panel.title} data-gradient-panel={panel.key}>
            <p className={styles.panelTitle} aria-hidden="true">
              {panel.title}
            </p>
            <ResponsiveChart
              width={props.width}
              layout={(w) => {
                const g = layout(props, panel, yMax, w);
                return (
                  <>
                    <PanelPlot p={props} panel={panel} g={g} />
                    <PanelTooltip p={props} panel={panel} g={g} />
                  </>
                );
              }}
            />
          </div>
        ))}
      </div>
      {props.onCursorChange && <LiveRegion text={cur && props.cursor ? cursorText(props, cur, props.cursor.decile) : ''} />}
      <Legend items={items} />
    </div>
  );
}
