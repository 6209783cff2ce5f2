import type { ReactNode } from 'react';
import base from './chart.module.css';

/**
 * Without a measured `width`, a chart draws three layouts and CSS container queries show the one that
 * fits (chart.module.css, breakpoints 35rem and 54rem of the container): each is scaled by about 0.93
 * to 1.55, so 13-unit text stays 12–20 px from a 343 px phone column to a 1,150 px desktop one, with
 * no JavaScript. With a measured width, one layout is drawn at that width.
 */
export const RESPONSIVE_WIDTHS = [360, 600, 920] as const;

/** The layout widths to draw: the responsive set, or one at a measured width (at least `min`). */
export function layoutWidths(width: number | undefined, min = 280): readonly number[] {
  return width === undefined ? RESPONSIVE_WIDTHS : [Math.max(min, Math.round(width))];
}

/**
 * The chart's root: one box per layout width (`data-layout`, which the exporter uses to pick the
 * layout that fits an export), shown by container query, then `children` (legend, live region,
 * notes) once, under all layouts. `layout(width, i)` draws one layout: its SVG and its tooltip.
 */
export function ResponsiveChart({ width, layout, className, children }: { readonly width: number | undefined; readonly layout: (width: number, index: number) => ReactNode; readonly className?: string; readonly children?: ReactNode }) {
  const responsive = width === undefined;
  const widths = layoutWidths(width);
  return (
    <div className={`${base.root} ${responsive ? base.responsive : ''} ${className ?? ''}`}>
      {widths.map((w, i) => (
        <div key={w} className={`${base.layout} ${responsive ? base[`r${i}`] : ''}`} data-layout={w}>
          {layout(w, i)}
        </div>
      ))}
      {children}
    </div>
  );
}
