import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, presimplify, simplify, sphericalRingArea, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Objects, Topology } from 'topojson-specification';
import type { BoundaryProps, HexLabelProps, HexProps, RegionProps } from '../../lib/geo/features';
import {
  BOUNDARIES_FILE,
  BOUNDARY_OBJECT,
  GEO_VINTAGES_FILE,
  HEX_FILE,
  REGION_OBJECT,
  hexLabelsObjectName,
  hexObjectName,
  inVintage,
  parseGeoVintages,
  type GeoVintages,
  type GeoYear,
} from '../../lib/geo/vintage';
import { CODE_CORRECTIONS, FIRST_DATA_YEAR, norm } from './areas';
import type { IngestContext } from './context';
import type { RawDir } from './raw';

/**
 * Map geometry for the site: local authority boundaries (ONS, all vintages 2014-2025 in one
 * topology) and House of Commons Library hex cartograms (one object per layout year), England only,
 * plus data/geo/vintages.json saying which boundary vintage and hex layout to draw for each data
 * year. The choice is derived and then checked against DfE's LA list (ctx.areas) for every data
 * year: the map for a year must hold exactly the LAs DfE published for it, or the ingest stops.
 *
 * Boundary vintages are ONS calendar years with April changes (BCP start=2019 = from 1 April 2019),
 * so data year Y (ending 31 March Y) is drawn with vintage Y − 1, clamped to the first vintage (2014).
 */

const TOPO = 'boundaries/topo.json';
const hexPath = (layout: number) => `hexmaps/hocl/geojson/utla-${layout}.geojson`;
const LABELS_LAYOUT = 2023;
const HEX_LABELS = `hexmaps/hocl/geojson/group-labels-${LABELS_LAYOUT}.geojson`;

export const BOUNDARY_SOURCE = 'ons-uk-topojson';
export const HEX_SOURCE = 'hocl-hex-cartograms';

/** Vintages the ONS file covers (PROVENANCE: "all vintages 2014-2025"). */
export const FIRST_VINTAGE = 2014;
export const LAST_VINTAGE = 2025;
/** House of Commons Library upper-tier layouts in the raw folder. */
export const HEX_LAYOUTS = [2018, 2019, 2020, 2021, 2023] as const;

/** English upper-tier LAs: unitaries, metropolitan districts, London boroughs (+ City), counties. */
const ENGLISH_LA = /^E(06|08|09|10)\d{6}$/;
const ENGLISH_REGION = /^E12\d{6}$/;

/**
 * Simplification (Visvalingam, effective triangle area on the sphere). England is ~650 km wide,
 * so at ~600 px one pixel is ~1 km: points whose triangle is under MIN_TRIANGLE_KM2 are dropped
 * (0.3 km² keeps London boroughs presentable when zoomed to ~500 px, for ~95 kB raw).
 * Rings (islands, holes) under MIN_RING_KM2 are dropped too, except each LA's largest part, which
 * is always kept (the Isles of Scilly and the City of London must stay drawable).
 */
export const MIN_TRIANGLE_KM2 = 0.3;
export const MIN_RING_KM2 = 2;
/** Grid of the boundary file: England's bounding box split into this many steps per axis (~55-65 m). */
export const BOUNDARY_QUANTIZATION = 1e4;
const EARTH_RADIUS_KM = 6371.0088;
const km2ToSteradians = (km2: number) => km2 / (EARTH_RADIUS_KM * EARTH_RADIUS_KM);

/**
 * The Library's hexes are regular pointy-top hexagons 0.3 units wide, so every vertex lies on a
 * lattice of 0.15 × 0.15/√3 units. Snapping to it (the GeoJSON was rounded to 3 decimals, so shared
 * edges differ in the last digit) makes shared edges identical, and the lattice is the file's grid.
 */
const HEX_DX = 0.15;
const HEX_DY = HEX_DX / Math.sqrt(3);
const HEX_SNAP_TOLERANCE = 0.015;

// ---------------------------------------------------------------------------------------------

const fail = (file: string, msg: string): never => {
  throw new Error(`${file}: ${msg}`);
};

/** A code as DfE publishes it (2013 Northumberland/Gateshead corrections applied). */
const currentCode = (code: string) => CODE_CORRECTIONS.get(code) ?? code;

function diffCodes(mapCodes: ReadonlySet<string>, dfeCodes: ReadonlySet<string>): { onlyMap: string[]; onlyDfe: string[] } {
  return {
    onlyMap: [...mapCodes].filter((c) => !dfeCodes.has(c)).sort(),
    onlyDfe: [...dfeCodes].filter((c) => !mapCodes.has(c)).sort(),
  };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((c) => b.has(c));

function describeDiff(d: { onlyMap: string[]; onlyDfe: string[] }, what: string): string {
  return `only in ${what}: ${d.onlyMap.join(', ') || 'none'}; only in DfE's LA list: ${d.onlyDfe.join(', ') || 'none'}`;
}

/** Boundary vintage drawn for a data year: the ONS vintage in force on 31 March of that year. */
export function boundaryVintageOf(year: number): number {
  return Math.max(FIRST_VINTAGE, year - 1);
}

// --- boundaries ------------------------------------------------------------------------------

interface SourceTopology extends Topology {
  objects: { [name: string]: GeometryObject<Record<string, unknown>> };
}

function sourceCollection(src: SourceTopology, name: string): GeometryCollection<Record<string, unknown>> {
  const o = src.objects[name];
  if (!o || o.type !== 'GeometryCollection') return fail(TOPO, `object "${name}" is missing or not a GeometryCollection`);
  return o;
}

function optYearProp(p: Record<string, unknown>, key: string, code: string): number | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 2000 || v > 2100) return fail(TOPO, `feature ${code}: property "${key}" is not a year (${JSON.stringify(v)})`);
  return v;
}

function areaFeatures<P>(src: SourceTopology, name: string, props: (p: Record<string, unknown>) => P | undefined): Feature<Polygon | MultiPolygon, P>[] {
  const out: Feature<Polygon | MultiPolygon, P>[] = [];
  for (const g of sourceCollection(src, name).geometries) {
    const p = props(g.properties ?? {});
    if (p === undefined) continue;
    const f = feature(src, g);
    if (f.type !== 'Feature' || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) {
      return fail(TOPO, `object "${name}": feature ${JSON.stringify(g.properties)} is not a polygon`);
    }
    out.push({ type: 'Feature', properties: p, geometry: f.geometry });
  }
  return out;
}

const SOURCE_KEYS = new Set(['areacd', 'areanm', 'start', 'end']);

function checkKeys(p: Record<string, unknown>, object: string) {
  for (const k of Object.keys(p)) if (!SOURCE_KEYS.has(k)) fail(TOPO, `object "${object}": unexpected property "${k}" on ${JSON.stringify(p)}`);
}

function str(p: Record<string, unknown>, key: string, file: string, what: string): string {
  const v = p[key];
  if (typeof v !== 'string' || v.trim() === '') return fail(file, `${what}: property "${key}" is missing or empty (${JSON.stringify(p)})`);
  return v.trim();
}

/** English UTLA features alive in any vintage FIRST..LAST, sorted by code then start. */
function readBoundaryFeatures(src: SourceTopology): Feature<Polygon | MultiPolygon, BoundaryProps>[] {
  const features = areaFeatures<BoundaryProps>(src, 'utla', (p) => {
    checkKeys(p, 'utla');
    const raw = str(p, 'areacd', TOPO, 'utla');
    if (!ENGLISH_LA.test(raw)) return undefined;
    const code = currentCode(raw);
    const start = optYearProp(p, 'start', code);
    const end = optYearProp(p, 'end', code);
    if (start !== undefined && start > LAST_VINTAGE) fail(TOPO, `feature ${code} starts in ${start}, after the last vintage this ingest knows (${LAST_VINTAGE}); review the file and raise LAST_VINTAGE`);
    if (start !== undefined && end !== undefined && end < start) fail(TOPO, `feature ${code} ends (${end}) before it starts (${start})`);
    if ((end ?? Infinity) < FIRST_VINTAGE) return undefined;
    const out: BoundaryProps = { code, name: str(p, 'areanm', TOPO, code) };
    if (start !== undefined) out.start = start;
    if (end !== undefined) out.end = end;
    return out;
  });
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code) || (a.properties.start ?? 0) - (b.properties.start ?? 0));
  for (let v = FIRST_VINTAGE; v <= LAST_VINTAGE; v++) {
    const seen = new Set<string>();
    for (const f of features) {
      if (!inVintage(f.properties, v)) continue;
      if (seen.has(f.properties.code)) fail(TOPO, `two features with code ${f.properties.code} in vintage ${v}`);
      seen.add(f.properties.code);
    }
  }
  return features;
}

function readRegionFeatures(src: SourceTopology): Feature<Polygon | MultiPolygon, RegionProps>[] {
  const features = areaFeatures<RegionProps>(src, 'rgn', (p) => {
    checkKeys(p, 'rgn');
    const code = str(p, 'areacd', TOPO, 'rgn');
    if (!ENGLISH_REGION.test(code)) return undefined;
    if (p.start != null || p.end != null) fail(TOPO, `region ${code} has start/end years; regions are expected not to change`);
    return { code, name: str(p, 'areanm', TOPO, code) };
  });
  if (features.length !== 9) fail(TOPO, `expected the 9 English regions in "rgn", found ${features.length}`);
  return features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
}

type WeightedArc = [number, number, number][];
type Ring = number[];

function ringPoints(arcs: readonly Position[][], ring: Ring): Position[] {
  const pts: Position[] = [];
  ring.forEach((i, k) => {
    const arc = i < 0 ? [...arcs[~i]!].reverse() : arcs[i]!;
    pts.push(...(k === 0 ? arc : arc.slice(1)));
  });
  return pts;
}

const ringKey = (ring: Ring) => ring.map((i) => (i < 0 ? ~i : i)).sort((a, b) => a - b).join(',');

function polygonsOf(g: GeometryObject<BoundaryProps>): Ring[][] {
  if (g.type === 'Polygon') return [g.arcs];
  if (g.type === 'MultiPolygon') return g.arcs;
  return [];
}

/** Simplify and quantize the boundaries; every LA keeps at least its largest part. */
function simplifyBoundaries(utla: Feature<Polygon | MultiPolygon, BoundaryProps>[], rgn: Feature<Polygon | MultiPolygon, RegionProps>[]): Topology {
  const fc = <P>(features: Feature<Polygon | MultiPolygon, P>[]): FeatureCollection<Polygon | MultiPolygon, P> => ({ type: 'FeatureCollection', features });
  const topo = topology({ [BOUNDARY_OBJECT]: fc(utla), [REGION_OBJECT]: fc(rgn) }) as unknown as Topology<Objects>;
  const minWeight = km2ToSteradians(MIN_TRIANGLE_KM2);
  const minRing = km2ToSteradians(MIN_RING_KM2);

  const pre = presimplify(topo, sphericalTriangleArea);
  const arcs = pre.arcs as unknown as WeightedArc[];
  const coords = arcs as unknown as Position[][];

  // Protect each LA's largest exterior ring: keep at least three distinct vertices on it.
  const protectedRings = new Set<string>();
  const utlaObj = pre.objects[BOUNDARY_OBJECT] as GeometryCollection<BoundaryProps>;
  for (const g of utlaObj.geometries) {
    let best: Ring | undefined;
    let bestArea = -1;
    for (const poly of polygonsOf(g)) {
      const a = sphericalRingArea(ringPoints(coords, poly[0]!) as [number, number][], false);
      if (a > bestArea) (best = poly[0]), (bestArea = a);
    }
    if (!best) return fail(TOPO, `feature ${(g.properties as BoundaryProps | undefined)?.code} has no polygon`);
    protectedRings.add(ringKey(best));
    const kept = best.reduce((n, i) => n + 1 + arcs[i < 0 ? ~i : i]!.slice(1, -1).filter((p) => p[2] >= minWeight).length, 0);
    if (kept >= 3) continue;
    const interior = best.flatMap((i) => arcs[i < 0 ? ~i : i]!.slice(1, -1)).filter((p) => p[2] < minWeight);
    interior.sort((a, b) => b[2] - a[2]);
    for (const p of interior.slice(0, 3 - kept)) p[2] = Infinity;
  }

  const simple = simplify(pre, minWeight);
  const simpleArcs = simple.arcs as Position[][];
  const filtered = filter(simple, ((ring: Ring, interior: boolean) => {
    if (protectedRings.has(ringKey(ring))) return true;
    const a = sphericalRingArea(ringPoints(simpleArcs, ring) as [number, number][], interior);
    return a >= minRing && a < 2 * Math.PI;
  }) as never);
  for (const name of [BOUNDARY_OBJECT, REGION_OBJECT]) {
    for (const g of (filtered.objects[name] as GeometryCollection<{ code: string }>).geometries) {
      if (g.type === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) fail(TOPO, `simplification removed all of ${(g.properties as { code?: string } | undefined)?.code}`);
    }
  }
  return quantize(filtered, BOUNDARY_QUANTIZATION);
}

/** Decoded rings of a written boundary feature must be closed, finite and wound as d3-geo expects. */
function checkBoundaryGeometry(topo: Topology, name: string) {
  const fc = feature(topo, topo.objects[name] as GeometryCollection<{ code: string }>);
  for (const f of fc.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : fail(BOUNDARIES_FILE, `${f.properties.code} is not a polygon`);
    let total = 0;
    for (const poly of polys) {
      poly.forEach((ring, k) => {
        if (ring.length < 4 || ring.some((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) fail(BOUNDARIES_FILE, `${f.properties.code}: degenerate or non-finite ring`);
        const a = sphericalRingArea(ring as [number, number][], k > 0);
        if (!(a > 0 && a < 0.01)) fail(BOUNDARIES_FILE, `${f.properties.code}: ring ${k} has area ${a} sr (wrong winding or collapsed after simplification)`);
        total += k === 0 ? a : -a;
      });
    }
    if (!(total > 0)) fail(BOUNDARIES_FILE, `${f.properties.code}: no area left after simplification`);
  }
}

// --- hex cartograms ----------------------------------------------------------------------------

interface HexSource {
  layout: number;
  features: Feature<Polygon | MultiPolygon, HexProps>[];
}

const HEX_KEYS = new Set(['LA-label', 'Group', 'Group-labe', 'RegionNati', 'cua-code', 'cua-name']);

function readGeoJson(raw: RawDir, file: string): FeatureCollection<Polygon | MultiPolygon | Point | null, Record<string, unknown>> {
  const j = JSON.parse(raw.text(file)) as { type?: unknown; features?: unknown };
  if (j.type !== 'FeatureCollection' || !Array.isArray(j.features)) return fail(file, 'not a GeoJSON FeatureCollection');
  return j as FeatureCollection<Polygon | MultiPolygon | Point | null, Record<string, unknown>>;
}

function readHexLayout(raw: RawDir, layout: number): HexSource {
  const file = hexPath(layout);
  const features: Feature<Polygon | MultiPolygon, HexProps>[] = [];
  for (const f of readGeoJson(raw, file).features) {
    const p = f.properties ?? {};
    for (const k of Object.keys(p)) if (!HEX_KEYS.has(k)) fail(file, `unexpected property "${k}" on ${JSON.stringify(p)}`);
    const rawCode = str(p, 'cua-code', file, 'feature');
    if (!ENGLISH_LA.test(rawCode)) continue;
    const code = currentCode(rawCode);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return fail(file, `${code}: geometry is not a polygon`);
    const props: HexProps = { code, name: str(p, 'cua-name', file, code) };
    const group = p.Group;
    if (typeof group === 'string' && group.trim() !== '') props.group = group.trim();
    const label = p['LA-label'];
    if (typeof label === 'string' && label.trim() !== '') props.label = label.trim();
    features.push({ type: 'Feature', properties: props, geometry: g });
  }
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  for (let i = 1; i < features.length; i++) if (features[i]!.properties.code === features[i - 1]!.properties.code) fail(file, `code ${features[i]!.properties.code} appears twice`);
  return { layout, features };
}

interface Lattice {
  x0: number;
  y0: number;
}

function snap(lat: Lattice, p: Position, file: string, what: string): [number, number] {
  const [x, y] = p as [number, number];
  if (!Number.isFinite(x) || !Number.isFinite(y)) return fail(file, `${what}: non-finite coordinate ${JSON.stringify(p)}`);
  const i = Math.round((x - lat.x0) / HEX_DX);
  const j = Math.round((y - lat.y0) / HEX_DY);
  if (Math.abs(lat.x0 + i * HEX_DX - x) > HEX_SNAP_TOLERANCE || Math.abs(lat.y0 + j * HEX_DY - y) > HEX_SNAP_TOLERANCE) {
    return fail(file, `${what}: vertex ${x},${y} is not on the hexagon lattice`);
  }
  return [i, j];
}

function snapPolygon(lat: Lattice, rings: Position[][], file: string, what: string): Position[][] {
  return rings.map((ring) => {
    const out: [number, number][] = [];
    for (const p of ring) {
      const q = snap(lat, p, file, what);
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    const first = out[0]!;
    const last = out[out.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
    if (out.length < 4) fail(file, `${what}: ring collapses when snapped to the lattice`);
    return out;
  });
}

function readHexLabels(raw: RawDir, groups: ReadonlySet<string>): Feature<Point, HexLabelProps>[] {
  const byNorm = new Map([...groups].map((g) => [norm(g), g]));
  const out: Feature<Point, HexLabelProps>[] = [];
  for (const f of readGeoJson(raw, HEX_LABELS).features) {
    const p = f.properties ?? {};
    const region = str(p, 'RegionNati', HEX_LABELS, 'label');
    if (region === 'Scotland' || region === 'Wales' || region === 'Northern Ireland') continue;
    const name = str(p, 'Group', HEX_LABELS, 'label');
    const group = byNorm.get(norm(name)) ?? fail(HEX_LABELS, `label group "${name}" matches no group of the ${LABELS_LAYOUT} hex layout`);
    const pos = str(p, 'LabelPosit', HEX_LABELS, name).toLowerCase();
    if (pos !== 'left' && pos !== 'right') return fail(HEX_LABELS, `${name}: LabelPosit must be Left or Right, got ${pos}`);
    if (f.geometry?.type !== 'Point') return fail(HEX_LABELS, `${name}: not a point`);
    out.push({ type: 'Feature', properties: { group, label: str(p, 'Group-labe', HEX_LABELS, name), position: pos }, geometry: f.geometry });
  }
  return out.sort((a, b) => a.properties.group.localeCompare(b.properties.group));
}

function buildHexTopology(raw: RawDir, layouts: HexSource[]): Topology {
  // Lattice origin: the lowest x and y of any vertex (every vertex is then at i, j ≥ 0).
  let x0 = Infinity;
  let y0 = Infinity;
  for (const l of layouts) {
    for (const f of l.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys.flat(2)) (x0 = Math.min(x0, p[0]!)), (y0 = Math.min(y0, p[1]!));
    }
  }
  const lat: Lattice = { x0, y0 };
  const objects: Record<string, FeatureCollection> = {};
  for (const l of layouts) {
    const file = hexPath(l.layout);
    objects[hexObjectName(l.layout)] = {
      type: 'FeatureCollection',
      features: l.features.map((f) => {
        const what = f.properties.code;
        const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map((poly) => snapPolygon(lat, poly, file, what));
        // the source wraps every area in a MultiPolygon; one part is written as a Polygon
        const g: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
        return { type: 'Feature', properties: f.properties, geometry: g };
      }),
    };
  }
  const labelLayout = layouts.find((l) => l.layout === LABELS_LAYOUT);
  if (labelLayout) {
    const groups = new Set(labelLayout.features.flatMap((f) => (f.properties.group ? [f.properties.group] : [])));
    objects[hexLabelsObjectName(LABELS_LAYOUT)] = {
      type: 'FeatureCollection',
      features: readHexLabels(raw, groups).map((f) => {
        // labels need not sit on a vertex: round to the nearest lattice point (< 1/4 of a hex off)
        const [x, y] = f.geometry.coordinates as [number, number];
        return { ...f, geometry: { type: 'Point', coordinates: [Math.round((x - x0) / HEX_DX), Math.round((y - y0) / HEX_DY)] } };
      }),
    };
  }
  // Lattice indices are integers already: "quantize" with the identity to delta-encode the arcs,
  // then declare the lattice as the transform.
  const topo = topology(objects);
  const q = quantize({ ...topo, bbox: undefined } as unknown as Topology<Objects>, { scale: [1, 1], translate: [0, 0] });
  return { type: 'Topology', transform: { scale: [HEX_DX, HEX_DY], translate: [x0, y0] }, objects: q.objects, arcs: q.arcs };
}

// --- the table and its checks ------------------------------------------------------------------

function hexCodes(l: HexSource): Set<string> {
  return new Set(l.features.map((f) => f.properties.code));
}

/** Choose and check, for every data year, the boundary vintage and the hex layout. */
function deriveYears(ctx: IngestContext, boundaries: Feature<Polygon | MultiPolygon, BoundaryProps>[], layouts: HexSource[]): { years: GeoYear[]; notes: string[] } {
  const years: GeoYear[] = [];
  const notes: string[] = [];
  const layoutCodes = layouts.map((l) => ({ layout: l.layout, codes: hexCodes(l) }));
  for (let year = FIRST_DATA_YEAR; year <= ctx.lastDataYear; year++) {
    const dfe = new Set(ctx.areas.lasIn(year).map((a) => a.code));
    if (dfe.size === 0) throw new Error(`geo: DfE's LA list has no local authorities in data year ${year}`);
    const vintage = boundaryVintageOf(year);
    if (vintage > LAST_VINTAGE) throw new Error(`geo: data year ${year} needs boundary vintage ${vintage}, but ${TOPO} covers ${FIRST_VINTAGE}-${LAST_VINTAGE}`);
    const map = new Set(boundaries.filter((f) => inVintage(f.properties, vintage)).map((f) => f.properties.code));
    if (!sameSet(map, dfe)) {
      throw new Error(`geo: data year ${year}: boundary vintage ${vintage} does not match DfE's local authorities (${describeDiff(diffCodes(map, dfe), `vintage ${vintage}`)})`);
    }
    const matching = layoutCodes.filter((l) => sameSet(l.codes, dfe));
    const chosen = matching[matching.length - 1];
    if (!chosen) {
      const ranked = layoutCodes
        .map((l) => ({ ...l, d: diffCodes(l.codes, dfe) }))
        .sort((a, b) => a.d.onlyMap.length + a.d.onlyDfe.length - (b.d.onlyMap.length + b.d.onlyDfe.length) || b.layout - a.layout);
      const near = ranked[0]!;
      throw new Error(`geo: data year ${year}: no hex layout holds exactly DfE's ${dfe.size} local authorities; nearest is ${near.layout} (${describeDiff(near.d, `layout ${near.layout}`)})`);
    }
    years.push({ year, boundaryVintage: vintage, hexLayout: chosen.layout, laCount: dfe.size });
  }
  for (const l of layoutCodes) {
    if (!years.some((y) => y.hexLayout === l.layout)) notes.push(`Hex layout ${l.layout} (${l.codes.size} English LAs) matches no data year exactly and is drawn for none; kept in the file.`);
  }
  return { years, notes };
}

function report(table: GeoVintages, notes: string[], sizes: Record<string, number>): string {
  const lines = [
    '# Map geometry: boundary vintage and hex layout per data year',
    '',
    'Generated by scripts/ingest/geo.ts. Each data year (ending 31 March) is drawn with the ONS boundary vintage in force on',
    `31 March (vintage = year − 1, never before ${FIRST_VINTAGE}) and the latest House of Commons Library layout whose English`,
    'LA codes equal DfE\'s LA list for that year. Both were checked against the LA list for every year.',
    '',
    '| data year | boundary vintage | hex layout | LAs |',
    '|---|---|---|---|',
    ...table.years.map((y) => `| ${y.year} | ${y.boundaryVintage} | ${y.hexLayout} | ${y.laCount} |`),
    '',
    `Simplification: points with an effective triangle under ${MIN_TRIANGLE_KM2} km² and rings under ${MIN_RING_KM2} km² removed`,
    `(each LA's largest part always kept); grid ${BOUNDARY_QUANTIZATION} × ${BOUNDARY_QUANTIZATION} over England's bounding box.`,
    '',
    ...Object.entries(sizes).map(([f, n]) => `- ${f}: ${n} bytes`),
    ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : []),
    '',
  ];
  return lines.join('\n');
}

export function buildGeo(ctx: IngestContext): { path: string; content: string }[] {
  const boundarySource = ctx.useSource(BOUNDARY_SOURCE);
  const hexSource = ctx.useSource(HEX_SOURCE);

  const src = JSON.parse(ctx.raw.text(TOPO)) as SourceTopology;
  if (src.type !== 'Topology') fail(TOPO, 'not a TopoJSON Topology');
  const utla = readBoundaryFeatures(src);
  const rgn = readRegionFeatures(src);
  const layouts = HEX_LAYOUTS.map((l) => readHexLayout(ctx.raw, l));

  const { years, notes } = deriveYears(ctx, utla, layouts);

  const boundaries = simplifyBoundaries(utla, rgn);
  checkBoundaryGeometry(boundaries, BOUNDARY_OBJECT);
  checkBoundaryGeometry(boundaries, REGION_OBJECT);
  const hex = buildHexTopology(ctx.raw, layouts);

  const vintages = [...new Set(utla.flatMap((f) => [f.properties.start ?? FIRST_VINTAGE, f.properties.end ?? LAST_VINTAGE]))];
  const allVintages: number[] = [];
  for (let v = FIRST_VINTAGE; v <= LAST_VINTAGE; v++) allVintages.push(v);
  if (vintages.some((v) => v < FIRST_VINTAGE || v > LAST_VINTAGE)) fail(TOPO, 'a feature starts or ends outside the known vintages');

  const table: GeoVintages = parseGeoVintages({
    boundaries: { file: BOUNDARIES_FILE, object: BOUNDARY_OBJECT, regionObject: REGION_OBJECT, vintages: allVintages, sourceId: boundarySource },
    hex: { file: HEX_FILE, layouts: [...HEX_LAYOUTS], labelLayouts: [LABELS_LAYOUT], sourceId: hexSource },
    years,
  });

  const out = [
    { path: BOUNDARIES_FILE, content: JSON.stringify(boundaries) + '\n' },
    { path: HEX_FILE, content: JSON.stringify(hex) + '\n' },
    { path: GEO_VINTAGES_FILE, content: JSON.stringify(table, null, 2) + '\n' },
  ];
  ctx.report('geo.md', report(table, notes, Object.fromEntries(out.map((o) => [o.path, Buffer.byteLength(o.content)]))));
  return out;
}
