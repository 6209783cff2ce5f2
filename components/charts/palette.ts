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

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown' | 'cross' | 'plus' | 'star';

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

/**
 * Selected areas, in order of selection: MAX_AREAS (8) styles, so no two selected areas ever share one.
 * Each differs from every other (and from England) in dash pattern AND marker shape, so a reader who
 * cannot tell the colours apart can still tell the lines apart (issue 12, item 3). Colours: five
 * Okabe–Ito hues (orange and sky blue darkened for contrast), then Paul Tol's purple and wine and a dark
 * olive. Okabe–Ito's reddish purple is not used: under deuteranopia it is almost the regions' grey
 * (tested in chart-primitives.test.ts). No grey either, so no selected line can pass for a region.
 * Orange and vermillion, the pair most alike for some readers, are kept apart (3 places).
 */
export const AREA_STYLES: readonly SeriesStyle[] = [
  { colour: '#C08000', text: '#8C5E00', width: 2.5, dash: undefined, marker: 'square', describe: 'orange solid line, square markers' },
  { colour: OKABE_ITO.blue, text: OKABE_ITO.blue, width: 2.5, dash: '9 4', marker: 'triangle', describe: 'blue dashed line, triangle markers' },
  { colour: OKABE_ITO.bluishGreen, text: '#00805E', width: 2.5, dash: '2 3', marker: 'diamond', describe: 'green dotted line, diamond markers' },
  { colour: OKABE_ITO.vermillion, text: '#B04A00', width: 2.5, dash: '10 3 2 3', marker: 'triangleDown', describe: 'vermillion dash-dot line, downward triangle markers' },
  { colour: '#AA3377', text: '#AA3377', width: 2.5, dash: '4 3', marker: 'circle', describe: 'purple short-dashed line, circle markers' },
  { colour: '#2F95D4', text: '#1F6E9E', width: 2.5, dash: '16 4', marker: 'cross', describe: 'sky blue long-dashed line, cross markers' },
  { colour: '#882255', text: '#882255', width: 2.5, dash: '10 3 2 3 2 3', marker: 'plus', describe: 'wine dash-dot-dot line, plus markers' },
  { colour: '#7A7A00', text: '#666600', width: 2.5, dash: '16 3 5 3', marker: 'star', describe: 'olive long-and-short-dashed line, star markers' },
];

/** The style of the i-th selected area (cycles after AREA_STYLES.length, which is MAX_AREAS). */
export function areaStyle(i: number): SeriesStyle {
  return AREA_STYLES[((i % AREA_STYLES.length) + AREA_STYLES.length) % AREA_STYLES.length]!;
}

/** GSS codes of English regions (E12…) and of England (E92…): not councils. */
export function isRegionCode(code: string): boolean {
  return /^E1200/.test(code);
}

/**
 * The style slot of each selected area: councils first, in selection order, then selected regions.
 * Rank charts and maps draw councils only, so a council keeps the same style on every chart even
 * when a region was picked before it.
 */
export function selectionSlots(codes: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of codes) if (!isRegionCode(c) && !/^E92/.test(c) && !out.has(c)) out.set(c, out.size);
  for (const c of codes) if (isRegionCode(c) && !out.has(c)) out.set(c, out.size);
  return out;
}

/**
 * Styles for a list of series: England black, background regions grey, and each 'area' series (a
 * selected council or region) its selection slot's style (see selectionSlots), keyed by series key
 * (an area code). Pass the same order everywhere (trend and rank charts) so an area keeps its style.
 */
export function seriesStyles(series: readonly { readonly key: string; readonly kind: 'england' | 'region' | 'area' }[]): Map<string, SeriesStyle> {
  const slots = selectionSlots(series.filter((s) => s.kind === 'area').map((s) => s.key));
  const out = new Map<string, SeriesStyle>();
  for (const s of series) {
    out.set(s.key, s.kind === 'england' ? ENGLAND_STYLE : s.kind === 'region' ? REGION_STYLE : areaStyle(slots.get(s.key) ?? 0));
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
    case 'star': {
      // five points; inner radius 0.45 of the outer so it reads as a star, not a pentagon, at 4 px
      const o = r * 1.3;
      const i = o * 0.45;
      const pts: [number, number][] = [];
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        const rr = k % 2 ? i : o;
        pts.push([rr * Math.cos(a), rr * Math.sin(a)]);
      }
      return poly(pts);
    }
    case 'plus': {
      const a = r * 1.15;
      const b = r * 0.38;
      return poly([[-b, -a], [b, -a], [b, -b], [a, -b], [a, b], [b, b], [b, a], [-b, a], [-b, b], [-a, b], [-a, -b], [-b, -b]]);
    }
  }
}

/* ---- Shared layout helpers (now in primitives/text.ts; re-exported here for existing imports) ------- */

export { CHART_FONT, fitText, spreadLabels, textWidth } from './primitives/text';
export { RESPONSIVE_WIDTHS } from './primitives/responsive';
