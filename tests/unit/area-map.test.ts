import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AreaMap, HATCH, MAP_KEYS_HELP, NO_FIGURE, nearestInDirection, type AreaFill, type AreaMapProps, type AreaMapShape } from '@/components/charts/AreaMap';
import { MapLegend, missingText } from '@/components/charts/MapLegend';
import { binsFor, mapYearView } from '@/components/explorer/MapView';
import { formatOrdinal as ordinal } from '@/lib/format';
import { buildMeasureData } from '@/lib/explorer/build';
import { loadGeo } from '@/lib/data/geo';
import { boundaryMap, hexLabelsFor, hexMap, projectBoundaries, projectHex, type ProjectedShape } from '@/lib/geo/project';
import { boundaryFeaturesForYear, hexFeaturesForYear } from '@/lib/geo/features';
import { geoYear, geoYears } from '@/lib/geo/vintage';
import { BLUES_5 } from '@/lib/stats/bins';

const W = 400;
const H = 480;
const geo = loadGeo();
const row = (y: number) => geoYear(geo.vintages, y)!;

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
/** Each council's <path …>…</path> in the coloured layer, by code. */
function areaPaths(html: string): Map<string, { tag: string; title: string }> {
  const out = new Map<string, { tag: string; title: string }>();
  for (const m of html.matchAll(/<path([^>]*data-code="([^"]+)"[^>]*)>(?:<title>([^<]*)<\/title>)?<\/path>/g)) {
    out.set(m[2]!, { tag: m[1]!, title: m[3] ?? '' });
  }
  return out;
}
/** All numbers in a path string. */
const numbers = (d: string) => [...d.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((m) => Number(m[0]));

// --- a small synthetic map -------------------------------------------------------------------------

const sq = (code: string, name: string, x: number, y: number): AreaMapShape => ({
  code,
  name,
  d: `M${x},${y}L${x + 10},${y}L${x + 10},${y + 10}L${x},${y + 10}Z`,
  centroid: [x + 5, y + 5],
  bbox: [
    [x, y],
    [x + 10, y + 10],
  ],
});
const shapes = [sq('A', 'Alpha', 0, 0), sq('B', 'Bravo', 20, 0), sq('C', 'Charlie', 0, 20), sq('D', 'Delta', 20, 20), sq('E', 'Echo', 40, 0)];
const fills: Record<string, AreaFill> = {
  A: { bin: 0, text: '12.5 per 10,000 children' },
  B: { bin: 4, text: '99 per 10,000 children' },
  C: { missing: 'suppressed' },
  D: { bin: 2 },
  // E: no entry at all
};
const base: AreaMapProps = {
  title: 'Test map',
  shapes,
  fills,
  colours: BLUES_5,
  selected: [],
  cursor: null,
  onCursorChange: () => {},
  onSelect: () => {},
  width: 60,
  height: 40,
};
const render = (p: Partial<AreaMapProps> = {}) => renderToStaticMarkup(createElement(AreaMap, { ...base, ...p }));

describe('AreaMap', () => {
  it('fills councils with their class colour and councils without a figure with the hatch pattern, never a colour', () => {
    const html = render();
    const paths = areaPaths(html);
    expect(paths.size).toBe(5);
    expect(attr(paths.get('A')!.tag, 'fill')).toBe(BLUES_5[0]);
    expect(attr(paths.get('B')!.tag, 'fill')).toBe(BLUES_5[4]);
    expect(attr(paths.get('D')!.tag, 'fill')).toBe(BLUES_5[2]);
    const patternId = html.match(/<pattern id="([^"]+)"/)?.[1];
    expect(patternId).toBeTruthy();
    for (const code of ['C', 'E']) {
      const fill = attr(paths.get(code)!.tag, 'fill');
      expect(fill).toBe(`url(#${patternId})`);
      expect(BLUES_5 as readonly string[]).not.toContain(fill);
    }
    // The pattern is the hatch: diagonal lines on white, unlike any class colour.
    const pattern = html.match(/<pattern[\s\S]*?<\/pattern>/)![0];
    expect(pattern).toContain('rotate(45)');
    expect(pattern).toContain(`stroke="${HATCH.stroke}"`);
    expect(BLUES_5 as readonly string[]).not.toContain(HATCH.stroke);
    expect(BLUES_5 as readonly string[]).not.toContain(HATCH.background);
  });

  it('gives every council an accessible name with its figure or the reason it has none', () => {
    const paths = areaPaths(render());
    expect(paths.get('A')!.title).toBe('Alpha: 12.5 per 10,000 children');
    expect(paths.get('C')!.title).toBe('Charlie: no figure (suppressed)');
    expect(paths.get('D')!.title).toBe('Delta');
    expect(paths.get('E')!.title).toBe('Echo: no figure published');
    expect(areaPaths(render({ fills: { ...fills, E: { missing: NO_FIGURE } } })).get('E')!.title).toBe('Echo: no figure published');
    for (const { title } of paths.values()) expect(title.length).toBeGreaterThan(0);
  });

  it('is one tab stop: a listbox of councils, described by the keyboard help', () => {
    const html = render();
    const svg = html.match(/<svg[^>]*>/)![0];
    expect(attr(svg, 'role')).toBe('listbox');
    expect(attr(svg, 'aria-label')).toBe('Test map');
    expect(attr(svg, 'aria-multiselectable')).toBe('true');
    expect(attr(svg, 'tabindex')).toBe('0');
    expect(html.match(/tabindex=/g)).toHaveLength(1);
    const descId = attr(svg, 'aria-describedby')!.split(' ')[0]!;
    expect(html).toContain(`<desc id="${descId}">${MAP_KEYS_HELP}</desc>`);
    for (const { tag } of areaPaths(html).values()) {
      expect(attr(tag, 'role')).toBe('option');
      expect(attr(tag, 'aria-selected')).toBe('false');
    }
  });

  it('draws selected councils with a thick outline on top, and marks them selected', () => {
    const html = render({ selected: ['B', 'D', 'NOT-DRAWN'] });
    const outlines = [...html.matchAll(/<g[^>]*data-selected="([^"]+)"[^>]*>([\s\S]*?)<\/g>/g)];
    expect(outlines.map((m) => m[1])).toEqual(['B', 'D']);
    for (const m of outlines) {
      const ds = [...m[2]!.matchAll(/ d="([^"]+)"/g)].map((x) => x[1]);
      expect(ds.length).toBeGreaterThanOrEqual(2); // halo + line
      for (const d of ds) expect(d).toBe(shapes.find((s) => s.code === m[1])!.d);
    }
    // Outlines come after (on top of) the coloured layer.
    expect(html.indexOf('data-selected="B"')).toBeGreaterThan(html.lastIndexOf('data-code='));
    const paths = areaPaths(html);
    expect(attr(paths.get('B')!.tag, 'aria-selected')).toBe('true');
    expect(attr(paths.get('A')!.tag, 'aria-selected')).toBe('false');
  });

  it('highlights the cursor council and points aria-activedescendant at it', () => {
    const html = render({ cursor: 'D' });
    expect(html).toMatch(/data-cursor="D"/);
    const svg = html.match(/<svg[^>]*>/)![0];
    const active = attr(svg, 'aria-activedescendant')!;
    expect(attr(areaPaths(html).get('D')!.tag, 'id')).toBe(active);
    expect(render({ cursor: null })).not.toMatch(/data-cursor=/);
    expect(render({ cursor: 'ZZZ' })).not.toMatch(/aria-activedescendant/);
  });

  it('rings a highlighted council too small to see', () => {
    const tiny: AreaMapShape = { code: 'T', name: 'Tiny', d: 'M1,1L2,1L2,2Z', centroid: [1.5, 1.5], bbox: [[1, 1], [2, 2]] };
    expect(render({ shapes: [...shapes, tiny], cursor: 'T' })).toMatch(/<g[^>]*data-cursor="T"[^>]*>[\s\S]*?<circle/);
    expect(render({ cursor: 'A' })).not.toMatch(/<g[^>]*data-cursor="A"[^>]*>[\s\S]*?<circle[\s\S]*?<\/g>/);
  });

  it('without callbacks is a static image, not a tab stop', () => {
    const html = render({ onCursorChange: undefined, onSelect: undefined });
    const svg = html.match(/<svg[^>]*>/)![0];
    expect(attr(svg, 'role')).toBe('img');
    expect(html).not.toContain('tabindex');
    expect(html).not.toContain('role="option"');
  });

  it('draws the overlay, the outline and the labels without making them focusable or named', () => {
    const html = render({ overlay: 'M0,0L60,40', outline: 'M0,40L60,0', labels: [{ x: 5, y: 5, text: 'Leics & Rut.', lines: ['Leics &', 'Rut.'], anchor: 'start', size: 7 }] });
    expect(html).toContain('d="M0,0L60,40"');
    expect(html).toContain('d="M0,40L60,0"');
    expect(html).toMatch(/<text[^>]*text-anchor="start"[^>]*font-size="7"[^>]*><tspan[^>]*>Leics &amp;<\/tspan><tspan[^>]*>Rut\.<\/tspan><\/text>/);
    const decor = html.match(/<g aria-hidden="true"[\s\S]*$/)![0];
    expect(decor).toContain('M0,0L60,40');
  });

  it('gives each map its own pattern id (two maps on one page)', () => {
    const html = renderToStaticMarkup(createElement('div', null, createElement(AreaMap, base), createElement(AreaMap, base)));
    const ids = [...html.matchAll(/<pattern id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe('keyboard navigation', () => {
  const by = (c: string) => shapes.find((s) => s.code === c)!;
  it('moves to the nearest council in the direction of the arrow', () => {
    expect(nearestInDirection(shapes, by('A'), 'right')!.code).toBe('B');
    expect(nearestInDirection(shapes, by('A'), 'down')!.code).toBe('C');
    expect(nearestInDirection(shapes, by('D'), 'up')!.code).toBe('B');
    expect(nearestInDirection(shapes, by('B'), 'right')!.code).toBe('E');
    expect(nearestInDirection(shapes, by('A'), 'left')).toBeUndefined();
    expect(nearestInDirection(shapes, by('A'), 'up')).toBeUndefined();
  });

  for (const year of [2019, 2025]) {
    it(`reaches every council of ${year} by arrow keys alone, in both maps`, () => {
      for (const m of [hexMap(geo.hex, row(year).hexLayout, W, H), boundaryMap(geo.boundaries, row(year).boundaryVintage, W, H)]) {
        const seen = new Set([m.shapes[0]!.code]);
        const todo: AreaMapShape[] = [m.shapes[0]!];
        while (todo.length) {
          const s = todo.pop()!;
          for (const d of ['left', 'right', 'up', 'down'] as const) {
            const n = nearestInDirection(m.shapes, s, d);
            if (n && !seen.has(n.code)) {
              seen.add(n.code);
              todo.push(n);
            }
          }
        }
        expect(seen.size).toBe(m.shapes.length);
      }
    });
  }
});

describe('projection', () => {
  const inBox = (s: ProjectedShape) => {
    const ns = numbers(s.d);
    expect(ns.length, s.name).toBeGreaterThan(6);
    for (const n of ns) expect(Number.isFinite(n), `${s.name}: ${n}`).toBe(true);
    for (let i = 0; i + 1 < ns.length; i += 2) {
      expect(ns[i]!).toBeGreaterThanOrEqual(-0.05);
      expect(ns[i]!).toBeLessThanOrEqual(W + 0.05);
      expect(ns[i + 1]!).toBeGreaterThanOrEqual(-0.05);
      expect(ns[i + 1]!).toBeLessThanOrEqual(H + 0.05);
    }
    for (const v of [...s.centroid, ...s.bbox.flat()]) expect(Number.isFinite(v)).toBe(true);
    expect(s.bbox[0][0]).toBeLessThanOrEqual(s.bbox[1][0]);
    expect(s.bbox[0][1]).toBeLessThanOrEqual(s.bbox[1][1]);
  };

  it('gives finite paths inside the viewBox for all 153 councils of 2025, in both maps, with the same codes', () => {
    const b = projectBoundaries(boundaryFeaturesForYear(geo.boundaries, geo.vintages, 2025), W, H);
    const h = projectHex(hexFeaturesForYear(geo.hex, geo.vintages, 2025), W, H);
    expect(b).toHaveLength(153);
    expect(h).toHaveLength(153);
    b.forEach(inBox);
    h.forEach(inBox);
    expect(new Set(b.map((s) => s.code))).toEqual(new Set(h.map((s) => s.code)));
  });

  it('puts England the right way up (north at the top, Cornwall bottom left, Northumberland at the top)', () => {
    for (const m of [boundaryMap(geo.boundaries, 2024, W, H), hexMap(geo.hex, 2023, W, H)]) {
      const c = (code: string) => m.shapes.find((s) => s.code === code)!.centroid;
      const cornwall = c('E06000052');
      const northumberland = c('E06000057');
      const kent = c('E10000016');
      expect(northumberland[1]).toBeLessThan(cornwall[1]);
      expect(cornwall[0]).toBeLessThan(kent[0]);
      expect(northumberland[1]).toBeLessThan(H / 4);
    }
  });

  it('projects every year’s vintage and layout, memoised (a year change within a vintage reuses the same shapes)', () => {
    for (const y of geoYears(geo.vintages)) {
      const r = row(y);
      const b = boundaryMap(geo.boundaries, r.boundaryVintage, W, H);
      const h = hexMap(geo.hex, r.hexLayout, W, H);
      expect(b.shapes).toHaveLength(r.laCount);
      expect(h.shapes).toHaveLength(r.laCount);
      expect(b.regionBorders.length).toBeGreaterThan(100);
      expect(b.outline.length).toBeGreaterThan(100);
      expect(h.groupOutlines.length).toBeGreaterThan(100);
      expect(numbers(b.regionBorders).every(Number.isFinite)).toBe(true);
    }
    expect(boundaryMap(geo.boundaries, 2014, W, H)).toBe(boundaryMap(geo.boundaries, 2014, W, H));
    // Vintages with the same councils share one projected map (2014-2018: the 152 councils before BCP).
    expect(boundaryMap(geo.boundaries, 2018, W, H).shapes).toBe(boundaryMap(geo.boundaries, 2014, W, H).shapes);
    expect(boundaryMap(geo.boundaries, 2019, W, H).shapes).not.toBe(boundaryMap(geo.boundaries, 2018, W, H).shapes);
    expect(hexMap(geo.hex, 2018, W, H).shapes).toBe(hexMap(geo.hex, 2018, W, H).shapes);
  });

  it('labels every hex layout with the Library’s group labels, inside the viewBox', () => {
    for (const layout of [2018, 2019, 2020, 2021, 2023]) {
      expect(hexLabelsFor(geo.hex, layout).length, `layout ${layout}`).toBeGreaterThanOrEqual(40);
      const m = hexMap(geo.hex, layout, W, H);
      for (const l of m.labels) {
        expect(l.x).toBeGreaterThan(0);
        expect(l.x).toBeLessThan(W);
        expect(l.y).toBeGreaterThan(0);
        expect(l.y).toBeLessThan(H);
        expect(l.size).toBeGreaterThan(4);
        // "Left" labels start at the point and run right, so the estimated text end stays in the box.
        const width = Math.max(...l.lines.map((s) => s.length)) * 0.5 * l.size;
        if (l.anchor === 'start') expect(l.x + width).toBeLessThanOrEqual(W);
        if (l.anchor === 'end') expect(l.x - width).toBeGreaterThanOrEqual(0);
      }
    }
    expect(hexMap(geo.hex, 2023, W, H).labels.find((l) => l.text === 'Leics & Rut.')?.lines).toEqual(['Leics &', 'Rut.']);
  });
});

describe('map view data for a year', () => {
  it('hatches Hampshire in 2023-24 section 47 enquiries (low reliability) and ranks councils with a figure', () => {
    const data = buildMeasureData('s47-enquiries');
    const bins = binsFor(data, 'rate');
    const r = row(2024);
    const b = boundaryMap(geo.boundaries, r.boundaryVintage, W, H);
    const h = hexMap(geo.hex, r.hexLayout, W, H);
    const v = mapYearView(data, 'rate', 2024, bins, [h.shapes, b.shapes]);
    expect(v.fills['E10000014']).toEqual({ missing: 'low reliability' });
    expect(v.missing.map((m) => `${m.name}: ${m.reason}`)).toContain('Hampshire: low reliability');
    expect(v.withValue + v.missing.length).toBe(153);
    const ranks = [...v.ranks.values()].map((x) => x.rank);
    expect(Math.min(...ranks)).toBe(1);
    expect(Math.max(...ranks)).toBeLessThanOrEqual(v.withValue);
    const top = [...v.values].sort((a, b) => b[1] - a[1])[0]!;
    expect(v.ranks.get(top[0])!.rank).toBe(1);
    for (const [code, f] of Object.entries(v.fills)) if ('bin' in f) expect(f.bin).toBeLessThan(bins.colours.length), expect(v.values.has(code)).toBe(true);

    const html = renderToStaticMarkup(createElement(AreaMap, { ...base, shapes: b.shapes, fills: v.fills, colours: bins.colours, width: W, height: H }));
    const hants = areaPaths(html).get('E10000014')!;
    expect(attr(hants.tag, 'fill')).toMatch(/^url\(#/);
    expect(hants.title).toBe('Hampshire: no figure (low reliability)');
  });

  it('uses the same classes in every year (computed across all years)', () => {
    const data = buildMeasureData('looked-after');
    const bins = binsFor(data, 'rate');
    const shapes19 = boundaryMap(geo.boundaries, row(2019).boundaryVintage, W, H).shapes;
    const v19 = mapYearView(data, 'rate', 2019, bins, [shapes19]);
    expect(v19.missing.map((m) => m.name).sort()).toEqual(['Bournemouth', 'Dorset', 'Poole']);
    expect(Object.values(v19.fills).filter((f) => 'bin' in f)).toHaveLength(149);
  });

  it('lists the hatched councils of every measure and year by name (en-GB), as the legend reads them', () => {
    let lists = 0;
    for (const id of ['s47-enquiries', 'looked-after', 'cpp-repeat', 'agency-social-workers']) {
      const data = buildMeasureData(id);
      const bins = binsFor(data, 'rate');
      for (const r of geo.vintages.years.filter((y) => data.years.includes(y.year))) {
        const v = mapYearView(data, 'rate', r.year, bins, [hexMap(geo.hex, r.hexLayout, W, H).shapes, boundaryMap(geo.boundaries, r.boundaryVintage, W, H).shapes]);
        const names = v.missing.map((m) => m.name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
        if (names.length > 1) lists++;
      }
    }
    expect(lists).toBeGreaterThan(3); // the order was tested on lists that have one
  });

  it('writes ranks as ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 151].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th', '151st']);
  });
});

describe('MapLegend', () => {
  it('lists the classes and a hatched "no figure" swatch naming the councils and reasons, as text', () => {
    const html = renderToStaticMarkup(
      createElement(MapLegend, {
        title: 'Per 10,000 children',
        labels: ['under 45', '45 to under 60'],
        colours: [BLUES_5[0], BLUES_5[4]],
        missing: [{ name: 'Hackney', reason: 'not available' }],
      }),
    );
    expect(html).toContain('under 45');
    expect(html).toContain('45 to under 60');
    expect(html).toContain(`fill="${BLUES_5[0]}"`);
    expect(html).toContain('Hackney: not available');
    const pid = html.match(/<pattern id="([^"]+)"/)![1];
    expect(html).toContain(`fill="url(#${pid})"`);
  });

  it('groups many missing councils by reason', () => {
    expect(missingText([])).toBe('none this year');
    const many = ['Brent', 'Derbyshire', 'Kent', 'Hackney', 'Swindon'].map((name, i) => ({ name, reason: i === 4 ? 'suppressed' : 'not available' }));
    expect(missingText(many)).toBe('Not available: Brent, Derbyshire, Kent, Hackney. Suppressed: Swindon');
  });
});
