import { describe, expect, it } from 'vitest';
import { loadGeo } from '@/lib/data/geo';
import { buildMapsFile } from '@/lib/geo/maps-build';
import { ArcPaths, boundaryMapFrom, checkMapsFile, hexMapFrom, MAP_HEIGHT, MAP_WIDTH } from '@/lib/geo/maps-file';
import { boundaryMap, hexMap, type ProjectedShape } from '@/lib/geo/project';

// The browser draws the maps from a file projected at build time; these tests hold it to the d3
// projection it replaces (lib/geo/project), year by year.
const geo = loadGeo();
// Through JSON, as the browser receives it.
const file = checkMapsFile(JSON.parse(JSON.stringify(buildMapsFile(geo, MAP_WIDTH, MAP_HEIGHT))), MAP_WIDTH, MAP_HEIGHT);

const points = (d: string) => [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
const subpaths = (d: string) => d.split('M').length - 1;

/** Every vertex of `b` is a vertex of `a` (to 0.1 unit), with as many subpaths; `b` may skip repeats. */
function expectSameShapes(a: readonly ProjectedShape[], b: readonly ProjectedShape[]) {
  expect(b.map((s) => s.code)).toEqual(a.map((s) => s.code));
  expect(b.map((s) => s.name)).toEqual(a.map((s) => s.name));
  a.forEach((s, i) => {
    const t = b[i]!;
    expect(t.centroid).toEqual(s.centroid);
    expect(t.bbox).toEqual(s.bbox);
    expect(subpaths(t.d)).toBe(subpaths(s.d));
    const mine = new Set(points(s.d).map((p) => p.join()));
    const theirs = points(t.d);
    expect(theirs.length).toBeGreaterThan(0.98 * mine.size);
    expect(theirs.filter((p) => !mine.has(p.join()))).toEqual([]);
  });
}

describe('the maps file drawn in the browser', () => {
  it.each(geo.vintages.years.map((r) => [r.year, r] as const))('%i: both maps have the councils, paths, centroids and boxes of the d3 projection', (_y, r) => {
    const b = boundaryMapFrom(file, r.boundaryVintage)!;
    const d3b = boundaryMap(geo.boundaries, r.boundaryVintage, MAP_WIDTH, MAP_HEIGHT);
    expect(b.shapes).toHaveLength(r.laCount);
    expectSameShapes(d3b.shapes, b.shapes);
    const h = hexMapFrom(file, r.hexLayout)!;
    const d3h = hexMap(geo.hex, r.hexLayout, MAP_WIDTH, MAP_HEIGHT);
    expect(h.shapes).toHaveLength(r.laCount);
    expectSameShapes(d3h.shapes, h.shapes);
    expect(h.groupOutlines).toBe(d3h.groupOutlines);
    expect(h.labels).toEqual(d3h.labels);
  });

  it('draws the region borders and England’s outline where d3 does', () => {
    const b = boundaryMapFrom(file, 2024)!;
    const d3b = boundaryMap(geo.boundaries, 2024, MAP_WIDTH, MAP_HEIGHT);
    for (const k of ['regionBorders', 'outline'] as const) {
      const mine = new Set(points(d3b[k]).map((p) => p.join()));
      const theirs = points(b[k]);
      expect(theirs.length).toBeGreaterThan(0.98 * mine.size);
      expect(theirs.filter((p) => !mine.has(p.join()))).toEqual([]);
    }
  });

  it('reuses one map for the vintages with the same councils, so a year change only recolours', () => {
    expect(boundaryMapFrom(file, 2018)).toBe(boundaryMapFrom(file, 2014));
    expect(boundaryMapFrom(file, 2019)!.shapes).not.toBe(boundaryMapFrom(file, 2018)!.shapes);
    expect(hexMapFrom(file, 2023)).toBe(hexMapFrom(file, 2023));
    expect(boundaryMapFrom(file, 1999)).toBeUndefined();
    expect(hexMapFrom(file, 1999)).toBeUndefined();
  });

  it('refuses a file of another version or viewBox with a message, not a broken map', () => {
    expect(() => checkMapsFile({ ...file, version: 2 }, MAP_WIDTH, MAP_HEIGHT)).toThrow(/reload the page/);
    expect(() => checkMapsFile('<!doctype html>', MAP_WIDTH, MAP_HEIGHT)).toThrow(/not one this page can read/);
    expect(() => checkMapsFile(file, 800, 600)).toThrow(/400 × 480, not 800 × 600/);
  });

  it('writes path data from arcs as d3 does: shared arcs walked both ways, rings closed with Z, repeated points once, 0.1 unit', () => {
    // Two squares sharing the edge x = 10 (arc 1), quantized and delta-encoded as TopoJSON writes them.
    const topo = {
      type: 'Topology' as const,
      transform: { scale: [0.1, 0.1] as [number, number], translate: [0, 0] as [number, number] },
      objects: {},
      arcs: [
        [[100, 0], [-100, 0], [0, 0], [0, 100], [100, 0]], // (10,0) → (0,0) → (0,0) again → (0,10) → (10,10)
        [[100, 100], [0, -50], [1, 0], [-1, -50]], // (10,10) → (10,5) → (10.1,5) → (10,0): 10.1 stays, a repeat would not
        [[100, 0], [100, 0], [0, 100], [-100, 0]], // (10,0) → (20,0) → (20,10) → (10,10)
      ],
    };
    const paths = new ArcPaths(topo);
    expect(paths.polygon([[0, 1]])).toBe('M10,0L0,0L0,10L10,10L10,5L10.1,5Z');
    expect(paths.polygon([[~1, ~2]])).toBe('M10,0L10.1,5L10,5L10,10L20,10L20,0Z');
    expect(paths.line([1], false)).toBe('M10,10L10,5L10.1,5L10,0');
    // With a transform (a hex layout's): y up becomes y down.
    expect(new ArcPaths(topo, (x, y) => [2 * x, -y + 10]).line([0], false)).toBe('M20,10L0,10L0,0L20,0');
  });
});
