import { CHART_FONT, fitText, textWidth } from './text';
import type { BandScale, LinearScale, YearScale } from './scales';
import base from './chart.module.css';

/**
 * Axis marks. Each is a <g aria-hidden> (the chart's accessible name, table and live text carry the
 * values) drawn from a scale (scales.ts); ticks carry data attributes so tests can read positions.
 */

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The width the y tick labels need (for the plot's left edge). */
export function yLabelWidth(scale: Pick<LinearScale, 'ticks'>, format: (n: number) => string, size = CHART_FONT): number {
  return Math.max(0, ...scale.ticks.map((t) => textWidth(format(t), size)));
}

/** Horizontal grid lines at the y ticks (the zero line darker, as the baseline), labels at the left. */
export function YGrid({ scale, left, right, format }: { readonly scale: LinearScale; readonly left: number; readonly right: number; readonly format: (n: number) => string }) {
  return (
    <g aria-hidden="true">
      {scale.ticks.map((t) => (
        <g key={t} data-y-tick={t}>
          <line className={t === 0 ? base.baseline : base.grid} x1={left} x2={right} y1={r1(scale(t))} y2={r1(scale(t))} />
          <text className={base.tick} x={left - 6} y={r1(scale(t))} dy="0.35em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Vertical grid lines at the x ticks of a value axis (bar charts; the zero line darker, as the baseline), labels under the plot. */
export function XGrid({ scale, top, bottom, labelY, format }: { readonly scale: LinearScale; readonly top: number; readonly bottom: number; readonly labelY: number; readonly format: (n: number) => string }) {
  return (
    <g aria-hidden="true">
      {scale.ticks.map((t) => (
        <g key={t} data-x-tick={t}>
          <line className={t === 0 ? base.baseline : base.grid} x1={r1(scale(t))} x2={r1(scale(t))} y1={top} y2={bottom} />
          <text className={base.tick} x={r1(scale(t))} y={labelY} textAnchor="middle">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * Which years to label: every k-th counting back from the last, so the latest year is always
 * labelled, with k the smallest of 1, 2, 3, 4, 5, 10, 20 that leaves room for the widest label.
 */
export function yearLabelYears(x: YearScale, labelWidth: number): number[] {
  const last = x.years[x.years.length - 1]!;
  const k = [1, 2, 3, 4, 5, 10, 20].find((kk) => kk * x.step >= labelWidth + 10) ?? x.years.length;
  return x.years.filter((yr) => (last - yr) % k === 0);
}

/** A tick under the plot for every year (longer where labelled), and the labels (`data-year` on each tick). */
export function YearAxis({ x, bottom, labelY, labelled, format }: { readonly x: YearScale; readonly bottom: number; readonly labelY: number; readonly labelled: readonly number[]; readonly format: (year: number) => string }) {
  return (
    <g aria-hidden="true">
      {x.years.map((yr) => (
        <line key={yr} data-year={yr} className={base.xtick} x1={r1(x(yr))} x2={r1(x(yr))} y1={bottom} y2={bottom + (labelled.includes(yr) ? 5 : 3)} />
      ))}
      {labelled.map((yr) => (
        <text key={yr} className={base.tick} x={r1(x(yr))} y={labelY} textAnchor="middle">
          {format(yr)}
        </text>
      ))}
    </g>
  );
}

/** Ticks and labels along a numeric x axis (funnel populations, scatter values), with an optional title under them. */
export function XValueAxis({ ticks, bottom, labelY, title, titleX }: { readonly ticks: readonly { x: number; text: string }[]; readonly bottom: number; readonly labelY: number; readonly title?: string; readonly titleX?: number }) {
  return (
    <g aria-hidden="true">
      {ticks.map((t) => (
        <g key={t.text} data-x-tick={t.text}>
          <line className={base.xtick} x1={r1(t.x)} x2={r1(t.x)} y1={bottom} y2={bottom + 5} />
          <text className={base.tick} x={r1(t.x)} y={labelY} textAnchor="middle">
            {t.text}
          </text>
        </g>
      ))}
      {title && titleX !== undefined && (
        <text className={base.axisTitle} x={titleX} y={labelY + CHART_FONT + 6} textAnchor="middle">
          {title}
        </text>
      )}
    </g>
  );
}

/** Labels centred under the bands of a band scale (deciles, pathway steps), cut with "…" to the band's width. */
export function BandAxis<K>({ scale, labelY, label, size = CHART_FONT }: { readonly scale: BandScale<K>; readonly labelY: number; readonly label: (key: K) => string; readonly size?: number }) {
  return (
    <g aria-hidden="true">
      {scale.keys.map((k, i) => (
        <text key={i} className={base.tick} x={r1(scale.centre(k)!)} y={labelY} textAnchor="middle" data-band={String(k)}>
          {fitText(label(k), Math.max(scale.step - 4, size), size)}
        </text>
      ))}
    </g>
  );
}

/** The unit over the y axis ("per 10,000 children aged 0 to 17"), cut to the width. */
export function UnitLabel({ text, width, size = CHART_FONT }: { readonly text: string; readonly width: number; readonly size?: number }) {
  return (
    <text className={base.unit} x={0} y={size}>
      {fitText(text, width - 4, size)}
    </text>
  );
}
