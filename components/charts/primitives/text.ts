/**
 * Text measurement and label placement for charts drawn on the server: no DOM, so widths are
 * estimated from a calibrated character table (see textWidth).
 */

/** Font size of all chart text, in SVG units; each layout is drawn at (about) its own pixel width, so ≈ px. */
export const CHART_FONT = 13;

/** Rough width of a text in the system sans-serif at a font size (no DOM needed, so it works on the server). */
export function textWidth(text: string, size = CHART_FONT, bold = false): number {
  // Calibrated on DejaVu Sans (Linux system-ui), the widest common UI font, so labels fit elsewhere too.
  let w = 0;
  for (const ch of text) {
    if ('il.,:;\'|!'.includes(ch)) w += 0.3;
    else if (' ()[]-'.includes(ch)) w += 0.36;
    else if ('ftrjI'.includes(ch)) w += 0.42;
    else if (ch === 'm' || ch === 'w') w += 0.92;
    else if (ch === 'M' || ch === 'W') w += 0.9;
    else if (ch >= 'A' && ch <= 'Z') w += 0.72;
    else if (ch >= '0' && ch <= '9') w += 0.64;
    else w += 0.6;
  }
  return w * size * (bold ? 1.07 : 1);
}

/** Cut a text with "…" so it fits a width. */
export function fitText(text: string, max: number, size = CHART_FONT, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  let t = text;
  while (t.length > 1 && textWidth(`${t}…`, size, bold) > max) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

/**
 * Spread label positions (centres) apart by at least `gap`, within [min, max], as close to their anchors
 * as possible: overlapping labels merge into blocks centred on their anchors' mean (least squares),
 * repeated until no blocks overlap. Returns positions in input order.
 */
export function spreadLabels(anchors: readonly number[], gap: number, min: number, max: number): number[] {
  const order = anchors.map((a, i) => ({ a, i })).sort((p, q) => p.a - q.a || p.i - q.i);
  interface Block { start: number; items: { a: number; i: number }[] }
  const place = (b: Block) => {
    // best start: mean of (anchor − k·gap), clamped so the block fits in [min, max]
    const mean = b.items.reduce((s, it, k) => s + it.a - k * gap, 0) / b.items.length;
    const span = (b.items.length - 1) * gap;
    b.start = Math.max(min, Math.min(max - span, mean));
    if (span > max - min) b.start = min;
  };
  const blocks: Block[] = [];
  for (const it of order) {
    const b: Block = { start: it.a, items: [it] };
    place(b);
    blocks.push(b);
    // merge with previous blocks while they overlap
    while (blocks.length > 1) {
      const cur = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.start + (prev.items.length - 1) * gap + gap <= cur.start + 1e-9) break;
      prev.items.push(...cur.items);
      blocks.pop();
      place(prev);
    }
  }
  const out = new Array<number>(anchors.length);
  for (const b of blocks) b.items.forEach((it, k) => (out[it.i] = b.start + k * gap));
  return out;
}


/* ---- Boxes: greedy label placement among obstacles --------------------------------------------------- */

export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

export const boxesOverlap = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The box of a text line starting at x with its baseline at y (2 units of margin each side). */
export function textBox(x: number, baseline: number, width: number, size = CHART_FONT): Box {
  return { x0: x - 2, x1: x + width + 2, y0: baseline - size * 0.85, y1: baseline + size * 0.25 };
}

/** A square box around a point (a marker to keep clear). */
export function pointBox(x: number, y: number, r: number): Box {
  return { x0: x - r, x1: x + r, y0: y - r, y1: y + r };
}

/**
 * Greedy placement: each label, in the order placed, takes the first of its candidate positions that
 * is inside the plot and clears every obstacle placed so far (markers, other labels); failing that, the
 * first inside; failing that, the first. The chosen box becomes an obstacle for the next label.
 */
export class LabelPlacer {
  private readonly obstacles: Box[] = [];

  constructor(initial: readonly Box[] = []) {
    this.obstacles.push(...initial);
  }

  avoid(b: Box): void {
    this.obstacles.push(b);
  }

  place<C extends { readonly x: number; readonly y: number }>(cands: readonly C[], box: (c: C) => Box, inside: (c: C) => boolean): C {
    const ok = cands.find((c) => inside(c) && !this.obstacles.some((o) => boxesOverlap(o, box(c)))) ?? cands.find(inside) ?? cands[0]!;
    this.obstacles.push(box(ok));
    return ok;
  }
}

/**
 * Direct labels at the end of lines (or beside bars): the most important first while they fit in
 * [min, max] at `lineHeight` apart, then spread apart around their anchors (spreadLabels).
 * Returns the kept items with their label centre y, in priority order.
 */
export function directLabels<T>(items: readonly { readonly item: T; readonly anchor: number; readonly priority: number }[], lineHeight: number, min: number, max: number): { item: T; anchor: number; y: number }[] {
  const capacity = Math.max(0, Math.floor((max - min + lineHeight) / lineHeight));
  const kept = items
    .map((it, i) => ({ ...it, i }))
    .sort((a, b) => a.priority - b.priority || a.i - b.i)
    .slice(0, capacity);
  const ys = spreadLabels(
    kept.map((k) => k.anchor),
    lineHeight,
    min,
    max,
  );
  return kept.map((k, j) => ({ item: k.item, anchor: k.anchor, y: ys[j]! }));
}
