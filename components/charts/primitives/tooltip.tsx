import type { ReactNode } from 'react';
import base from './chart.module.css';

/**
 * A tooltip: an HTML box over one layout of a chart (a sibling of its SVG, inside the layout's
 * position:relative box), placed in % of the layout so it follows the SVG's scaling. aria-hidden:
 * the chart's live region says the same to screen readers.
 *
 * - `point` (a dot): horizontally at the same fraction as the point, so it never leaves the box;
 *   below the point when it is in the upper half of the plot, above it otherwise.
 * - `beside` (a vertical cursor, e.g. a year on a line chart): to the right of the guide in the left
 *   half and to the left of it in the right half, from the plot's top and never below its bottom, so
 *   it covers neither the points at the cursor nor the axis and the marks under it.
 */

const r1 = (n: number) => Math.round(n * 10) / 10;

export interface TooltipAnchor {
  /** The layout's size in SVG units. */
  readonly width: number;
  readonly height: number;
  readonly x: number;
  readonly y: number;
  /** The plot's top and bottom (for `beside`, and for `point` to choose above/below). */
  readonly plotTop: number;
  readonly plotBottom: number;
}

export function Tooltip({ at, placement, children, className }: { readonly at: TooltipAnchor; readonly placement: 'point' | 'beside'; readonly children: ReactNode; readonly className?: string }) {
  const pct = (v: number, of: number) => `${r1(Math.min(100, Math.max(0, (v / of) * 100)))}%`;
  if (placement === 'beside') {
    const right = at.x < at.width / 2;
    return (
      <div
        className={`${base.tooltip} ${right ? base.tooltipRight : base.tooltipLeft} ${className ?? ''}`}
        style={{ left: pct(at.x, at.width), top: pct(at.plotTop, at.height), maxHeight: pct(at.plotBottom - at.plotTop, at.height), maxWidth: `min(20rem, ${r1(Math.max(right ? at.width - at.x : at.x, 0) / at.width * 100 - 2)}%)` }}
        aria-hidden="true"
        data-tooltip=""
      >
        {children}
      </div>
    );
  }
  const fx = Math.min(100, Math.max(0, (at.x / at.width) * 100));
  const below = at.y < (at.plotTop + at.plotBottom) / 2;
  return (
    <div
      className={`${base.tooltip} ${below ? base.tooltipBelow : base.tooltipAbove} ${className ?? ''}`}
      style={{ left: `${r1(fx)}%`, top: pct(at.y, at.height), ['--tx' as string]: `${r1(-fx)}%` }}
      aria-hidden="true"
      data-tooltip=""
    >
      {children}
    </div>
  );
}
