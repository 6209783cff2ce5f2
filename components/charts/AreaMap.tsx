import { memo, useId, useMemo, useRef, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import styles from './AreaMap.module.css';
import { HatchPattern } from './primitives/patterns';

/**
 * One choropleth map of councils as SVG: props in, SVG out. The parent holds the state (which
 * council is under the cursor, which are selected) and gets callbacks.
 *
 * - Colour comes from `fills[code].bin` → `colours[bin]`. A council without a figure is drawn with
 *   a hatch pattern (never a colour that could read as a value), and its reason is in its name.
 * - Interactive when `onCursorChange` or `onSelect` is given: the map is a single tab stop (an
 *   ARIA listbox whose options are the councils, the cursor being the active option). Arrow keys
 *   move to the nearest council in that direction, Home/End to the first/last by name, a letter to
 *   the next council starting with it, Enter/Space select, Escape clears the cursor. Mouse: hover
 *   moves the cursor, click selects.
 * - Performance: the coloured layer is memoised on (shapes, fills, colours, selection), so moving
 *   the cursor repaints only the highlight layer, and a year change only re-renders fills
 *   (path data strings are shared, so React leaves `d` untouched).
 */

export type AreaFill = { readonly bin: number; readonly text?: string } | { readonly missing: string };

export interface AreaMapShape {
  readonly code: string;
  readonly name: string;
  readonly d: string;
  readonly centroid: readonly [number, number];
  /** When given, councils smaller than a few pixels get a ring so their highlight stays visible. */
  readonly bbox?: readonly [readonly [number, number], readonly [number, number]];
}

export interface MapLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Lines of the label (defaults to [text]). */
  readonly lines?: readonly string[];
  readonly anchor?: 'start' | 'middle' | 'end';
  /** Font size in viewBox units (default 10). */
  readonly size?: number;
}

export interface AreaMapProps {
  /** Accessible name of the map, e.g. "Hex cartogram of councils, 31 March 2025". */
  readonly title: string;
  readonly shapes: readonly AreaMapShape[];
  /** Per council code: its class, or why it has no figure. Codes not listed are drawn as "no figure". */
  readonly fills: Readonly<Record<string, AreaFill>>;
  /** One colour per class, light to dark. */
  readonly colours: readonly string[];
  readonly selected: readonly string[];
  readonly cursor: string | null;
  readonly onCursorChange?: (code: string | null) => void;
  readonly onSelect?: (code: string) => void;
  /** Path data drawn over the councils (region borders, hex group outlines). */
  readonly overlay?: string;
  /** Path data of an outer outline (e.g. England's coast), drawn thinner than the overlay. */
  readonly outline?: string;
  readonly labels?: readonly MapLabel[];
  readonly width: number;
  readonly height: number;
  /** id of an element that describes the map further (legend, caption). */
  readonly descId?: string;
  readonly className?: string;
}

/** The hatch of "no figure" now lives with the chart primitives; re-exported for existing imports. */
export { HATCH, HatchPattern } from './primitives/patterns';

export const NO_FIGURE = 'no figure published';

export const MAP_KEYS_HELP =
  'One tab stop. Arrow keys move to the nearest council in that direction; Home and End go to the first and last council by name; typing a letter jumps to the next council starting with it; Enter or Space adds or removes the council; Escape clears.';

/** Accessible name of one council in the map. */
export function areaText(name: string, fill: AreaFill | undefined): string {
  if (!fill) return `${name}: ${NO_FIGURE}`;
  if ('missing' in fill) return fill.missing === NO_FIGURE ? `${name}: ${NO_FIGURE}` : `${name}: no figure (${fill.missing})`;
  return fill.text ? `${name}: ${fill.text}` : name;
}

const SMALL = 7; // px: shapes smaller than this get a ring when highlighted

function isSmall(s: AreaMapShape): boolean {
  if (!s.bbox) return false;
  const [[x0, y0], [x1, y1]] = s.bbox;
  return Math.max(x1 - x0, y1 - y0) < SMALL;
}

type Dir = 'left' | 'right' | 'up' | 'down';
const DIRS: Record<Dir, readonly [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The council nearest to `from` in a direction: among centroids ahead of it (within 60° of the
 * direction), the one minimising distance along the direction plus twice the sideways offset; if
 * nothing lies in that cone, any centroid ahead. undefined at the edge of the map.
 */
export function nearestInDirection(shapes: readonly AreaMapShape[], from: AreaMapShape, dir: Dir): AreaMapShape | undefined {
  const [ux, uy] = DIRS[dir];
  const [cx, cy] = from.centroid;
  let best: AreaMapShape | undefined;
  let bestScore = Infinity;
  let fallback: AreaMapShape | undefined;
  let fallbackScore = Infinity;
  for (const s of shapes) {
    if (s.code === from.code) continue;
    const dx = s.centroid[0] - cx;
    const dy = s.centroid[1] - cy;
    const along = dx * ux + dy * uy;
    if (along <= 0.5) continue;
    const side = Math.abs(dx * uy - dy * ux);
    const score = along + 2 * side;
    if (side <= along * 1.74 && score < bestScore) {
      best = s;
      bestScore = score;
    }
    if (score < fallbackScore) {
      fallback = s;
      fallbackScore = score;
    }
  }
  return best ?? fallback;
}

interface FillLayerProps {
  readonly shapes: readonly AreaMapShape[];
  readonly fills: Readonly<Record<string, AreaFill>>;
  readonly colours: readonly string[];
  readonly hatch: string;
  readonly idPrefix: string;
  readonly interactive: boolean;
  /** Selected codes joined by "," (a string so memo compares by value). */
  readonly selectedKey: string;
}

/** Every council's coloured shape, with its name; re-rendered only when fills or selection change. */
const FillLayer = memo(function FillLayer({ shapes, fills, colours, hatch, idPrefix, interactive, selectedKey }: FillLayerProps) {
  const selected = new Set(selectedKey ? selectedKey.split(',') : []);
  return (
    <g className={styles.fills} role={interactive ? 'none' : undefined}>
      {shapes.map((s) => {
        const f = fills[s.code];
        const colour = f && 'bin' in f ? colours[f.bin] : undefined;
        return (
          <path
            key={s.code}
            id={`${idPrefix}${s.code}`}
            d={s.d}
            fill={colour ?? `url(#${hatch})`}
            data-code={s.code}
            data-missing={colour === undefined ? '' : undefined}
            role={interactive ? 'option' : undefined}
            aria-selected={interactive ? selected.has(s.code) : undefined}
          >
            <title>{areaText(s.name, f)}</title>
          </path>
        );
      })}
    </g>
  );
});

export function AreaMap({
  title,
  shapes,
  fills,
  colours,
  selected,
  cursor,
  onCursorChange,
  onSelect,
  overlay,
  outline,
  labels,
  width,
  height,
  descId,
  className,
}: AreaMapProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const hatch = `${uid}-hatch`;
  const idPrefix = `${uid}-a-`;
  const keysId = `${uid}-keys`;
  const interactive = Boolean(onCursorChange || onSelect);

  const byCode = useMemo(() => new Map(shapes.map((s) => [s.code, s])), [shapes]);
  // Sorted by name only when a key needs it (Home, End, a letter): the first en-GB comparison loads
  // ICU's collation data, ~20 ms on a phone, which a map that is only looked at never needs.
  const sortedByName = useRef<{ shapes: readonly AreaMapShape[]; sorted: readonly AreaMapShape[] } | undefined>(undefined);
  const byName = () => {
    if (sortedByName.current?.shapes !== shapes) sortedByName.current = { shapes, sorted: [...shapes].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) };
    return sortedByName.current.sorted;
  };
  const selectedKey = selected.filter((c) => byCode.has(c)).join(',');
  const cursorShape = cursor === null ? undefined : byCode.get(cursor);

  const move = (code: string | null) => {
    if (code !== cursor) onCursorChange?.(code);
  };

  /** Where the keyboard starts when nothing is under the cursor: a selected council, else the one nearest the middle. */
  const start = (): AreaMapShape | undefined => {
    for (const c of selected) {
      const s = byCode.get(c);
      if (s) return s;
    }
    let best: AreaMapShape | undefined;
    let d = Infinity;
    for (const s of shapes) {
      const e = (s.centroid[0] - width / 2) ** 2 + (s.centroid[1] - height / 2) ** 2;
      if (e < d) [best, d] = [s, e];
    }
    return best;
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || shapes.length === 0) return;
    const arrow: Record<string, Dir> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
    const dir = arrow[e.key];
    if (dir) {
      e.preventDefault();
      const next = cursorShape ? nearestInDirection(shapes, cursorShape, dir) : start();
      if (next) move(next.code);
      return;
    }
    switch (e.key) {
      case 'Home':
        e.preventDefault();
        move(byName()[0]!.code);
        return;
      case 'End':
        e.preventDefault();
        move(byName().at(-1)!.code);
        return;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (cursorShape) onSelect?.(cursorShape.code);
        else {
          const s = start();
          if (s) move(s.code);
        }
        return;
      case 'Escape':
        if (cursor !== null) {
          e.preventDefault();
          move(null);
        }
        return;
    }
    if (e.key.length === 1 && /\p{L}|\p{N}/u.test(e.key)) {
      // Type-ahead: the next council (by name, after the cursor) starting with that character.
      const ch = e.key.toLocaleLowerCase('en-GB');
      const names = byName();
      const from = cursorShape ? names.findIndex((s) => s.code === cursorShape.code) : -1;
      for (let i = 1; i <= names.length; i++) {
        const s = names[(from + i) % names.length]!;
        if (s.name.toLocaleLowerCase('en-GB').startsWith(ch)) {
          e.preventDefault();
          move(s.code);
          return;
        }
      }
    }
  };

  const codeOf = (t: EventTarget | null): string | undefined =>
    t instanceof Element ? (t.closest('[data-code]')?.getAttribute('data-code') ?? undefined) : undefined;
  const onPointerOver = (e: PointerEvent<SVGSVGElement>) => {
    const c = codeOf(e.target);
    if (c) move(c);
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const c = codeOf(e.target);
    if (c) {
      move(c);
      onSelect?.(c);
    }
  };

  const selectedShapes = selectedKey ? selectedKey.split(',').map((c) => byCode.get(c)!) : [];
  const describedBy = [interactive ? keysId : undefined, descId].filter(Boolean).join(' ') || undefined;

  return (
    <svg
      className={[styles.map, interactive ? styles.interactive : '', className ?? ''].filter(Boolean).join(' ')}
      viewBox={`0 0 ${width} ${height}`}
      role={interactive ? 'listbox' : 'img'}
      aria-label={title}
      aria-describedby={describedBy}
      aria-multiselectable={interactive ? true : undefined}
      aria-activedescendant={interactive && cursorShape ? `${idPrefix}${cursorShape.code}` : undefined}
      tabIndex={interactive ? 0 : undefined}
      onKeyDown={interactive ? onKeyDown : undefined}
      onPointerOver={interactive ? onPointerOver : undefined}
      // Only a mouse leaving clears the cursor: after a tap, touch pointers "leave" at once, and the
      // tapped council should stay in the info panel.
      onPointerLeave={interactive ? (e) => e.pointerType === 'mouse' && move(null) : undefined}
      onClick={interactive ? onClick : undefined}
    >
      {interactive && <desc id={keysId}>{MAP_KEYS_HELP}</desc>}
      <defs aria-hidden="true">
        <HatchPattern id={hatch} />
      </defs>
      <FillLayer shapes={shapes} fills={fills} colours={colours} hatch={hatch} idPrefix={idPrefix} interactive={interactive} selectedKey={selectedKey} />
      <g aria-hidden="true" className={styles.decor}>
        {outline && <path className={styles.outline} d={outline} />}
        {overlay && <path className={styles.overlay} d={overlay} />}
        {labels && labels.length > 0 && (
          <g className={styles.labels}>
            {labels.map((l, i) => {
              const lines = l.lines ?? [l.text];
              return (
                <text key={i} x={l.x} y={l.y} textAnchor={l.anchor ?? 'middle'} dominantBaseline="middle" fontSize={l.size ?? 10}>
                  {lines.map((line, j) => (
                    <tspan key={j} x={l.x} dy={j === 0 ? `${-(lines.length - 1) * 0.55}em` : '1.1em'}>
                      {line}
                    </tspan>
                  ))}
                </text>
              );
            })}
          </g>
        )}
        {selectedShapes.map((s) => (
          <g key={s.code} className={styles.selected} data-selected={s.code}>
            <path className={styles.selectedHalo} d={s.d} />
            <path className={styles.selectedLine} d={s.d} />
            {isSmall(s) && <circle className={styles.selectedRing} cx={s.centroid[0]} cy={s.centroid[1]} r={7} />}
          </g>
        ))}
        {cursorShape && (
          <g className={styles.cursor} data-cursor={cursorShape.code}>
            <path className={styles.cursorHalo} d={cursorShape.d} />
            <path className={styles.cursorLine} d={cursorShape.d} />
            {isSmall(cursorShape) && <circle className={styles.cursorRing} cx={cursorShape.centroid[0]} cy={cursorShape.centroid[1]} r={9} />}
          </g>
        )}
      </g>
    </svg>
  );
}
