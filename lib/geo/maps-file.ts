import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import { englandOutline, hexGroupOutlines, regionBorders, type BoundaryProps, type BoundaryTopology, type HexProps, type HexTopology } from './features';
import type { BoundaryMap, HexMap, Point, ProjectedLabel, ProjectedShape } from './project';
import { BOUNDARY_OBJECT, hexObjectName, type GeoVintages } from './vintage';

/**
 * The maps of every year, projected at build time (lib/geo/maps-build.ts, served as
 * /data/geo/maps.json), so that a reader's browser draws them without d3-geo: projecting ~16,000
 * boundary points through a transverse Mercator with adaptive resampling cost a phone about half a
 * second per boundary vintage. The browser only decodes the arcs (topojson-client) and writes
 * the path strings (pathData below), a few milliseconds per map.
 *
 * - Boundaries: the ONS topology with its arcs already projected into the maps' viewBox (same
 *   objects and properties; quantized to 0.1 unit, the precision the paths are written with).
 *   One projection fits every vintage (England's outline does not change), so one topology serves
 *   every year; each distinct set of councils is one map.
 * - Hex layouts: the Library's topology as it is (planar already), with each layout's fitted
 *   transform (x' = k·x + tx, y' = −k·y + ty: y up in the layout, down in SVG).
 * - Centroids, bounding boxes and hex labels are computed at build time with the same d3 code
 *   as before (lib/geo/project), so keyboard navigation and labels are exactly as they were.
 *
 * Pure: no fs, no React, no d3. Results are memoised per file object, so a year change within a
 * vintage or layout reuses the same arrays (a map then only recolours).
 */

export const MAPS_FILE_VERSION = 1;
/** Where the export serves it, under /data/ (app/data/geo/maps.json/route.ts). */
export const MAPS_FILE = 'geo/maps.json';
/** The viewBox both maps are drawn in (England and the hex layouts are both about 5:6). */
export const MAP_WIDTH = 400;
export const MAP_HEIGHT = 480;

/** [cx, cy, x0, y0, x1, y1] of a shape in viewBox units. */
export type ShapeBox = readonly [number, number, number, number, number, number];

export interface MapsFile {
  readonly version: typeof MAPS_FILE_VERSION;
  readonly width: number;
  readonly height: number;
  /** data/geo/vintages.json as validated at build time. */
  readonly vintages: GeoVintages;
  readonly boundaries: {
    /** Arcs in viewBox units. */
    readonly topology: BoundaryTopology;
    /** Per geometry of the council object, in order. */
    readonly boxes: readonly ShapeBox[];
    /** Each distinct set of councils: the vintages that draw it and its geometries (indices, in file order). */
    readonly maps: readonly { readonly vintages: readonly number[]; readonly geometries: readonly number[] }[];
  };
  readonly hex: {
    readonly topology: HexTopology;
    readonly layouts: readonly {
      readonly layout: number;
      /** [k, tx, ty]. */
      readonly transform: readonly [number, number, number];
      /** Per geometry of `hex{layout}`, in order. */
      readonly boxes: readonly ShapeBox[];
      readonly labels: readonly ProjectedLabel[];
    }[];
  };
}

/** The shape check a file fetched by the browser must pass before it is drawn. */
export function checkMapsFile(json: unknown, width: number, height: number): MapsFile {
  const f = json as Partial<MapsFile> | null;
  if (!f || f.version !== MAPS_FILE_VERSION || !f.boundaries?.topology || !f.hex?.topology || !Array.isArray(f.vintages?.years)) {
    throw new Error('the map file is not one this page can read (the site may have been updated: reload the page)');
  }
  if (f.width !== width || f.height !== height) throw new Error(`the map file is drawn for ${f.width} × ${f.height}, not ${width} × ${height}`);
  return f as MapsFile;
}

// --- path strings ------------------------------------------------------------------------------

type Transform = (p: Position) => readonly [number, number];
const same: Transform = (p) => p as unknown as readonly [number, number];
const r1 = (x: number) => Math.round(x * 10) / 10;

/** One ring or line as "Mx,yLx,y…" (Z closes a ring), at 0.1 unit, repeated points skipped. */
function line(coords: readonly Position[], tx: Transform, closed: boolean): string {
  let s = '';
  let px = Number.NaN;
  let py = Number.NaN;
  // A ring's last position repeats its first: Z closes it instead.
  const n = closed ? coords.length - 1 : coords.length;
  for (let i = 0; i < n; i++) {
    const [x, y] = tx(coords[i]!);
    const rx = r1(x);
    const ry = r1(y);
    if (rx === px && ry === py) continue;
    s += `${s ? 'L' : 'M'}${rx},${ry}`;
    px = rx;
    py = ry;
  }
  return closed && s ? `${s}Z` : s;
}

/** SVG path data of planar geometry, written as d3's geoPath writes it (digits 1). */
export function pathData(g: Polygon | MultiPolygon | LineString | MultiLineString, tx: Transform = same): string {
  switch (g.type) {
    case 'Polygon':
      return g.coordinates.map((r) => line(r, tx, true)).join('');
    case 'MultiPolygon':
      return g.coordinates.map((p) => p.map((r) => line(r, tx, true)).join('')).join('');
    case 'LineString':
      return line(g.coordinates, tx, false);
    case 'MultiLineString':
      return g.coordinates.map((l) => line(l, tx, false)).join('');
  }
}

// --- maps from the file (memoised per file object) --------------------------------------------

const memo = new WeakMap<object, Map<string, unknown>>();
function cached<T>(file: object, key: string, make: () => T): T {
  let m = memo.get(file);
  if (!m) memo.set(file, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = make();
  m.set(key, v);
  return v;
}

function shapeOf(topo: BoundaryTopology | HexTopology, g: GeometryObject, box: ShapeBox, tx: Transform): ProjectedShape {
  const f = feature(topo, g) as unknown as { geometry: Polygon | MultiPolygon; properties: { code: string; name: string } };
  const [cx, cy, x0, y0, x1, y1] = box;
  return {
    code: f.properties.code,
    name: f.properties.name,
    d: pathData(f.geometry, tx),
    centroid: [cx, cy] as Point,
    bbox: [
      [x0, y0],
      [x1, y1],
    ] as const,
  };
}

/** Council boundaries of an ONS vintage, as drawn in the file's viewBox; undefined if the file has no map for it. */
export function boundaryMapFrom(file: MapsFile, vintage: number): BoundaryMap | undefined {
  const i = file.boundaries.maps.findIndex((m) => m.vintages.includes(vintage));
  if (i < 0) return undefined;
  const { topology: topo, boxes, maps } = file.boundaries;
  // Vintages with the same councils share one map (same arrays): the first vintage names it.
  return cached(file, `b${i}`, () => {
    const geometries = topo.objects[BOUNDARY_OBJECT].geometries as GeometryObject<BoundaryProps>[];
    const borders = cached(file, 'borders', () => ({ regionBorders: pathData(regionBorders(topo)), outline: pathData(englandOutline(topo)) }));
    return {
      vintage: maps[i]!.vintages[0]!,
      width: file.width,
      height: file.height,
      shapes: maps[i]!.geometries.map((g) => shapeOf(topo, geometries[g]!, boxes[g]!, same)),
      ...borders,
    };
  });
}

/** A hex layout, as drawn in the file's viewBox; undefined if the file does not have it. */
export function hexMapFrom(file: MapsFile, layout: number): HexMap | undefined {
  const l = file.hex.layouts.find((x) => x.layout === layout);
  if (!l) return undefined;
  return cached(file, `h${layout}`, () => {
    const topo = file.hex.topology;
    const [k, tx, ty] = l.transform;
    const affine: Transform = (p) => [k * p[0]! + tx, -k * p[1]! + ty];
    const collection = topo.objects[hexObjectName(layout)] as { geometries: GeometryObject<HexProps>[] };
    return {
      layout,
      width: file.width,
      height: file.height,
      shapes: collection.geometries.map((g, i) => shapeOf(topo, g, l.boxes[i]!, affine)),
      groupOutlines: hexGroupOutlines(topo, layout)
        .map((o) => pathData(o.geometry, affine))
        .join(''),
      labels: l.labels,
    };
  });
}
