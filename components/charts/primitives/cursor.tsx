import type { FocusEvent, KeyboardEvent, ReactNode } from 'react';
import base from './chart.module.css';

/**
 * The keyboard cursor of a chart: the plot is ONE tab stop (a focusable <g role="application">), the
 * arrow keys move a cursor the parent holds, and an aria-live region reads where it is. Pointer
 * hover/tap moves the same cursor. Helpers here are pure; the chart calls the parent's callback.
 *
 * Keys: ←/→ (and ↑/↓ in a list) previous/next, PageUp/PageDown by ten, Home/End first/last,
 * Escape clears; Enter/Space "activates" (select a council, open a point).
 */

export type CursorMove = 'prev' | 'next' | 'up' | 'down' | 'pagePrev' | 'pageNext' | 'first' | 'last' | 'clear' | 'activate';

const KEYS: Readonly<Record<string, CursorMove>> = {
  ArrowLeft: 'prev',
  ArrowRight: 'next',
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageDown: 'pagePrev',
  PageUp: 'pageNext',
  Home: 'first',
  End: 'last',
  Escape: 'clear',
  Enter: 'activate',
  ' ': 'activate',
};

/** The move a key asks for, or undefined for a key the chart leaves alone (Tab, letters). */
export function keyMove(key: string): CursorMove | undefined {
  return KEYS[key];
}

/**
 * The next index in a list of n items (ranked councils, scatter dots in reading order) for a move:
 * ↑ counts as next and ↓ as previous (higher = up). With no cursor yet, any move starts at `start`
 * (default the last item), Home/End go to the ends. null = clear; undefined = no change.
 */
export function stepIndex(move: CursorMove, i: number | undefined, n: number, opts: { page?: number; start?: number } = {}): number | null | undefined {
  if (n <= 0) return undefined;
  const page = opts.page ?? 10;
  const clamp = (k: number) => Math.max(0, Math.min(n - 1, k));
  if (move === 'clear') return null;
  if (move === 'first') return 0;
  if (move === 'last') return n - 1;
  if (move === 'activate') return undefined;
  if (i === undefined || i < 0) return clamp(opts.start ?? n - 1);
  switch (move) {
    case 'next':
    case 'up':
      return clamp(i + 1);
    case 'prev':
    case 'down':
      return clamp(i - 1);
    case 'pageNext':
      return clamp(i + page);
    case 'pagePrev':
      return clamp(i - page);
  }
}

/** A pointer event's position in the SVG's own units (the viewBox is 0 0 width height). */
export function pointerToView(e: { readonly clientX: number; readonly clientY: number; readonly currentTarget: Element }, width: number, height: number): readonly [number, number] | undefined {
  const r = e.currentTarget.getBoundingClientRect();
  if (!r.width || !r.height) return undefined;
  return [((e.clientX - r.left) * width) / r.width, ((e.clientY - r.top) * height) / r.height];
}

/** The nearest of some points (scatter dots, funnel councils) to a position, within maxDist. */
export function nearestPoint(points: readonly (readonly [number, number] | undefined)[], x: number, y: number, maxDist = Infinity): { index: number; dist: number } | undefined {
  let best: { index: number; dist: number } | undefined;
  points.forEach((p, index) => {
    if (!p) return;
    const dist = Math.hypot(p[0] - x, p[1] - y);
    if (dist <= maxDist && (!best || dist < best.dist)) best = { index, dist };
  });
  return best;
}

/** Keyboard order of points: left to right, then top to bottom (so ←/→ walk a scatter plot as it reads). */
export function readingOrder(points: readonly (readonly [number, number])[]): number[] {
  return points.map((p, i) => ({ p, i })).sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i).map((o) => o.i);
}

/** True when focus came from the keyboard (a click focuses too, but its pointerdown has already placed the cursor). */
export function isKeyboardFocus(e: FocusEvent<Element>): boolean {
  try {
    return e.currentTarget.matches(':focus-visible');
  } catch {
    return true; // old browsers: assume keyboard
  }
}

/** The screen-reader text of the cursor: polite, atomic, visually hidden. Render it once per chart (not per layout). */
export function LiveRegion({ text }: { readonly text: string }) {
  return (
    <div className={base.srOnly} aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

/**
 * The focusable plot: one tab stop when `onKeyDown` is given, with a transparent hit area (so hover
 * works between marks) and a focus ring drawn in SVG (outlines on <g> are unreliable). Children are
 * the marks. `help` is the keyboard help read on focus.
 */
export function PlotArea({
  box,
  ringBox,
  help,
  onKeyDown,
  onFocus,
  onBlur,
  children,
}: {
  readonly box: { x: number; y: number; width: number; height: number };
  /** The focus ring's box, when it differs from the hit area. */
  readonly ringBox?: { x: number; y: number; width: number; height: number };
  readonly help?: string;
  readonly onKeyDown?: (e: KeyboardEvent<SVGGElement>) => void;
  readonly onFocus?: (e: FocusEvent<SVGGElement>) => void;
  readonly onBlur?: (e: FocusEvent<SVGGElement>) => void;
  readonly children: ReactNode;
}) {
  const interactive = onKeyDown !== undefined;
  const ring = ringBox ?? box;
  return (
    <g className={base.plot} tabIndex={interactive ? 0 : undefined} role={interactive ? 'application' : undefined} aria-label={interactive ? help : undefined} onKeyDown={onKeyDown} onFocus={onFocus} onBlur={onBlur}>
      <rect className={base.hit} x={box.x} y={box.y} width={box.width} height={box.height} />
      <rect data-export-ignore="" className={base.focusRing} x={ring.x} y={ring.y} width={ring.width} height={ring.height} rx={4} />
      {children}
    </g>
  );
}
