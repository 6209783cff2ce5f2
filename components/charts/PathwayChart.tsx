import { STATUS_LABEL, type Cell } from '@/lib/status';
import { ENGLAND_STYLE, OKABE_ITO } from './palette';
import { base, CHART_FONT, fitText, Legend, linearScale, ResponsiveChart, textWidth, XGrid, type LegendItem } from './primitives';
import styles from './PathwayChart.module.css';

/**
 * The child protection pathway as grouped horizontal bars: one group per step (referrals, section 47
 * enquiries, conferences, plans started), one bar per series (the area, its neighbours' average,
 * England) on one scale from zero, so the narrowing from step to step is seen; between groups, the
 * conversion from one step to the next in words ("1 in 3 referrals"). Pure: props in, SVG out. A
 * missing figure is no bar: its place says why. Labels sit left of the bars on wider layouts and
 * over them on a phone.
 */

export interface PathwaySeriesDef {
  readonly key: string;
  readonly label: string;
}

export interface PathwayStepRow {
  readonly key: string;
  readonly label: string;
  /** One figure per series, in the order of `series`. */
  readonly values: readonly (Cell | undefined)[];
}

export interface PathwayChartProps {
  readonly series: readonly PathwaySeriesDef[];
  readonly steps: readonly PathwayStepRow[];
  /** Between step i and i+1: "1 in 3 referrals led to an enquiry (England 1 in 3)"; undefined to leave the gap empty. */
  readonly conversions?: readonly (string | undefined)[];
  readonly unitLabel: string;
  readonly formatValue: (n: number) => string;
  readonly titleId?: string;
  readonly descId?: string;
  readonly width?: number;
}

/** The area in blue, its neighbours' average in orange, England in black (Okabe–Ito; lightness apart too). */
export const PATHWAY_COLOURS = [OKABE_ITO.blue, '#C08000', ENGLAND_STYLE.colour] as const;

const BAR = 15;
const GAP = 3;
const r1 = (n: number) => Math.round(n * 10) / 10;

function missingText(c: Cell | undefined): string {
  return c === undefined ? 'no figure' : c.kind === 'missing' ? STATUS_LABEL[c.status] : '';
}

function Layout({ props, width }: { readonly props: PathwayChartProps; readonly width: number }) {
  const fs = CHART_FONT;
  const stacked = width < 520;
  const n = props.series.length;
  const values = props.steps.flatMap((s) => s.values).flatMap((c) => (c?.kind === 'value' ? [c.value] : []));
  const maxLabel = Math.max(0, ...props.steps.map((s) => textWidth(s.label, fs, true)));
  const labelCol = stacked ? 0 : Math.min(maxLabel + 14, Math.round(width * 0.3));
  const valueRoom = textWidth(props.formatValue(Math.max(0, ...values)), fs) + 12;
  const left = r1(labelCol);
  const right = r1(width - valueRoom);
  const top = fs + 12;
  const group = n * BAR + (n - 1) * GAP;
  const labelH = stacked ? fs + 6 : 0;
  const convH = fs + 14;
  const stepH = labelH + group;
  const x = linearScale({ domain: [0, Math.max(1, ...values)], range: [left, right], ticks: Math.max(2, Math.round((right - left) / 90)) });
  const height = top + props.steps.length * stepH + (props.steps.length - 1) * convH + fs + 14;
  const bottom = height - fs - 8;
  const y0 = (i: number) => top + i * (stepH + convH);
  return (
    <svg className={base.svg} viewBox={`0 0 ${width} ${height}`} fontSize={fs} role="img" aria-labelledby={props.titleId} aria-describedby={props.descId}>
      <text className={base.unit} x={left} y={fs}>
        {fitText(props.unitLabel, width - left - 4, fs)}
      </text>
      <XGrid scale={x} top={top - 4} bottom={bottom} labelY={height - 4} format={props.formatValue} />
      <g aria-hidden="true">
        {props.steps.map((s, i) => {
          const gy = y0(i);
          const barsY = gy + labelH;
          const conv = props.conversions?.[i];
          return (
            <g key={s.key} data-step={s.key}>
              <text className={styles.step} x={stacked ? 0 : labelCol - 8} y={stacked ? gy + fs : barsY + group / 2} dy={stacked ? undefined : '0.35em'} textAnchor={stacked ? 'start' : 'end'}>
                {fitText(s.label, stacked ? width - 4 : labelCol - 10, fs, true)}
              </text>
              {props.series.map((ser, j) => {
                const c = s.values[j];
                const y = barsY + j * (BAR + GAP);
                const v = c?.kind === 'value' ? c.value : undefined;
                return (
                  <g key={ser.key} data-series={ser.key} data-value={v ?? ''}>
                    {v !== undefined ? (
                      <>
                        <rect x={left} y={r1(y)} width={r1(Math.max(v > 0 ? 1 : 0, x(v) - left))} height={BAR} fill={PATHWAY_COLOURS[j % PATHWAY_COLOURS.length]} />
                        <text className={styles.value} x={r1(Math.max(x(v), left + 1) + 4)} y={r1(y + BAR / 2)} dy="0.35em">
                          {props.formatValue(v)}
                        </text>
                      </>
                    ) : (
                      <text className={base.empty} x={left + 4} y={r1(y + BAR / 2)} dy="0.35em">
                        {ser.label}: {missingText(c)}
                      </text>
                    )}
                  </g>
                );
              })}
              {conv && i < props.steps.length - 1 && (
                <text className={styles.conversion} x={left + 2} y={r1(gy + stepH + convH / 2)} dy="0.35em" fontSize={fs - 1}>
                  {fitText(`↓ ${conv}`, width - left - 4, fs - 1)}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

export function PathwayChart(props: PathwayChartProps) {
  const items: LegendItem[] = props.series.map((s, j) => ({ key: s.key, label: s.label, colour: PATHWAY_COLOURS[j % PATHWAY_COLOURS.length] }));
  return (
    <ResponsiveChart width={props.width} layout={(w) => <Layout props={props} width={w} />}>
      <Legend items={items} />
    </ResponsiveChart>
  );
}
