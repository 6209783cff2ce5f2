import { STATUS_LABEL, type Cell } from '@/lib/status';
import { ENGLAND_STYLE, markerPath, OKABE_ITO } from './palette';
import { base, CHART_FONT, fitText, Legend, linearScale, ResponsiveChart, textWidth, type LegendItem } from './primitives';
import styles from './NeighboursChart.module.css';

/**
 * An area against its statistical neighbours on several measures: one strip per measure, each on
 * its own scale from zero (the measures differ tenfold, so only positions within a strip compare):
 * the neighbours as hollow circles, their average as a tick, England as a diamond and the area as a
 * filled dot with its figure. Pure: props in, SVG out. A missing figure is not drawn: the strip
 * says so. Each neighbour's circle names itself on hover; every figure is in the table beside.
 */

export interface NeighbourStrip {
  readonly key: string;
  /** "Children in care" */
  readonly label: string;
  /** "31 March 2025" */
  readonly yearLabel: string;
  readonly area: Cell | undefined;
  readonly england: Cell | undefined;
  readonly average: number | undefined;
  readonly neighbours: readonly { readonly name: string; readonly cell: Cell | undefined }[];
}

export interface NeighboursChartProps {
  readonly areaLabel: string;
  readonly strips: readonly NeighbourStrip[];
  readonly unitLabel: string;
  readonly formatValue: (n: number) => string;
  readonly titleId?: string;
  readonly descId?: string;
  readonly width?: number;
}

const AREA_COLOUR = OKABE_ITO.blue;
const AVERAGE_COLOUR = '#8C5E00';
const NEIGHBOUR_COLOUR = '#5c636b';
const r1 = (n: number) => Math.round(n * 10) / 10;
const val = (c: Cell | undefined) => (c?.kind === 'value' ? c.value : undefined);

function Layout({ props, width }: { readonly props: NeighboursChartProps; readonly width: number }) {
  const fs = CHART_FONT;
  const stacked = width < 520;
  const maxLabel = Math.max(0, ...props.strips.map((s) => Math.max(textWidth(s.label, fs, true), textWidth(s.yearLabel, fs - 1))));
  const labelCol = stacked ? 0 : Math.min(maxLabel + 16, Math.round(width * 0.3));
  const left = labelCol + 6;
  const right = width - 10;
  const labelH = stacked ? 2 * fs + 8 : 0;
  const stripH = 46;
  const rowH = labelH + stripH + 10;
  const top = 4;
  const height = top + props.strips.length * rowH;
  return (
    <svg className={base.svg} viewBox={`0 0 ${width} ${height}`} fontSize={fs} role="img" aria-labelledby={props.titleId} aria-describedby={props.descId}>
      {props.strips.map((s, i) => {
        const y0 = top + i * rowH;
        const cy = y0 + labelH + 24;
        const values = [val(s.area), val(s.england), s.average, ...s.neighbours.map((n) => val(n.cell))].filter((v): v is number => v !== undefined);
        const x = linearScale({ domain: [0, Math.max(1, ...values)], range: [left, right], ticks: 2 });
        const a = val(s.area);
        const e = val(s.england);
        const areaText = a !== undefined ? props.formatValue(a) : s.area?.kind === 'missing' ? `${props.areaLabel}: ${STATUS_LABEL[s.area.status]}` : `${props.areaLabel}: no figure`;
        const areaTextW = textWidth(areaText, fs, true);
        const areaX = a !== undefined ? Math.min(Math.max(x(a), left + areaTextW / 2), right - areaTextW / 2) : left + areaTextW / 2;
        return (
          <g key={s.key} data-strip={s.key} aria-hidden="true">
            <text className={styles.label} x={stacked ? 0 : labelCol - 6} y={stacked ? y0 + fs : cy - 3} textAnchor={stacked ? 'start' : 'end'}>
              {fitText(s.label, stacked ? width - 4 : labelCol - 8, fs, true)}
            </text>
            <text className={base.tick} x={stacked ? 0 : labelCol - 6} y={stacked ? y0 + 2 * fs + 2 : cy + fs} textAnchor={stacked ? 'start' : 'end'} fontSize={fs - 1}>
              {s.yearLabel}
            </text>
            <line className={base.baseline} x1={left} x2={right} y1={cy + 10} y2={cy + 10} />
            <text className={base.tick} x={left} y={cy + 10 + fs} fontSize={fs - 2}>
              0
            </text>
            <text className={base.tick} x={right} y={cy + 10 + fs} textAnchor="end" fontSize={fs - 2}>
              {props.formatValue(x.domain[1])}
            </text>
            {s.neighbours.map((n, j) => {
              const v = val(n.cell);
              return v === undefined ? null : (
                <circle key={j} className={styles.neighbour} cx={r1(x(v))} cy={cy} r={5} stroke={NEIGHBOUR_COLOUR} data-neighbour={n.name} data-value={v}>
                  <title>{`${n.name}: ${props.formatValue(v)}`}</title>
                </circle>
              );
            })}
            {s.average !== undefined && <line className={styles.average} x1={r1(x(s.average))} x2={r1(x(s.average))} y1={cy - 11} y2={cy + 11} stroke={AVERAGE_COLOUR} data-average={s.average} />}
            {e !== undefined && <path d={markerPath('diamond', r1(x(e)), cy, 6)} fill={ENGLAND_STYLE.colour} stroke="#fff" strokeWidth={1} data-england={e} />}
            {a !== undefined && <circle cx={r1(x(a))} cy={cy} r={7} fill={AREA_COLOUR} stroke="#fff" strokeWidth={1.5} data-area={a} />}
            <text className={a !== undefined ? styles.areaValue : base.empty} x={r1(areaX)} y={cy - 13} textAnchor="middle" fill={AREA_COLOUR}>
              {areaText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function NeighboursChart(props: NeighboursChartProps) {
  const items: LegendItem[] = [
    { key: 'area', label: props.areaLabel, marker: { d: markerPath('circle', 15, 7, 6), fill: AREA_COLOUR } },
    { key: 'neighbours', label: 'Each statistical neighbour', marker: { d: markerPath('circle', 15, 7, 4.5), fill: '#ffffff', stroke: NEIGHBOUR_COLOUR, strokeWidth: 1.5 } },
    { key: 'average', label: "Neighbours' average", marker: { d: 'M15,0.5L15,13.5', stroke: AVERAGE_COLOUR, strokeWidth: 3 } },
    { key: 'england', label: 'England', marker: { d: markerPath('diamond', 15, 7, 5.5), fill: ENGLAND_STYLE.colour } },
  ];
  return (
    <ResponsiveChart width={props.width} layout={(w) => <Layout props={props} width={w} />}>
      <Legend items={items} note={`${props.unitLabel}. Each measure has its own scale from zero: compare positions within a row, not across rows.`} />
    </ResponsiveChart>
  );
}
