/**
 * Series styles shared by the charts: colour, line width, dash pattern and marker shape, so a line can be
 * told apart without colour (dash + marker) and a label can be read (a darker text colour with at least
 * 4.5:1 contrast on white).
 *
 * Colours are the Okabe–Ito colour-blind-safe set (Okabe & Ito 2008). Yellow (#F0E442) is left out: it
 * is unreadable on white. Orange and sky blue are darkened a little for strokes so every line reaches
 * 3:1 against white (WCAG 1.4.11, non-text contrast); hues are unchanged.
 */

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown' | 'cross' | 'plus';

export interface SeriesStyle {
  /** Stroke and marker colour (≥ 3:1 on white). */
  readonly colour: string;
  /** Colour for text in this series' colour (≥ 4.5:1 on white). */
  readonly text: string;
  /** Line width in SVG units at 1:1 scale. */
  readonly width: number;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  readonly dash: string | undefined;
  readonly marker: MarkerShape;
  /** A short description of the line for legends read aloud ("solid black line"). */
  readonly describe: string;
}

export const ENGLAND_STYLE: SeriesStyle = {
  colour: '#000000',
  text: '#000000',
  width: 3,
  dash: undefined,
  marker: 'circle',
  describe: 'thick solid black line',
};

/** Regions: thin mid-grey lines, deliberately in the background. */
export const REGION_STYLE: SeriesStyle = {
  colour: '#8a9099',
  text: '#5c636b',
  width: 1.5,
  dash: undefined,
  marker: 'circle',
  describe: 'thin grey line',
};

/** Selected areas, in order of selection. Orange and vermillion are kept apart (3 places) as they are the pair most alike for some readers. */
export const AREA_STYLES: readonly SeriesStyle[] = [
  { colour: '#C08000', text: '#8C5E00', width: 2.5, dash: undefined, marker: 'square', describe: 'orange solid line, square markers' },
  { colour: OKABE_ITO.blue, text: OKABE_ITO.blue, width: 2.5, dash: '8 4', marker: 'triangle', describe: 'blue dashed line, triangle markers' },
  { colour: OKABE_ITO.bluishGreen, text: '#00805E', width: 2.5, dash: '2 3', marker: 'diamond', describe: 'green dotted line, diamond markers' },
  { colour: OKABE_ITO.vermillion, text: '#B04A00', width: 2.5, dash: '10 3 2 3', marker: 'triangleDown', describe: 'vermillion dash-dot line, downward triangle markers' },
  { colour: OKABE_ITO.reddishPurple, text: '#A6518A', width: 2.5, dash: '5 3', marker: 'circle', describe: 'purple short-dashed line, circle markers' },
  { colour: '#2F95D4', text: '#1F6E9E', width: 2.5, dash: '12 3', marker: 'cross', describe: 'sky blue long-dashed line, cross markers' },
  { colour: '#5c636b', text: '#5c636b', width: 2.5, dash: '6 2 2 2 2 2', marker: 'plus', describe: 'dark grey dash-dot-dot line, plus markers' },
];

/** The style of the i-th selected area (cycles after seven). */
export function areaStyle(i: number): SeriesStyle {
  return AREA_STYLES[((i % AREA_STYLES.length) + AREA_STYLES.length) % AREA_STYLES.length]!;
}

/**
 * Styles for a list of series by position: England black, regions grey, the i-th area series the i-th
 * area style. Pass the same order everywhere (trend and rank charts) so an area keeps its colour.
 */
export function seriesStyles(series: readonly { readonly key: string; readonly kind: 'england' | 'region' | 'area' }[]): Map<string, SeriesStyle> {
  const out = new Map<string, SeriesStyle>();
  let a = 0;
  for (const s of series) {
    out.set(s.key, s.kind === 'england' ? ENGLAND_STYLE : s.kind === 'region' ? REGION_STYLE : areaStyle(a++));
  }
  return out;
}

/** An SVG path for a marker of a shape centred on (x, y); r is roughly the radius. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const f = (n: number) => Math.round(n * 100) / 100;
  const poly = (pts: readonly (readonly [number, number])[]) => `M${pts.map(([px, py]) => `${f(x + px)},${f(y + py)}`).join('L')}Z`;
  switch (shape) {
    case 'circle':
      return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
    case 'square': {
      const s = r * 0.88;
      return poly([[-s, -s], [s, -s], [s, s], [-s, s]]);
    }
    case 'triangle': {
      const s = r * 1.2;
      return poly([[0, -s], [s * 0.95, s * 0.75], [-s * 0.95, s * 0.75]]);
    }
    case 'triangleDown': {
      const s = r * 1.2;
      return poly([[0, s], [s * 0.95, -s * 0.75], [-s * 0.95, -s * 0.75]]);
    }
    case 'diamond': {
      const s = r * 1.25;
      return poly([[0, -s], [s, 0], [0, s], [-s, 0]]);
    }
    case 'cross': {
      const a = r * 1.1;
      const b = r * 0.4;
      return poly([[-a, -a + b], [-a + b, -a], [0, -b], [a - b, -a], [a, -a + b], [b, 0], [a, a - b], [a - b, a], [0, b], [-a + b, a], [-a, a - b], [-b, 0]]);
    }
    case 'plus': {
      const a = r * 1.15;
      const b = r * 0.38;
      return poly([[-b, -a], [b, -a], [b, -b], [a, -b], [a, b], [b, b], [b, a], [-b, a], [-b, b], [-a, b], [-a, -b], [-b, -b]]);
    }
  }
}

/* ---- Shared layout helpers ---------------------------------------------------------------------- */

/** Font size of all chart text, in SVG units; each layout is drawn at (about) its own pixel width, so ≈ px. */
export const CHART_FONT = 13;

/**
 * Without a measured `width`, a chart draws three layouts and CSS container queries show the one that
 * fits (see the .module.css files; breakpoints 35rem and 54rem of the container): each is scaled by
 * about 0.93 to 1.55, so 13-unit text stays 12–20 px from a 343 px phone column to a 1,150 px desktop
 * one, with no JavaScript.
 */
export const RESPONSIVE_WIDTHS = [360, 600, 920] as const;

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

