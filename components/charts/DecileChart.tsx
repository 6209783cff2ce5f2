import { formatRate } from '@/lib/format';
import { base, CHART_FONT, fitText, Legend, linearScale, ResponsiveChart, textWidth, type LegendItem } from './primitives';
import styles from './DecileChart.module.css';

/**
 * Rates by neighbourhood deprivation decile (the Child Welfare Inequalities Project's gradient):
 * one panel of horizontal bars per measure, decile 1 (the most deprived tenth of neighbourhoods) at
 * the top, each bar labelled with its rate. Props in, SVG out (no hooks). Highlighted deciles (the
 * ones a claim compares) are drawn in the full colour, the others lighter; the legend says so.
 * Side by side from 600 units wide, stacked below; `compact` draws one small panel set for cards.
 */

export interface DecileRates {
  readonly key: string;
  readonly title: string;
  /** Deciles 1 to 10 with their rate per 10,000 children. */
  readonly rates: readonly { readonly decile: number; readonly value: number }[];
}

export interface DecileChartProps {
  readonly panels: readonly DecileRates[];
  /** Deciles to emphasise (e.g. [1, 10] for "most against least deprived"); none = every bar in full colour. */
  readonly highlight?: readonly number[];
  readonly titleId?: string;
  readonly descId?: string;
  readonly ariaLabel?: string;
  /** Measured width: one layout; otherwise the responsive set. */
  readonly width?: number;
  /** A small chart for cards: no legend, shorter rows. */
  readonly compact?: boolean;
}

const FULL = '#0b5cad';
const LIGHT = '#9dbde3';

function Panel({ p, x0, width, top, row, hl, max, fs }: { p: DecileRates; x0: number; width: number; top: number; row: number; hl: ReadonlySet<number>; max: number; fs: number }) {
  const labelW = textWidth('10', fs) + 6;
  const valueW = textWidth(formatRate(max), fs) + 6;
  const x = linearScale({ domain: [0, max], range: [x0 + labelW, x0 + width - valueW], nice: false });
  const sorted = [...p.rates].sort((a, b) => a.decile - b.decile);
  return (
    <g data-panel={p.key}>
      <text className={styles.panelTitle} x={x0} y={top - 8}>
        {fitText(p.title, width, fs, true)}
      </text>
      {sorted.map((r, i) => {
        const y = top + i * row;
        const on = hl.size === 0 || hl.has(r.decile);
        return (
          <g key={r.decile} data-decile={r.decile} data-value={r.value}>
            <text className={base.tick} x={x0 + labelW - 6} y={y + row / 2} dy="0.35em" textAnchor="end">
              {r.decile}
            </text>
            <rect x={x(0)} y={y + 2} width={Math.max(1, x(r.value) - x(0))} height={row - 4} fill={on ? FULL : LIGHT} />
            <text className={on ? styles.valueOn : styles.value} x={x(r.value) + 4} y={y + row / 2} dy="0.35em">
              {formatRate(r.value)}
            </text>
          </g>
        );
      })}
      <line className={base.baseline} x1={x(0)} x2={x(0)} y1={top} y2={top + sorted.length * row} />
    </g>
  );
}

export function DecileChart(props: DecileChartProps) {
  const fs = CHART_FONT;
  const hl = new Set(props.highlight ?? []);
  const max = Math.max(1, ...props.panels.flatMap((p) => p.rates.map((r) => r.value)));
  const label =
    props.ariaLabel ??
    (props.titleId ? undefined : `Bar chart by neighbourhood deprivation decile, 1 most deprived to 10 least: ${props.panels.map((p) => `${p.title} ${[...p.rates].sort((a, b) => a.decile - b.decile).map((r) => formatRate(r.value)).join(', ')}`).join('; ')}`);
  const items: LegendItem[] = props.compact
    ? []
    : [
        ...(hl.size ? [{ key: 'hl', label: `In full colour: decile${hl.size > 1 ? 's' : ''} ${[...hl].sort((a, b) => a - b).join(' and ')}, the ones compared`, colour: FULL }, { key: 'rest', label: 'The other deciles', colour: LIGHT }] : []),
      ];
  return (
    <ResponsiveChart
      width={props.width}
      layout={(w) => {
        const row = props.compact ? 13 : w < 520 ? 19 : 22;
        const side = w >= 600 && props.panels.length > 1;
        const gap = 28;
        const cols = side ? props.panels.length : 1;
        const pw = (w - gap * (cols - 1)) / cols;
        const panelH = fs + 14 + 10 * row;
        const rows = side ? 1 : props.panels.length;
        const height = Math.ceil(rows * panelH + (rows - 1) * 14 + 4);
        return (
          <svg className={base.svg} viewBox={`0 0 ${w} ${height}`} width="100%" role="img" aria-labelledby={props.titleId} aria-describedby={props.descId} aria-label={label} fontSize={fs}>
            {props.panels.map((p, i) => {
              const col = side ? i : 0;
              const r = side ? 0 : i;
              return <Panel key={p.key} p={p} x0={col * (pw + gap)} width={pw} top={r * (panelH + 14) + fs + 14} row={row} hl={hl} max={max} fs={fs} />;
            })}
          </svg>
        );
      }}
    >
      {!props.compact && <Legend items={items} note="Rows: neighbourhood deprivation decile, 1 = the most deprived tenth of neighbourhoods, 10 = the least deprived. Rates per 10,000 children." />}
    </ResponsiveChart>
  );
}
