import type { CsvExport } from './types';

/**
 * The chart export engine of the share kit (DESIGN §5): a chart as shown → a standalone SVG (and a
 * PNG from it), and a view's figures → CSV. Browser-only (DOM, canvas), no React, no dependencies;
 * `csvText` alone is pure and also runs in Node.
 *
 * SVG export (`buildExportSvg`):
 * - Charts: the visible <svg> charts in the container (display:none layouts, aria-hidden icons and
 *   swatches, svgs smaller than 120×60 px, anything inside `[data-export-legend]` or
 *   `[data-export-ignore]` are skipped; `data-export-chart` forces an svg in). A chart drawn in
 *   several responsive layouts (siblings with `data-layout`) is exported in the layout nearest the
 *   export width, not necessarily the one on screen (`layout: 'visible'` keeps that one).
 * - Each chart is cloned and its computed styles are written as presentation attributes (fill,
 *   stroke and stroke-*, opacity, fonts, text-anchor, dominant-baseline, paint-order, visibility),
 *   only where they differ from the parent, after every class, style and presentation attribute was
 *   removed; so no stylesheet, class or CSS variable is needed. `vector-effect: non-scaling-stroke`
 *   becomes a plain stroke width in user units, as thick relative to the chart as on screen.
 * - Removed: display:none elements, shapes with neither fill nor stroke (hit areas, unfocused focus
 *   rings), `[data-export-ignore]` and `[data-cursor]` (cursor marks), keyboard help <desc>,
 *   <foreignObject>, <script>, <image>, ids nothing refers to, data-*, aria-*, role, tabindex.
 *   Kept: <defs> (ids referenced through url(#…) or href are renamed "c{chart}-{n}", so two charts'
 *   patterns never clash), <title> and <desc>.
 * - Legends drawn in HTML are declared with `data-export-legend` (JSON, see ExportLegend) and drawn
 *   as SVG swatches and text; `data-export-note` elements (their <li>s, or their text) become notes.
 * - Composition, top to bottom: the title (bold, wrapped), the chart(s) scaled to the width (at
 *   most 1.5× enlarged, then centred; two or more side by side, stacked when each would be under
 *   280 units wide; each captioned by its `data-export-caption`, aria-label or <title> when there
 *   are several), the legends, the charts' notes, then the source line and the frame's notes
 *   (small, grey, wrapped). White background, fonts "Helvetica, Arial, sans-serif" (Georgia for
 *   serif text), the title in <title> and the description in <desc>. Text is wrapped by width as
 *   measured with a canvas 2D context (an estimate without one), with 4% to spare.
 * - Throws when the container shows no chart (maps still loading, a funnel plot that cannot be
 *   drawn): the Download menu should then offer CSV only.
 *
 * The PNG (`svgToPngBlob`) is that SVG drawn on a canvas at 2× on white; CSV (`csvText`) is RFC 4180
 * with LF line ends.
 */

/* ---- Types ---------------------------------------------------------------------------------------- */

export interface ExportMeta {
  readonly title: string;
  readonly sourceText: string;
  readonly description: string;
  readonly notes?: readonly string[];
}

export interface ExportOptions {
  /** Width of the exported image in SVG units (CSS px at 1×). Default 960. */
  readonly width?: number;
  /**
   * 'fit' (default): a chart drawn in responsive layouts (siblings with `data-layout`) is exported in
   * the layout nearest the width it gets in the export. 'visible': the layout on screen.
   */
  readonly layout?: 'fit' | 'visible';
}

export interface ExportResult {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** One legend entry. Swatches are drawn in a 30×14 box: a filled rectangle, a hatch, a line and/or a marker. */
export interface ExportLegendItem {
  readonly label: string;
  /** Filled rectangle (a map class). */
  readonly colour?: string;
  /** Hatched rectangle (no figure). */
  readonly pattern?: 'hatch';
  /** A line across the swatch. */
  readonly line?: { readonly colour: string; readonly dash?: string; readonly width?: number };
  /** SVG path data in the 30×14 swatch box (e.g. palette.markerPath(shape, 15, 7, 3.8)), drawn over the line. */
  readonly marker?: { readonly d: string; readonly fill?: string; readonly stroke?: string; readonly strokeWidth?: number };
  /** Label in grey (an explanatory entry rather than a series). */
  readonly muted?: boolean;
}

/** What `data-export-legend` holds: JSON.stringify(legend) of one of these. */
export interface ExportLegend {
  readonly title?: string;
  readonly items: readonly ExportLegendItem[];
  /** A sentence under the items, in grey. */
  readonly note?: string;
}

/* ---- Constants ------------------------------------------------------------------------------------ */

const SVG_NS = 'http://www.w3.org/2000/svg';
const SANS = 'Helvetica, Arial, sans-serif';
const SERIF = "Georgia, 'Times New Roman', serif";
const INK = '#1b1f24';
const MUTED = '#4d5661';
const RULE = '#d5dae0';
/** The hatch of "no figure" (components/charts/AreaMap HATCH). */
const HATCH = { background: '#ffffff', stroke: '#5b6570', size: 5, width: 1.6 } as const;

const MARGIN = 24;
const TITLE_SIZE = 20;
const CAPTION_SIZE = 14;
const LEGEND_SIZE = 13;
const SMALL_SIZE = 12;
const GAP = 16;
const MIN_COLUMN = 280;
/** A chart narrower than its column (e.g. a phone layout with no wider one) is enlarged at most this much. */
const MAX_UPSCALE = 1.5;
const MIN_CHART = { width: 120, height: 60 } as const;

/** Properties written on the clone, with the value that needs no attribute. `inherit`: inherited in CSS. */
const PROPS: readonly { readonly name: string; readonly inherit: boolean; readonly initial?: string }[] = [
  { name: 'fill', inherit: true },
  { name: 'fill-opacity', inherit: true },
  { name: 'fill-rule', inherit: true },
  { name: 'stroke', inherit: true },
  { name: 'stroke-width', inherit: true },
  { name: 'stroke-dasharray', inherit: true },
  { name: 'stroke-dashoffset', inherit: true },
  { name: 'stroke-linecap', inherit: true },
  { name: 'stroke-linejoin', inherit: true },
  { name: 'stroke-miterlimit', inherit: true },
  { name: 'stroke-opacity', inherit: true },
  { name: 'font-family', inherit: true },
  { name: 'font-size', inherit: true },
  { name: 'font-weight', inherit: true },
  { name: 'font-style', inherit: true },
  { name: 'text-anchor', inherit: true },
  { name: 'dominant-baseline', inherit: true },
  { name: 'paint-order', inherit: true },
  { name: 'visibility', inherit: true },
  { name: 'opacity', inherit: false, initial: '1' },
];
const STRIP_ATTRS = new Set([...PROPS.map((p) => p.name), 'class', 'style', 'display', 'vector-effect', 'tabindex', 'role', 'focusable', 'cursor', 'pointer-events', 'color']);
const SHAPES = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);
const DROP_TAGS = new Set(['foreignobject', 'script', 'style', 'image', 'iframe', 'video', 'audio', 'canvas']);

/* ---- Small helpers -------------------------------------------------------------------------------- */

const r2 = (n: number) => Math.round(n * 100) / 100;

function el(name: string, attrs: Record<string, string | number | undefined> = {}, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** "rgb(27, 31, 36)" → { colour: "#1b1f24", alpha: 1 }; "rgba(0, 0, 0, 0)" → alpha 0; anything else as is. */
function parseColour(v: string): { colour: string; alpha: number } {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(v.trim());
  if (!m) return { colour: v.trim(), alpha: 1 };
  const hex = [m[1], m[2], m[3]].map((c) => Math.max(0, Math.min(255, Math.round(Number(c)))).toString(16).padStart(2, '0')).join('');
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { colour: `#${hex}`, alpha: Number.isFinite(a) ? a : 1 };
}

const stripPx = (v: string) => v.replace(/(-?[\d.]+(?:e-?\d+)?)px/g, '$1');

/** Computed values → attribute values (hex colours, no px, generic font stacks). */
function normalise(cs: CSSStyleDeclaration, idMap: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name } of PROPS) out.set(name, cs.getPropertyValue(name).trim());
  for (const paint of ['fill', 'stroke'] as const) {
    const v = out.get(paint)!;
    const url = /url\(\s*["']?[^#"')]*#([^"')]+)["']?\s*\)/.exec(v);
    if (url) {
      const id = idMap.get(url[1]!);
      out.set(paint, id ? `url(#${id})` : 'none');
      continue;
    }
    if (v === '' || v === 'none') {
      out.set(paint, 'none');
      continue;
    }
    const { colour, alpha } = parseColour(v);
    if (alpha <= 0) out.set(paint, 'none');
    else {
      out.set(paint, colour);
      if (alpha < 1) {
        const key = `${paint}-opacity`;
        out.set(key, String(r2(Number(out.get(key) || '1') * alpha)));
      }
    }
  }
  for (const k of ['stroke-width', 'stroke-dashoffset', 'font-size']) out.set(k, stripPx(out.get(k)!));
  const dash = out.get('stroke-dasharray')!;
  out.set('stroke-dasharray', dash === 'none' || dash === '' ? 'none' : stripPx(dash).replace(/,\s*/g, ' '));
  const fam = out.get('font-family')!.toLowerCase();
  out.set('font-family', /serif/.test(fam.replace(/sans-serif/g, '')) && !/sans/.test(fam) ? SERIF : SANS);
  const weight = out.get('font-weight')!;
  out.set('font-weight', weight === 'normal' ? '400' : weight === 'bold' ? '700' : weight);
  return out;
}

/* ---- Text measurement and wrapping ------------------------------------------------------------------ */

let measureCtx: CanvasRenderingContext2D | null | undefined;

/** Width of a text in the export font: canvas measureText when there is a canvas, else an estimate. */
export function measureText(text: string, size: number, bold = false): number {
  if (measureCtx === undefined) {
    try {
      measureCtx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
    } catch {
      measureCtx = null;
    }
  }
  if (measureCtx) {
    measureCtx.font = `${bold ? 700 : 400} ${size}px ${SANS}`;
    // 4% spare: another machine may draw the same stack a little wider.
    return measureCtx.measureText(text).width * 1.04;
  }
  let w = 0;
  for (const ch of text) {
    if ('il.,:;\'|!'.includes(ch)) w += 0.28;
    else if (' ()[]-ftrjI'.includes(ch)) w += 0.36;
    else if ('mwMW'.includes(ch)) w += 0.88;
    else if (ch >= 'A' && ch <= 'Z') w += 0.7;
    else w += 0.58;
  }
  return w * size * (bold ? 1.08 : 1);
}

/** Greedy word wrap to a width (a word longer than the width is cut). */
export function wrapText(text: string, maxWidth: number, size: number, bold = false): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (measureText(word, size, bold) > maxWidth && word.length > 1) {
      // hard break an over-long word
      let cut = word.length - 1;
      while (cut > 1 && measureText(word.slice(0, cut), size, bold) > maxWidth) cut--;
      if (line) lines.push(line);
      lines.push(word.slice(0, cut));
      line = '';
      word = word.slice(cut);
    }
    const next = line ? `${line} ${word}` : word;
    if (line && measureText(next, size, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/* ---- Finding the charts ------------------------------------------------------------------------- */

function chartSvgs(container: HTMLElement): SVGSVGElement[] {
  const all = Array.from(container.querySelectorAll('svg'));
  return all.filter((s) => {
    if (s.parentElement?.closest('svg')) return false; // nested
    if (s.closest('[data-export-ignore], [data-export-legend]')) return false;
    if (s.hasAttribute('data-export-chart')) return true;
    if (s.getAttribute('aria-hidden') === 'true') return false;
    const r = s.getBoundingClientRect();
    return r.width >= MIN_CHART.width && r.height >= MIN_CHART.height;
  });
}

/** viewBox of an svg, or its rendered size. */
function boxOf(s: SVGSVGElement): { x: number; y: number; w: number; h: number } {
  const vb = (s.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb.every(Number.isFinite) && vb[2]! > 0 && vb[3]! > 0) return { x: vb[0]!, y: vb[1]!, w: vb[2]!, h: vb[3]! };
  const r = s.getBoundingClientRect();
  const w = r.width || Number(s.getAttribute('width')) || 300;
  const h = r.height || Number(s.getAttribute('height')) || 150;
  return { x: 0, y: 0, w, h };
}

/** The chart's responsive layout nearest `target` units wide (siblings carrying data-layout), or the svg itself. */
function pickLayout(s: SVGSVGElement, container: HTMLElement, target: number): SVGSVGElement {
  const layout = s.closest('[data-layout]');
  if (!layout || !container.contains(layout) || !layout.parentElement) return s;
  const index = Array.from(layout.querySelectorAll('svg')).filter((x) => !x.parentElement?.closest('svg')).indexOf(s);
  let best = s;
  let bestD = Infinity;
  for (const sib of Array.from(layout.parentElement.children)) {
    const w = Number(sib.getAttribute('data-layout') ?? Number.NaN);
    if (!Number.isFinite(w) || w <= 0) continue;
    const cand = Array.from(sib.querySelectorAll('svg')).filter((x) => !x.parentElement?.closest('svg'))[Math.max(0, index)];
    if (!cand) continue;
    // prefer a layout at least as wide as the target (text then shrinks a little rather than grows)
    const d = w >= target ? w - target : (target - w) * 1.5;
    if (d < bestD) [best, bestD] = [cand, d];
  }
  return best;
}

/* ---- Cloning with inlined styles ------------------------------------------------------------------ */

interface Inlined {
  readonly node: SVGSVGElement;
  readonly box: { x: number; y: number; w: number; h: number };
  readonly caption: string | undefined;
}

const KEYS_HELP = /arrow keys|tab stop|\bEnter\b|\bEscape\b/i;

function inlineChart(src: SVGSVGElement, prefix: string, container: HTMLElement): Inlined {
  const box = boxOf(src);
  const rect = src.getBoundingClientRect();
  // CSS px per user unit on screen (for non-scaling strokes); 1 when the svg is not rendered.
  const screenScale = rect.width > 0 ? rect.width / box.w : 1;

  // Referenced ids: url(#…) in attributes and computed paints, href="#…".
  const srcEls = [src, ...Array.from(src.querySelectorAll('*'))];
  const referenced = new Set<string>();
  const refRe = /url\(\s*["']?[^#"')]*#([^"')]+)["']?\s*\)/g;
  for (const e of srcEls) {
    for (const a of Array.from(e.attributes)) {
      if (a.name.startsWith('aria-')) continue;
      for (const m of a.value.matchAll(refRe)) referenced.add(m[1]!);
      if ((a.name === 'href' || a.name === 'xlink:href') && a.value.startsWith('#')) referenced.add(a.value.slice(1));
    }
    if (e instanceof SVGElement && SHAPES.has(e.localName)) {
      const cs = getComputedStyle(e);
      for (const v of [cs.fill, cs.stroke]) for (const m of v.matchAll(refRe)) referenced.add(m[1]!);
    }
  }
  const idMap = new Map<string, string>();
  let n = 0;
  for (const e of srcEls) if (e.id && referenced.has(e.id) && !idMap.has(e.id)) idMap.set(e.id, `${prefix}${n++}`);

  const clone = src.cloneNode(true) as SVGSVGElement;
  const cloneEls = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const computed = new Map<Element, Map<string, string>>();
  const drop: Element[] = [];

  srcEls.forEach((s, i) => {
    const c = cloneEls[i]!;
    const tag = s.localName.toLowerCase();
    if (DROP_TAGS.has(tag) || s.hasAttribute('data-export-ignore') || s.hasAttribute('data-cursor')) {
      drop.push(c);
      return;
    }
    if (tag === 'desc' && s.parentNode === src && KEYS_HELP.test(s.textContent ?? '')) {
      drop.push(c);
      return;
    }
    if (tag === 'title' || tag === 'desc' || tag === 'metadata') {
      // text only: no styles, no ids
      for (const a of Array.from(c.attributes)) c.removeAttribute(a.name);
      return;
    }
    const cs = getComputedStyle(s);
    if (cs.display === 'none' && s !== src) {
      drop.push(c);
      return;
    }
    const inPattern = s.closest('pattern, defs, clipPath, mask, marker, symbol') !== null;
    const values = normalise(cs, idMap);
    if (cs.getPropertyValue('vector-effect').trim() === 'non-scaling-stroke' && !inPattern) {
      const w = Number(values.get('stroke-width'));
      if (Number.isFinite(w)) values.set('stroke-width', String(r2(w / screenScale)));
    }
    computed.set(s, values);
    if (!inPattern && SHAPES.has(tag) && values.get('fill') === 'none' && (values.get('stroke') === 'none' || Number(values.get('stroke-width')) === 0)) {
      drop.push(c);
      return;
    }

    // Strip classes, styles, presentation and interactive attributes; rename or drop ids.
    for (const a of Array.from(c.attributes)) {
      const name = a.name;
      if (STRIP_ATTRS.has(name) || name.startsWith('aria-') || name.startsWith('data-') || name.startsWith('on')) c.removeAttribute(name);
      else if (name === 'id') {
        const id = idMap.get(a.value);
        if (id) c.setAttribute('id', id);
        else c.removeAttribute('id');
      } else if (name === 'href' || name === 'xlink:href') {
        // only references inside this chart survive (a <use> of a page-level sprite would draw nothing)
        const id = a.value.startsWith('#') ? idMap.get(a.value.slice(1)) : undefined;
        if (id) c.setAttribute(name, `#${id}`);
        else if (tag === 'use') drop.push(c);
        else c.removeAttribute(name);
      } else if (a.value.includes('url(')) {
        c.setAttribute(name, a.value.replace(refRe, (_m, id: string) => (idMap.has(id) ? `url(#${idMap.get(id)})` : 'none')));
      }
    }

    // Write what differs from the parent (everything on the root).
    const parent = s === src ? undefined : computed.get(s.parentElement as Element);
    for (const { name, inherit, initial } of PROPS) {
      const v = values.get(name)!;
      if (v === '') continue;
      if (inherit ? parent === undefined || parent.get(name) !== v : v !== initial) {
        if (name === 'paint-order' && v === 'normal' && parent === undefined) continue;
        if (name === 'dominant-baseline' && v === 'auto' && parent === undefined) continue;
        c.setAttribute(name, v);
      }
    }
  });
  for (const d of drop) d.remove();

  // The chart's accessible name as its <title>, when it has none.
  const label = src.getAttribute('aria-label') ?? undefined;
  const ownTitle = Array.from(clone.children).find((c) => c.localName === 'title');
  if (!ownTitle && label) clone.insertBefore(el('title', {}, label), clone.firstChild);

  const capHost = src.closest('[data-export-caption]');
  const caption = (capHost && container.contains(capHost) ? capHost.getAttribute('data-export-caption') : null) ?? label ?? (ownTitle?.textContent || undefined);

  for (const a of ['width', 'height', 'x', 'y', 'preserveAspectRatio', 'xmlns']) clone.removeAttribute(a);
  clone.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
  clone.setAttribute('overflow', 'visible');
  return { node: clone, box, caption };
}

/* ---- Legends and notes ---------------------------------------------------------------------------- */

function readLegends(container: HTMLElement): ExportLegend[] {
  const out: ExportLegend[] = [];
  const hosts = [...(container.matches('[data-export-legend]') ? [container] : []), ...Array.from(container.querySelectorAll<HTMLElement>('[data-export-legend]'))];
  for (const host of hosts) {
    if (host.closest('[data-export-ignore]') || host.getClientRects().length === 0) continue;
    try {
      const v = JSON.parse(host.getAttribute('data-export-legend') ?? '') as ExportLegend;
      if (v && Array.isArray(v.items)) out.push(v);
    } catch {
      /* a malformed legend is left out rather than breaking the download */
    }
  }
  return out;
}

function readNotes(container: HTMLElement): string[] {
  const out: string[] = [];
  for (const host of Array.from(container.querySelectorAll<HTMLElement>('[data-export-note]'))) {
    if (host.closest('[data-export-ignore]') || host.getClientRects().length === 0) continue;
    const given = host.getAttribute('data-export-note');
    if (given) {
      out.push(given);
      continue;
    }
    const lis = Array.from(host.querySelectorAll('li'));
    for (const t of lis.length ? lis.map((l) => l.textContent ?? '') : [host.textContent ?? '']) {
      const s = t.replace(/\s+/g, ' ').trim();
      if (s) out.push(s);
    }
  }
  return out;
}

const SWATCH_W = 30;
const SWATCH_H = 14;

function swatch(item: ExportLegendItem, x: number, y: number, hatchId: string): SVGElement {
  const g = el('g', { transform: `translate(${r2(x)},${r2(y)})` });
  if (item.colour) g.append(el('rect', { x: 5.5, y: 0.5, width: 19, height: 13, fill: item.colour, stroke: MUTED, 'stroke-width': 1 }));
  if (item.pattern === 'hatch') g.append(el('rect', { x: 5.5, y: 0.5, width: 19, height: 13, fill: `url(#${hatchId})`, stroke: MUTED, 'stroke-width': 1 }));
  if (item.line)
    g.append(el('line', { x1: 1, x2: 29, y1: 7, y2: 7, stroke: item.line.colour, 'stroke-width': item.line.width ?? 2, 'stroke-dasharray': item.line.dash || undefined, fill: 'none' }));
  if (item.marker)
    g.append(el('path', { d: item.marker.d, fill: item.marker.fill ?? 'none', stroke: item.marker.stroke ?? 'none', 'stroke-width': item.marker.strokeWidth ?? (item.marker.stroke ? 1 : undefined) }));
  return g;
}

/** Draw a legend at y; returns the height used. */
function drawLegend(root: SVGElement, legend: ExportLegend, x0: number, y0: number, width: number, hatchId: string): number {
  const lh = Math.round(LEGEND_SIZE * 1.5);
  let y = y0;
  if (legend.title) {
    for (const line of wrapText(legend.title, width, LEGEND_SIZE, true)) {
      root.append(el('text', { x: x0, y: y + LEGEND_SIZE, 'font-size': LEGEND_SIZE, 'font-weight': 700, fill: INK }, line));
      y += lh;
    }
    y += 2;
  }
  // Items flow left to right and wrap; a label too long for a row wraps under itself.
  const textX = SWATCH_W + 6;
  const itemGap = 18;
  let x = 0;
  let rowH = 0;
  const newRow = () => {
    if (rowH > 0) y += rowH;
    x = 0;
    rowH = 0;
  };
  for (const item of legend.items) {
    const tw = measureText(item.label, LEGEND_SIZE);
    const w = textX + tw;
    if (x > 0 && x + w > width) newRow();
    const lines = w > width ? wrapText(item.label, width - textX, LEGEND_SIZE) : [item.label];
    root.append(swatch(item, x0 + x, y + (lh - SWATCH_H) / 2 - 1, hatchId));
    lines.forEach((line, i) =>
      root.append(el('text', { x: r2(x0 + x + textX), y: r2(y + i * lh + LEGEND_SIZE + (lh - LEGEND_SIZE) / 2 - 2), 'font-size': LEGEND_SIZE, fill: item.muted ? MUTED : INK }, line)),
    );
    rowH = Math.max(rowH, lines.length * lh);
    if (lines.length > 1) newRow();
    else x += w + itemGap;
  }
  newRow();
  if (legend.note) {
    y += 6;
    for (const line of wrapText(legend.note, width, SMALL_SIZE)) {
      root.append(el('text', { x: x0, y: y + SMALL_SIZE, 'font-size': SMALL_SIZE, fill: MUTED }, line));
      y += Math.round(SMALL_SIZE * 1.45);
    }
  }
  return y - y0;
}

function drawParagraphs(root: SVGElement, paras: readonly { text: string; bold?: boolean }[], x0: number, y0: number, width: number, size: number, colour: string): number {
  const lh = Math.round(size * 1.45);
  let y = y0;
  paras.forEach((p, i) => {
    if (i > 0) y += 3;
    for (const line of wrapText(p.text, width, size, p.bold)) {
      root.append(el('text', { x: x0, y: y + size, 'font-size': size, fill: colour, 'font-weight': p.bold ? 700 : undefined }, line));
      y += lh;
    }
  });
  return y - y0;
}

/* ---- The export ------------------------------------------------------------------------------------ */

/**
 * A standalone SVG document of the chart(s) in `container` as currently shown, with its title, legend,
 * source line and notes. Throws when the container holds no visible chart.
 */
export function buildExportSvg(container: HTMLElement, meta: ExportMeta, opts: ExportOptions = {}): ExportResult {
  const width = Math.max(320, Math.round(opts.width ?? 960));
  const inner = width - 2 * MARGIN;
  const found = chartSvgs(container);
  if (found.length === 0) throw new Error('buildExportSvg: no visible chart in the container');
  const cols = found.length > 1 && (inner - GAP * (found.length - 1)) / found.length >= MIN_COLUMN ? found.length : 1;
  const colW = (inner - GAP * (cols - 1)) / cols;
  const sources = opts.layout === 'visible' ? found : found.map((s) => pickLayout(s, container, colW));
  const charts = sources.map((s, i) => inlineChart(s, `c${i}-`, container));

  // (the serializer writes xmlns itself: an xmlns attribute set by hand could be written twice)
  const root = el('svg', { version: '1.1', 'font-family': SANS, 'text-rendering': 'geometricPrecision' });
  root.append(el('title', {}, meta.title));
  root.append(el('desc', {}, meta.description));
  const hatchId = 'legend-hatch';
  const defs = el('defs');
  const pattern = el('pattern', { id: hatchId, patternUnits: 'userSpaceOnUse', width: HATCH.size, height: HATCH.size, patternTransform: 'rotate(45)' });
  pattern.append(el('rect', { width: HATCH.size, height: HATCH.size, fill: HATCH.background }));
  pattern.append(el('line', { x1: 0, y1: 0, x2: 0, y2: HATCH.size, stroke: HATCH.stroke, 'stroke-width': HATCH.width * 2 }));
  defs.append(pattern);
  root.append(defs);
  const background = el('rect', { x: 0, y: 0, width, height: 0, fill: '#ffffff' });
  root.append(background);

  let y = MARGIN;
  // Title
  const titleLines = wrapText(meta.title, inner, TITLE_SIZE, true);
  const titleLh = Math.round(TITLE_SIZE * 1.25);
  for (const line of titleLines) {
    root.append(el('text', { x: MARGIN, y: y + TITLE_SIZE, 'font-size': TITLE_SIZE, 'font-weight': 700, fill: INK }, line));
    y += titleLh;
  }
  y += GAP - 4;

  // Charts, in rows of `cols`.
  for (let r = 0; r < charts.length; r += cols) {
    const row = charts.slice(r, r + cols);
    const captions = charts.length > 1 ? row.map((c) => (c.caption ? wrapText(c.caption, colW, CAPTION_SIZE, true) : [])) : row.map(() => []);
    const capH = Math.max(0, ...captions.map((l) => l.length)) * Math.round(CAPTION_SIZE * 1.35);
    let rowH = 0;
    row.forEach((c, j) => {
      const x = MARGIN + j * (colW + GAP);
      captions[j]!.forEach((line, k) =>
        root.append(el('text', { x: r2(x), y: y + k * Math.round(CAPTION_SIZE * 1.35) + CAPTION_SIZE, 'font-size': CAPTION_SIZE, 'font-weight': 700, fill: INK }, line)),
      );
      // Scaled to the column, but never blown up more than MAX_UPSCALE (then centred).
      const scale = Math.min(colW / c.box.w, MAX_UPSCALE);
      const w = c.box.w * scale;
      const h = c.box.h * scale;
      c.node.setAttribute('x', String(r2(x + (colW - w) / 2)));
      c.node.setAttribute('y', String(r2(y + (capH ? capH + 4 : 0))));
      c.node.setAttribute('width', String(r2(w)));
      c.node.setAttribute('height', String(r2(h)));
      root.append(c.node);
      rowH = Math.max(rowH, h);
    });
    y += (capH ? capH + 4 : 0) + rowH + GAP;
  }

  // Legends, then the charts' own notes.
  for (const legend of readLegends(container)) y += drawLegend(root, legend, MARGIN, y, inner, hatchId) + GAP - 4;
  const chartNotes = readNotes(container);
  if (chartNotes.length) y += drawParagraphs(root, chartNotes.map((text) => ({ text })), MARGIN, y, inner, SMALL_SIZE, MUTED) + GAP - 4;

  // Source line and the frame's notes, under a rule.
  root.append(el('line', { x1: MARGIN, x2: width - MARGIN, y1: r2(y - 4), y2: r2(y - 4), stroke: RULE, 'stroke-width': 1 }));
  y += 4;
  const source = /^\s*sources?\b/i.test(meta.sourceText) ? meta.sourceText : `Source: ${meta.sourceText}`;
  y += drawParagraphs(root, [{ text: source }, ...(meta.notes ?? []).filter((n) => n.trim()).map((text) => ({ text }))], MARGIN, y, inner, SMALL_SIZE, MUTED);

  const height = Math.ceil(y + MARGIN - 4);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  background.setAttribute('height', String(height));

  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { svg, width, height };
}

/* ---- PNG ------------------------------------------------------------------------------------------ */

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.decoding = 'sync';
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('svgToPngBlob: the SVG could not be loaded as an image'));
    img.src = src;
  });
}

/**
 * Rasterise an SVG document (as from buildExportSvg) at `scale` on a white background: a PNG of
 * round(width·scale) × round(height·scale) pixels. The SVG is loaded from a Blob URL (a data URL if
 * that fails); it has no foreignObject or external resources, so the canvas is not tainted.
 */
export async function svgToPngBlob(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  let img: HTMLImageElement;
  try {
    img = await loadImage(url);
  } catch {
    img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  } finally {
    URL.revokeObjectURL(url);
  }
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('svgToPngBlob: no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, 0, 0, w, h);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('svgToPngBlob: the canvas gave no PNG'))), 'image/png'));
}

/* ---- CSV and downloads ---------------------------------------------------------------------------- */

function csvField(v: string | number): string {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Object.is(v, -0) ? 0 : v) : '') : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * RFC 4180 CSV: a header row (csv.columns), then one row per record; a field with a comma, a double
 * quote or a line break is quoted (quotes doubled). Lines end with LF (as the project's data files,
 * which RFC 4180 readers and spreadsheets accept), including the last. Numbers are written in full
 * with "." as decimal point and no grouping; a non-finite number is an empty cell. No BOM.
 */
export function csvText(csv: CsvExport): string {
  const lines = [csv.columns, ...csv.rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/** Save a Blob as a file: an object URL on a temporary <a download>. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save a text as a file; UTF-8 unless `mime` names a charset. */
export function downloadText(text: string, filename: string, mime: string): void {
  downloadBlob(new Blob([text], { type: /charset=/i.test(mime) ? mime : `${mime};charset=utf-8` }), filename);
}
