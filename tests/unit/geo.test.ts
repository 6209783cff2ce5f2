import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { geoArea, geoBounds, geoCentroid } from 'd3-geo';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  boundaryFeatures,
  boundaryFeaturesForYear,
  hexFeatures,
  hexFeaturesForYear,
  hexGroupOutlines,
  hexLabels,
  hexLayouts,
  regionBorders,
  regionFeatures,
  type AreaGeometry,
  type BoundaryTopology,
  type HexTopology,
} from '@/lib/geo/features';
import { boundaryVintageFor, geoYears, hexLayoutFor, inVintage, parseGeoVintages } from '@/lib/geo/vintage';
import { buildAreas, type AreaIndex } from '@/scripts/ingest/areas';
import type { IngestContext } from '@/scripts/ingest/context';
import { buildGeo } from '@/scripts/ingest/geo';
import { RawDir } from '@/scripts/ingest/raw';

const ROOT = path.join(__dirname, '..', '..');
const GEO = path.join(ROOT, 'data', 'geo');
const read = (f: string) => readFileSync(path.join(GEO, f), 'utf8');
const bytes = { boundaries: read('boundaries.topo.json'), hex: read('hex.topo.json'), vintages: read('vintages.json') };
const boundaries = JSON.parse(bytes.boundaries) as BoundaryTopology;
const hex = JSON.parse(bytes.hex) as HexTopology;
const table = parseGeoVintages(JSON.parse(bytes.vintages));

const RAW = path.resolve(process.env.RAW_DIR ?? path.join(ROOT, '..', 'shared', 'data', 'raw'));
const haveRaw = existsSync(path.join(RAW, 'boundaries', 'topo.json'));

const YEARS = Array.from({ length: 16 }, (_, i) => 2010 + i);
const expectedCount = (y: number) => (y <= 2019 ? 152 : y <= 2021 ? 151 : y <= 2023 ? 152 : 153);
const codes = (fs: { properties: { code: string } }[]) => new Set(fs.map((f) => f.properties.code));

function rings(g: AreaGeometry): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

function planarArea(ring: Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return a / 2;
}

describe('vintages table', () => {
  it('covers every data year 2010-2025 with the expected boundary vintage and hex layout', () => {
    expect(geoYears(table)).toEqual(YEARS);
    const layout = (y: number) => (y <= 2019 ? 2018 : y === 2020 ? 2019 : y === 2021 ? 2020 : y <= 2023 ? 2021 : 2023);
    for (const y of YEARS) {
      expect(boundaryVintageFor(table, y), `boundary vintage ${y}`).toBe(Math.max(2014, y - 1));
      expect(hexLayoutFor(table, y), `hex layout ${y}`).toBe(layout(y));
    }
  });

  it('refuses years it has no geometry for', () => {
    expect(() => boundaryVintageFor(table, 2009)).toThrow(RangeError);
    expect(() => hexLayoutFor(table, 2026)).toThrow(RangeError);
  });

  it('reads start/end as inclusive vintages', () => {
    expect(inVintage({ end: 2018 }, 2018)).toBe(true);
    expect(inVintage({ end: 2018 }, 2019)).toBe(false);
    expect(inVintage({ start: 2019 }, 2018)).toBe(false);
    expect(inVintage({ start: 2019 }, 2019)).toBe(true);
    expect(inVintage({}, 1900)).toBe(true);
  });

  it('rejects an inconsistent table', () => {
    const bad = JSON.parse(bytes.vintages) as { years: { hexLayout: number }[] };
    bad.years[0]!.hexLayout = 2017;
    expect(() => parseGeoVintages(bad)).toThrow(/hex layout 2017/);
  });
});

describe('features per data year', () => {
  it.each(YEARS)('%i: one boundary and one hex per LA, the same codes in both', (y) => {
    const b = boundaryFeaturesForYear(boundaries, table, y);
    const h = hexFeaturesForYear(hex, table, y);
    expect(b).toHaveLength(expectedCount(y));
    expect(h).toHaveLength(expectedCount(y));
    expect(codes(b).size).toBe(b.length);
    expect([...codes(h)].sort()).toEqual([...codes(b)].sort());
    for (const f of [...b, ...h]) expect(f.properties.code).toMatch(/^E(06|08|09|10)\d{6}$/);
  });

  const cases: [number, string[], string[]][] = [
    [2010, ['E06000028', 'E06000029', 'E10000009', 'E06000057', 'E08000037'], ['E06000048', 'E08000020', 'E06000058']],
    [2019, ['E06000028', 'E06000029', 'E10000009', 'E10000002'], ['E06000058', 'E06000059']],
    [2020, ['E06000058', 'E06000059', 'E10000002'], ['E06000028', 'E06000029', 'E10000009', 'E06000060']],
    [2021, ['E06000060', 'E10000021'], ['E10000002', 'E06000061']],
    [2022, ['E06000061', 'E06000062', 'E10000006', 'E10000023', 'E10000027'], ['E10000021', 'E06000063']],
    [2023, ['E06000061', 'E10000006'], ['E06000063', 'E06000065']],
    [2024, ['E06000063', 'E06000064', 'E06000065', 'E06000066', 'E08000016', 'E08000019'], ['E10000006', 'E10000023', 'E10000027', 'E08000038']],
    [2025, ['E06000066', 'E08000016', 'E08000019', 'E06000057', 'E08000037'], ['E08000038', 'E08000039', 'E06000048', 'E08000020']],
  ];
  it.each(cases)('%i: has %j, lacks %j', (y, present, absent) => {
    for (const set of [codes(boundaryFeaturesForYear(boundaries, table, y)), codes(hexFeaturesForYear(hex, table, y))]) {
      for (const c of present) expect(set.has(c), `${c} in ${y}`).toBe(true);
      for (const c of absent) expect(set.has(c), `${c} not in ${y}`).toBe(false);
    }
  });

  it('keeps the 2025 vintage (Barnsley and Sheffield under their new codes) drawable', () => {
    const v2025 = codes(boundaryFeatures(boundaries, 2025));
    expect(v2025.size).toBe(153);
    expect(v2025.has('E08000038') && v2025.has('E08000039')).toBe(true);
    expect(v2025.has('E08000016')).toBe(false);
  });
});

describe('boundary geometry', () => {
  const all = Array.from({ length: 12 }, (_, i) => boundaryFeatures(boundaries, 2014 + i)).flat();

  it('has finite, closed rings inside England', () => {
    const bad: string[] = [];
    for (const f of all) {
      for (const ring of rings(f.geometry)) {
        const [x0, y0] = ring[0]!;
        const [x1, y1] = ring[ring.length - 1]!;
        if (ring.length < 4 || x0 !== x1 || y0 !== y1) bad.push(`${f.properties.code}: open or degenerate ring`);
        for (const [x, y] of ring as [number, number][]) {
          // England lies within 6.5°W-1.9°E, 49.8°N-55.9°N; NaN fails every comparison
          if (!(x > -6.5 && x < 1.9 && y > 49.8 && y < 55.9)) bad.push(`${f.properties.code}: ${x},${y}`);
        }
      }
    }
    expect(all.length).toBeGreaterThan(12 * 150);
    expect(bad).toEqual([]);
  });

  it('is wound as d3-geo expects (no feature covers the globe) and adds up to England', () => {
    const km2 = (sr: number) => sr * 6371.0088 ** 2;
    for (const f of all) {
      const a = km2(geoArea(f));
      expect(a, f.properties.code).toBeGreaterThan(1); // City of London ~3 km², Isles of Scilly ~16 km²
      expect(a, f.properties.code).toBeLessThan(20000); // North Yorkshire ~8,000 km²
    }
    for (const y of [2019, 2025]) {
      const total = boundaryFeaturesForYear(boundaries, table, y).reduce((s, f) => s + km2(geoArea(f)), 0);
      expect(total).toBeGreaterThan(125000); // England: 130,300 km²
      expect(total).toBeLessThan(136000);
    }
  });

  it('puts each LA where it belongs', () => {
    const by = new Map(boundaryFeatures(boundaries, 2024).map((f) => [f.properties.code, f]));
    const [nx, ny] = geoCentroid(by.get('E06000057')!); // Northumberland
    const [cx, cy] = geoCentroid(by.get('E06000052')!); // Cornwall
    expect(ny).toBeGreaterThan(54.8);
    expect(cy).toBeLessThan(50.8);
    expect(nx).toBeGreaterThan(cx);
    const [[w, s], [e, n]] = geoBounds(by.get('E09000001')!); // City of London
    expect(e - w).toBeLessThan(0.06);
    expect(n - s).toBeLessThan(0.03);
  });

  it('has the nine regions and their borders', () => {
    expect(regionFeatures(boundaries).map((f) => f.properties.code)).toEqual(['E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006', 'E12000007', 'E12000008', 'E12000009']);
    expect(regionBorders(boundaries).coordinates.length).toBeGreaterThan(5);
  });
});

describe('hex geometry', () => {
  const HEX_AREA = ((3 * Math.sqrt(3)) / 2) * (0.3 / Math.sqrt(3)) ** 2; // one small pointy-top hexagon, 0.3 units wide

  it('has the five layouts', () => {
    expect(hexLayouts(hex)).toEqual([2018, 2019, 2020, 2021, 2023]);
  });

  it.each([2018, 2019, 2020, 2021, 2023])('%i: finite coordinates, every LA at least one small hexagon', (layout) => {
    for (const f of hexFeatures(hex, layout)) {
      let area = 0;
      for (const ring of rings(f.geometry)) {
        if (!ring.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))) throw new Error(`${f.properties.code}: non-finite coordinate`);
        area += Math.abs(planarArea(ring));
      }
      expect(area, f.properties.code).toBeGreaterThan(HEX_AREA * 0.9);
    }
  });

  it('has y pointing up (north above south) and hexes of the Library\'s size', () => {
    const by = new Map(hexFeatures(hex, 2023).map((f) => [f.properties.code, f]));
    const ys = (c: string) => rings(by.get(c)!.geometry).flat().map((p) => p[1]!);
    expect(Math.min(...ys('E06000057'))).toBeGreaterThan(Math.max(...ys('E06000052'))); // Northumberland above Cornwall
    // Birmingham (~1.1m people) is far bigger than Rutland (~40,000)
    const area = (c: string) => rings(by.get(c)!.geometry).reduce((s, r) => s + Math.abs(planarArea(r)), 0);
    expect(area('E08000025') / area('E06000017')).toBeGreaterThan(10);
  });

  it('has group names, outlines and 2023 labels', () => {
    const gm = hexFeatures(hex, 2023).filter((f) => f.properties.group === 'Greater Manchester');
    expect(gm).toHaveLength(10);
    const outlines = hexGroupOutlines(hex, 2023);
    expect(outlines.find((o) => o.group === 'Greater Manchester')?.geometry.coordinates.length).toBe(1);
    const labels = hexLabels(hex, 2023);
    const groups = new Set(outlines.map((o) => o.group));
    expect(labels.length).toBeGreaterThan(40);
    for (const l of labels) expect(groups.has(l.properties.group), l.properties.group).toBe(true);
    expect(hexLabels(hex, 2018)).toEqual([]);
  });
});

describe('file sizes', () => {
  const size = (s: string) => Buffer.byteLength(s);
  const gz = (s: string) => gzipSync(s, { level: 9 }).length;
  it('stays small enough to ship with a page', () => {
    expect(size(bytes.boundaries)).toBeLessThan(150_000);
    expect(gz(bytes.boundaries)).toBeLessThan(40_000);
    expect(size(bytes.hex)).toBeLessThan(160_000);
    expect(gz(bytes.hex)).toBeLessThan(15_000);
    expect(size(bytes.vintages)).toBeLessThan(5_000);
  });
});

describe.skipIf(!haveRaw)('buildGeo against the raw files', () => {
  // Built lazily: a skipped suite's body still runs at collection time.
  let raw!: RawDir;
  let areas!: AreaIndex;
  beforeAll(() => {
    raw = new RawDir(RAW);
    areas = buildAreas(raw, 2025);
  });
  const ctx = (a: AreaIndex | Pick<AreaIndex, 'lasIn'>, lastDataYear = 2025): IngestContext => ({
    raw,
    areas: a as AreaIndex,
    lastDataYear,
    useSource: (id) => id,
    report: () => undefined,
  });

  it('reproduces the committed files byte for byte', () => {
    const out = new Map(buildGeo(ctx(areas)).map((f) => [f.path, f.content]));
    expect([...out.keys()].sort()).toEqual(['geo/boundaries.topo.json', 'geo/hex.topo.json', 'geo/vintages.json']);
    expect(out.get('geo/boundaries.topo.json') === bytes.boundaries).toBe(true);
    expect(out.get('geo/hex.topo.json') === bytes.hex).toBe(true);
    expect(out.get('geo/vintages.json')).toBe(bytes.vintages);
  });

  it('stops, naming the year and the codes, when the LA list and the boundaries disagree', () => {
    const doctored = { lasIn: (y: number) => areas.lasIn(y).filter((a) => !(y === 2020 && a.code === 'E06000058')) };
    expect(() => buildGeo(ctx(doctored))).toThrow(/data year 2020: boundary vintage 2019 .*only in vintage 2019: E06000058; only in DfE's LA list: none/);
  });

  it('stops when no hex layout matches a year (2026: Barnsley and Sheffield recoded)', () => {
    expect(() => buildGeo(ctx(areas, 2026))).toThrow(/data year 2026: no hex layout .*nearest is 2023 .*E08000016, E08000019.*E08000038, E08000039/);
  });
});
