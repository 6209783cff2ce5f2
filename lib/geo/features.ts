import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Properties, Topology } from 'topojson-specification';
import { BOUNDARY_OBJECT, REGION_OBJECT, boundaryVintageFor, hexLabelsObjectName, hexLayoutFor, hexObjectName, inVintage, type GeoVintages } from './vintage';

/**
 * GeoJSON features for a data year from the topologies written by the ingest
 * (data/geo/boundaries.topo.json and data/geo/hex.topo.json). Pure: no fs, no React.
 *
 * Boundaries are WGS84 longitude/latitude (draw with a geographic projection, e.g. geoMercator
 * fitted to the features). Hex layouts are an abstract planar grid with y pointing up: draw them
 * with geoIdentity().reflectY(true).fitSize(...).
 *
 * Results are memoised per topology object and vintage/layout; treat them as read-only.
 */

export type BoundaryProps = {
  code: string;
  name: string;
  /** First ONS vintage (calendar year, change in April) the area exists in; absent = before 2014. */
  start?: number;
  /** Last ONS vintage the area exists in; absent = still exists. */
  end?: number;
};

export type RegionProps = {
  code: string;
  name: string;
};

export type HexProps = {
  code: string;
  name: string;
  /** House of Commons Library group (ceremonial county or similar, e.g. "Greater Manchester"). */
  group?: string;
  /** The Library's short overlay label for large places (e.g. "Manc."), where it gives one. */
  label?: string;
};

export type HexLabelProps = {
  /** Group name as in HexProps.group. */
  group: string;
  /** Short label text (e.g. "Gtr Manc"). */
  label: string;
  /** Which side of the point the Library puts the text. */
  position: 'left' | 'right';
};

export type AreaGeometry = Polygon | MultiPolygon;
export type BoundaryFeature = Feature<AreaGeometry, BoundaryProps>;
export type RegionFeature = Feature<AreaGeometry, RegionProps>;
export type HexFeature = Feature<AreaGeometry, HexProps>;
export type HexLabelFeature = Feature<Point, HexLabelProps>;

export type BoundaryTopology = Topology<{
  utla: GeometryCollection<BoundaryProps>;
  rgn: GeometryCollection<RegionProps>;
}>;
/** Objects `hex{layout}` (HexProps) and `labels{layout}` (HexLabelProps, points). */
export type HexTopology = Topology;

export interface HexGroupOutline {
  group: string;
  geometry: MultiPolygon;
}

// ---------------------------------------------------------------------------------------------

const cache = new WeakMap<object, Map<string, unknown>>();

function memo<T>(topo: object, key: string, make: () => T): T {
  let m = cache.get(topo);
  if (!m) cache.set(topo, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = make();
  m.set(key, v);
  return v;
}

function collection<P extends Properties>(topo: Topology, name: string): GeometryCollection<P> {
  const o = topo.objects[name];
  if (!o || o.type !== 'GeometryCollection') throw new Error(`topology has no geometry collection "${name}"`);
  return o as unknown as GeometryCollection<P>;
}

function areaFeature<P extends Properties>(topo: Topology, g: GeometryObject<P>): Feature<AreaGeometry, P> {
  const f = feature<P>(topo, g) as unknown as Feature<Geometry, P> | FeatureCollection<Geometry, P>;
  if (f.type !== 'Feature' || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) {
    throw new Error(`expected a polygon feature, got ${f.type === 'Feature' ? f.geometry.type : f.type}`);
  }
  return f as Feature<AreaGeometry, P>;
}

// --- boundaries --------------------------------------------------------------------------------

/** Local authority boundaries of one ONS vintage (calendar year), in file order (by code). */
export function boundaryFeatures(topo: BoundaryTopology, vintage: number): BoundaryFeature[] {
  return memo(topo, `b${vintage}`, () =>
    collection<BoundaryProps>(topo, BOUNDARY_OBJECT)
      .geometries.filter((g) => g.properties !== undefined && inVintage(g.properties, vintage))
      .map((g) => areaFeature<BoundaryProps>(topo, g)),
  );
}

/** Local authority boundaries as they stood on 31 March of a data year. */
export function boundaryFeaturesForYear(topo: BoundaryTopology, table: GeoVintages, year: number): BoundaryFeature[] {
  return boundaryFeatures(topo, boundaryVintageFor(table, year));
}

/** The nine English regions (their boundaries did not change over the period). */
export function regionFeatures(topo: BoundaryTopology): RegionFeature[] {
  return memo(topo, 'rgn', () => collection<RegionProps>(topo, REGION_OBJECT).geometries.map((g) => areaFeature<RegionProps>(topo, g)));
}

/** Borders between English regions (internal lines only), for drawing over a choropleth. */
export function regionBorders(topo: BoundaryTopology): MultiLineString {
  return memo(topo, 'rgn-borders', () => mesh(topo, collection<RegionProps>(topo, REGION_OBJECT) as never, (a, b) => a !== b));
}

/** England's outline (coast and the borders with Wales and Scotland). */
export function englandOutline(topo: BoundaryTopology): MultiLineString {
  return memo(topo, 'eng-outline', () => mesh(topo, collection<RegionProps>(topo, REGION_OBJECT) as never, (a, b) => a === b));
}

// --- hex cartograms ----------------------------------------------------------------------------

/** Hex layouts present in a hex topology, ascending. */
export function hexLayouts(topo: HexTopology): number[] {
  return Object.keys(topo.objects)
    .map((k) => /^hex(\d{4})$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** Hexes of one layout (one feature per local authority, made of several small hexagons). */
export function hexFeatures(topo: HexTopology, layout: number): HexFeature[] {
  return memo(topo, `h${layout}`, () => collection<HexProps>(topo, hexObjectName(layout)).geometries.map((g) => areaFeature<HexProps>(topo, g)));
}

/** Hexes of the layout that matches the local authorities of a data year. */
export function hexFeaturesForYear(topo: HexTopology, table: GeoVintages, year: number): HexFeature[] {
  return hexFeatures(topo, hexLayoutFor(table, year));
}

/** Outline of each group of hexes (e.g. "Greater Manchester") in a layout, merged from its LAs. */
export function hexGroupOutlines(topo: HexTopology, layout: number): HexGroupOutline[] {
  return memo(topo, `g${layout}`, () => {
    const byGroup = new Map<string, GeometryObject<HexProps>[]>();
    for (const g of collection<HexProps>(topo, hexObjectName(layout)).geometries) {
      const name = (g.properties as HexProps | undefined)?.group;
      if (name === undefined) continue;
      if (!byGroup.has(name)) byGroup.set(name, []);
      byGroup.get(name)!.push(g);
    }
    return [...byGroup].map(([group, gs]) => ({ group, geometry: merge(topo, gs as never) }));
  });
}

/** The Library's group label points for a layout ([] where the layout has none). */
export function hexLabels(topo: HexTopology, layout: number): HexLabelFeature[] {
  return memo(topo, `l${layout}`, () => {
    const o = topo.objects[hexLabelsObjectName(layout)];
    if (!o) return [];
    return collection<HexLabelProps>(topo, hexLabelsObjectName(layout)).geometries.map((g) => {
      const f = feature<HexLabelProps>(topo, g) as unknown as Feature<Geometry, HexLabelProps>;
      if (f.type !== 'Feature' || f.geometry.type !== 'Point') throw new Error('hex label is not a point');
      return f as HexLabelFeature;
    });
  });
}
