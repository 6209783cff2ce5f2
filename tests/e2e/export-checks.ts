import { expect, type Page } from '@playwright/test';

/**
 * Checks of exported chart files (lib/share/export.ts), for e2e tests that download them: an SVG
 * must parse as XML on its own, carry the title and source, need no stylesheet, define every id it
 * refers to, and draw something when loaded as an image; a PNG must be a PNG of the expected size.
 * The SVG checks run in the test's page (DOMParser, <img>, canvas); `pngSize` runs anywhere.
 */

export interface SvgReport {
  /** The parser's error text, or undefined when the document is well-formed. */
  readonly parseError: string | undefined;
  readonly rootName: string;
  readonly rootNamespace: string | null;
  readonly width: number;
  readonly height: number;
  readonly viewBox: string | null;
  /** The document's <title> and <desc> (direct children of the root). */
  readonly title: string;
  readonly desc: string;
  /** Every <text> element's text, in document order, joined with spaces (whitespace collapsed). */
  readonly text: string;
  readonly paths: number;
  /** Nested chart <svg> elements. */
  readonly charts: number;
  readonly classAttrs: number;
  readonly styleElements: number;
  readonly cssVariables: number;
  readonly foreignObjects: number;
  /** <image>/<use>/<a>/… pointing outside the document (http:, //, file names). */
  readonly externalRefs: readonly string[];
  /** url(#id) or href="#id" with no element of that id. */
  readonly missingRefs: readonly string[];
  readonly duplicateIds: readonly string[];
  /** Ids of <pattern> elements that some shape fills with. */
  readonly patternsUsed: readonly string[];
  /** Loaded on its own as an image: did it load, and the share of non-white pixels at 1×. */
  readonly rendered: boolean;
  readonly ink: number;
}

/** Parse and render an exported SVG in the page, and report what it holds. */
export async function inspectSvg(page: Page, svgText: string): Promise<SvgReport> {
  return page.evaluate(async (text: string) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const err = doc.getElementsByTagName('parsererror')[0];
    const root = doc.documentElement;
    const all = Array.from(doc.getElementsByTagName('*'));
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const direct = (name: string) => Array.from(root.children).find((c) => c.localName === name);
    const ids = new Map<string, number>();
    for (const e of all) if (e.id) ids.set(e.id, (ids.get(e.id) ?? 0) + 1);
    const refs = new Set<string>();
    const external: string[] = [];
    const patternsUsed = new Set<string>();
    let cssVariables = 0;
    for (const e of all) {
      for (const a of Array.from(e.attributes)) {
        if (a.value.includes('var(--')) cssVariables++;
        for (const m of a.value.matchAll(/url\(\s*["']?#([^"')]+)["']?\s*\)/g)) {
          refs.add(m[1]!);
          const target = doc.getElementById(m[1]!);
          if (target?.localName === 'pattern' && (a.name === 'fill' || a.name === 'stroke')) patternsUsed.add(m[1]!);
        }
        if (/^(xlink:)?href$|^src$/.test(a.name)) {
          if (a.value.startsWith('#')) refs.add(a.value.slice(1));
          else if (!a.value.startsWith('data:')) external.push(`${e.localName} ${a.name}="${a.value}"`);
        }
        if (/url\(\s*["']?(?!#|data:)/.test(a.value)) external.push(`${e.localName} ${a.name}="${a.value}"`);
      }
    }
    let rendered = false;
    let ink = 0;
    if (!err) {
      const w = Number(root.getAttribute('width')) || 0;
      const h = Number(root.getAttribute('height')) || 0;
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
      try {
        const img = new Image();
        await new Promise<void>((res, rej) => {
          img.onload = () => res();
          img.onerror = () => rej(new Error('not loadable'));
          img.src = url;
        });
        rendered = true;
        const c = document.createElement('canvas');
        c.width = Math.max(1, Math.round(w));
        c.height = Math.max(1, Math.round(h));
        const ctx = c.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, c.width, c.height);
        ctx.drawImage(img, 0, 0, c.width, c.height);
        const px = ctx.getImageData(0, 0, c.width, c.height).data; // throws if the canvas were tainted
        let n = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i]! < 240 || px[i + 1]! < 240 || px[i + 2]! < 240) n++;
        ink = n / (c.width * c.height);
      } catch {
        rendered = false;
      } finally {
        URL.revokeObjectURL(url);
      }
    }
    return {
      parseError: err ? norm(err.textContent) || 'parsererror' : undefined,
      rootName: root.localName,
      rootNamespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      title: norm(direct('title')?.textContent),
      desc: norm(direct('desc')?.textContent),
      text: norm(Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '').join(' ')),
      paths: doc.getElementsByTagName('path').length,
      charts: Array.from(root.getElementsByTagName('svg')).length,
      classAttrs: all.filter((e) => e.hasAttribute('class')).length,
      styleElements: doc.getElementsByTagName('style').length,
      cssVariables,
      foreignObjects: doc.getElementsByTagName('foreignObject').length,
      externalRefs: external,
      missingRefs: [...refs].filter((r) => !ids.has(r)),
      duplicateIds: [...ids].filter(([, k]) => k > 1).map(([id]) => id),
      patternsUsed: [...patternsUsed],
      rendered,
      ink,
    };
  }, svgText);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface ExpectedSvg {
  /** The chart's title (visible text and <title>). */
  readonly title: string;
  /** The source line (visible text; "Source:" may be added in front). */
  readonly source: string;
  /** The generated description, expected in <desc>. */
  readonly description?: string;
  /** Expect a <pattern> used as a fill (the hatch of councils with no figure). */
  readonly hatch?: boolean;
  /** Expected number of chart <svg>s inside (1 trend or rank, 2 maps). */
  readonly charts?: number;
  /** Width in SVG units (default: not checked). */
  readonly width?: number;
}

/** Assert that an exported SVG is a standalone, well-formed chart document; returns the report. */
export async function checkExportedSvg(page: Page, svgText: string, expected: ExpectedSvg): Promise<SvgReport> {
  const r = await inspectSvg(page, svgText);
  expect(r.parseError, 'SVG parses as XML').toBeUndefined();
  expect(r.rootName).toBe('svg');
  expect(r.rootNamespace).toBe('http://www.w3.org/2000/svg');
  expect(r.width).toBeGreaterThan(0);
  expect(r.height).toBeGreaterThan(0);
  if (expected.width !== undefined) expect(r.width).toBe(expected.width);
  expect(r.viewBox).toBe(`0 0 ${r.width} ${r.height}`);
  expect(r.title).toBe(norm(expected.title));
  expect(r.text).toContain(norm(expected.title));
  expect(r.text).toContain(norm(expected.source));
  if (expected.description !== undefined) expect(r.desc).toBe(norm(expected.description));
  expect(r.paths).toBeGreaterThan(0);
  if (expected.charts !== undefined) expect(r.charts).toBe(expected.charts);
  expect(r.classAttrs, 'no class attributes (styles are inlined)').toBe(0);
  expect(r.styleElements, 'no <style>').toBe(0);
  expect(r.cssVariables, 'no CSS variables').toBe(0);
  expect(r.foreignObjects, 'no foreignObject').toBe(0);
  expect(r.externalRefs, 'no external resources').toEqual([]);
  expect(r.missingRefs, 'every url(#id) and href="#id" is defined').toEqual([]);
  expect(r.duplicateIds, 'ids are unique').toEqual([]);
  if (expected.hatch) expect(r.patternsUsed.length, 'a hatch <pattern> is defined and used').toBeGreaterThan(0);
  expect(r.rendered, 'loads as an image on its own').toBe(true);
  expect(r.ink, 'draws something').toBeGreaterThan(0.01);
  return r;
}

/** Width and height of a PNG from its IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33 || sig.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG (bad signature)');
  const type = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (type !== 'IHDR') throw new Error(`not a PNG (first chunk ${type}, not IHDR)`);
  const u32 = (o: number) => ((bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!) >>> 0;
  return { width: u32(16), height: u32(20) };
}
