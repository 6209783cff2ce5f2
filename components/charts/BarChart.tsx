import { STATUS_LABEL, type Cell } from '@/lib/status';
import { ENGLAND_STYLE, markerPath, OKABE_ITO } from './palette';
import { base, CHART_FONT, fitText, Legend, linearScale, ResponsiveChart, textWidth, XGrid, type LegendItem } from './primitives';
import styles from './BarChart.module.css';

/**
 * Horizontal bars, one row per category (factors at assessment, pathway steps…), for one area, with
 * an optional comparison drawn as a tick on each row (England). Pure: props in, SVG out. A missing
 * value is no bar: its row says why ("suppressed"), never a zero. Labels sit left of the bars on
 * wider layouts and over them on a phone, so long labels are never cut to nothing. The data table
 * under the chart (a <details>) holds every figure.
 */

export interface BarRow {
  readonly key: string;
  readonly label: string;
  readonly value: Cell | undefined;
  /** The comparison's figure for the same row (England), if a comparison is drawn. */
  readonly compare?: Cell | undefined;
}

export interface BarChartProps {
  readonly rows: readonly BarRow[];
  /** "Blackpool"; the bars' series name in the key and the table. */
  readonly seriesLabel: string;
  /** "England"; when given, each row's `compare` is drawn as a tick. */
  readonly compareLabel?: string;
  /** "% of assessments with factor information". */
  readonly unitLabel: string;
  readonly formatValue: (n: number) => string;
  /** Fixed upper end of the axis (100 for percentages); default: the largest value, rounded out. */
  readonly max?: number;
  readonly titleId?: string;
  readonly descId?: string;
  /** Caption of the table version. */
  readonly tableCaption: string;
  readonly width?: number;
}

const ROW = 26;
const r1 = (n: number) => Math.round(n * 10) / 10;

function missingText(c: Cell | undefined): string {
  return c === undefined ? 'no figure' : c.kind === 'missing' ? STATUS_LABEL[c.status] : '';
}

/** Where a bar's figure starts: 4 units after the bar's end, or after a comparison marker (±6 units) that would overlap it. */
function valueX(barEnd: number, marker: number | undefined, textW: number): number {
  const at = barEnd + 4;
  return marker !== undefined && marker + 6 > at - 2 && marker - 6 < at + textW ? Math.max(at, marker + 10) : at;
}

function Layout({ props, width }: { props: BarChartProps; width: number }) {
  const fs = CHART_FONT;
  const stacked = width < 520; // label over its bar on a phone
  const values = props.rows.flatMap((r) => [r.value, r.compare]).flatMap((c) => (c?.kind === 'value' ? [c.value] : []));
  const maxLabel = Math.max(0, ...props.rows.map((r) => textWidth(r.label, fs)));
  const labelCol = stacked ? 0 : Math.min(maxLabel + 12, Math.round(width * 0.42));
  const valueRoom = textWidth(props.formatValue(Math.max(0, ...values)), fs) + 10;
  const left = labelCol;
  const right = width - valueRoom;
  const top = fs + 14;
  const rowH = stacked ? ROW + fs + 4 : ROW;
  const x = linearScale({ domain: [0, props.max ?? Math.max(1, ...values)], range: [left, right], nice: props.max === undefined, ticks: Math.max(2, Math.round((right - left) / 90)) });
  const height = top + props.rows.length * rowH + fs + 10;
  const bottom = height - fs - 8;
  return (
    <svg className={base.svg} viewBox={`0 0 ${width} ${height}`} fontSize={fs} role="img" aria-labelledby={props.titleId} aria-describedby={props.descId}>
      <text className={base.unit} x={left} y={fs}>
        {fitText(props.unitLabel, width - left - 4, fs)}
      </text>
      <XGrid scale={x} top={top - 4} bottom={bottom} labelY={height - 4} format={props.formatValue} />
      <g aria-hidden="true">
        {props.rows.map((r, i) => {
          const y0 = top + i * rowH;
          const barY = stacked ? y0 + fs + 4 : y0 + 4;
          const barH = ROW - 8;
          const v = r.value?.kind === 'value' ? r.value.value : undefined;
          const c = r.compare?.kind === 'value' ? r.compare.value : undefined;
          return (
            <g key={r.key} data-row={r.key} data-value={v ?? ''}>
              <text className={styles.label} x={stacked ? 0 : labelCol - 8} y={stacked ? y0 + fs : barY + barH / 2} dy={stacked ? undefined : '0.35em'} textAnchor={stacked ? 'start' : 'end'}>
                {fitText(r.label, stacked ? width - 4 : labelCol - 10, fs)}
              </text>
              {v !== undefined ? (
                <>
                  <rect className={styles.bar} x={left} y={r1(barY)} width={r1(Math.max(0, x(v) - left))} height={barH} fill={OKABE_ITO.blue} />
                  {/* The figure after the bar, or after the comparison's marker when that would cover it. */}
                  <text className={styles.value} x={r1(valueX(x(v), c === undefined || !props.compareLabel ? undefined : x(c), textWidth(props.formatValue(v), fs)))} y={r1(barY + barH / 2)} dy="0.35em">
                    {props.formatValue(v)}
                  </text>
                </>
              ) : (
                <text className={base.empty} x={left + 4} y={r1(barY + barH / 2)} dy="0.35em">
                  {missingText(r.value)}
                </text>
              )}
              {props.compareLabel && c !== undefined && <path className={styles.compare} d={markerPath('diamond', r1(x(c)), r1(barY + barH / 2), 5.5)} fill={ENGLAND_STYLE.colour} data-compare={c} />}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

export function BarChart(props: BarChartProps) {
  const items: LegendItem[] = [{ key: 'bars', label: props.seriesLabel, colour: OKABE_ITO.blue }];
  if (props.compareLabel) items.push({ key: 'compare', label: props.compareLabel, marker: { d: markerPath('diamond', 15, 7, 5.5), fill: ENGLAND_STYLE.colour } });
  return (
    <ResponsiveChart width={props.width} layout={(w) => <Layout props={props} width={w} />}>
      {props.compareLabel && <Legend items={items} />}
      <details className={styles.table}>
        <summary>Show as a table</summary>
        <div className={styles.scroll} role="region" aria-label={props.tableCaption} tabIndex={0}>
          <table>
            <caption>{props.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">&nbsp;</th>
                <th scope="col">{props.seriesLabel}</th>
                {props.compareLabel && <th scope="col">{props.compareLabel}</th>}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td>{r.value?.kind === 'value' ? props.formatValue(r.value.value) : missingText(r.value)}</td>
                  {props.compareLabel && <td>{r.compare?.kind === 'value' ? props.formatValue(r.compare.value) : missingText(r.compare)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </ResponsiveChart>
  );
}
