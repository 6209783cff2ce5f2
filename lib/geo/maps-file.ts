import type { GeometryObject, Topology } from 'topojson-specification';
import type { BoundaryProps, BoundaryTopology, HexProps, HexTopology } from './features';
import type { BoundaryMap, HexMap, Point, ProjectedLabel, ProjectedShape } from './project';
import { BOUNDARY_OBJECT, hexObjectName, type GeoVintages } from './vintage';

/**
 * The maps of every year, projected at build time (lib/geo/maps-build.ts, served as
 * /data/geo/maps.json), so that a reader's browser draws them without d3-geo: projecting ~16,000
 * boundary points through a transverse Mercator with adaptive resampling cost a phone about half a
 * second per boundary vintage. The browser only decodes the arcs and writes the path strings
 * (ArcPaths below), a few milliseconds per map, without d3 or topojson-client.
 *
 * - Boundaries: the ONS topology with its arcs already projected into the maps' viewBox (same
 *   objects and properties; quantized to 0.1 unit, the precision the paths are written with), and
 *   the arcs of the region borders and England's outline (topojson's mesh, done at build time).
 *   One projection fits every vintage (England's outline does not change), so one topology serves
 *   every year; each distinct set of councils is one map.
 * - Hex layouts: the Library's topology as it is (planar already), with each layout's fitted
 *   transform (x' = k·x + tx, y' = −k·y + ty: y up in the layout, down in SVG) and the arcs of its
 *   group outlines (topojson's merge, done at build time).
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
    /** Lines between the regions and England's outline, as arcs (TopoJSON MultiLineString arcs, from topojson's meshArcs). */
    readonly regionBorders: readonly (readonly number[])[];
    readonly outline: readonly (readonly number[])[];
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
      /** Outline of each group of hexes, as arcs (the arcs of a TopoJSON MultiPolygon each, from topojson's mergeArcs). */
      readonly groupOutlines: readonly (readonly (readonly (readonly number[])[])[])[];
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

type Transform = (x: number, y: number) => readonly [number, number];
const r1 = (x: number) => Math.round(x * 10) / 10;

interface ArcText {
  readonly first: string;
  readonly last: string;
  /** "Lx,y…" of every point after the first. */
  readonly forward: string;
  /** The same, walked backwards (from the last point): written when first needed. */
  backward?: string;
  readonly points: readonly string[];
}

/**
 * Path data straight from a topology's arcs: each arc is decoded and written once ("x,y" at 0.1
 * unit), and a ring or line is its arcs' text joined, so a border two councils share costs once.
 * The text is what d3's geoPath (digits 1) writes for the same geometry, without decoding it into
 * GeoJSON first (topojson-client) and without d3: less than half the work, which a phone notices.
 */
export class ArcPaths {
  private readonly text: (ArcText | undefined)[] = [];
  constructor(
    private readonly topo: Topology,
    private readonly tx?: Transform,
  ) {}

  private arc(i: number): ArcText {
    const known = this.text[i];
    if (known) return known;
    const t = this.topo.transform;
    const [sx, sy] = t ? t.scale : [1, 1];
    const [dx, dy] = t ? t.translate : [0, 0];
    const points: string[] = [];
    let x = 0;
    let y = 0;
    for (const p of this.topo.arcs[i]!) {
      // Delta-encoded when the topology is quantized (it has a transform), absolute otherwise.
      if (t) {
        x += p[0]!;
        y += p[1]!;
      } else {
        x = p[0]!;
        y = p[1]!;
      }
      const px = x * sx + dx;
      const py = y * sy + dy;
      const q = this.tx ? this.tx(px, py) : ([px, py] as const);
      const xy = `${r1(q[0])},${r1(q[1])}`;
      if (xy !== points[points.length - 1]) points.push(xy);
    }
    let forward = '';
    for (let k = 1; k < points.length; k++) forward += `L${points[k]}`;
    const a: ArcText = { first: points[0]!, last: points[points.length - 1]!, forward, points };
    this.text[i] = a;
    return a;
  }

  private backward(a: ArcText): string {
    if (a.backward === undefined) {
      let s = '';
      for (let k = a.points.length - 2; k >= 0; k--) s += `L${a.points[k]}`;
      a.backward = s;
    }
    return a.backward;
  }

  /** A ring or line of arc indices (~i: arc i backwards), as TopoJSON writes them. */
  line(arcs: readonly number[], closed: boolean): string {
    if (arcs.length === 0) return '';
    const head = arcs[0]!;
    const start = head < 0 ? this.arc(~head).last : this.arc(head).first;
    let s = `M${start}`;
    for (const i of arcs) s += i < 0 ? this.backward(this.arc(~i)) : this.arc(i).forward;
    if (!closed) return s;
    // The ring ends where it started: Z closes it (as d3 writes a ring).
    const end = `L${start}`;
    return `${s.endsWith(end) ? s.slice(0, -end.length) : s}Z`;
  }

  polygon(rings: readonly (readonly number[])[]): string {
    return rings.map((r) => this.line(r, true)).join('');
  }

  /** A TopoJSON Polygon or MultiPolygon geometry object. */
  area(g: { readonly type: string | null; readonly arcs?: unknown }): string {
    if (g.type === 'Polygon') return this.polygon(g.arcs as number[][]);
    if (g.type === 'MultiPolygon') return (g.arcs as number[][][]).map((p) => this.polygon(p)).join('');
    throw new Error(`expected a polygon, got ${g.type}`);
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

function shapeOf(paths: ArcPaths, g: GeometryObject<{ code: string; name: string }>, box: ShapeBox): ProjectedShape {
  const [cx, cy, x0, y0, x1, y1] = box;
  const { code, name } = g.properties as { code: string; name: string };
  return {
    code,
    name,
    d: paths.area(g),
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
  const { topology: topo, boxes, maps, regionBorders, outline } = file.boundaries;
  // Vintages with the same councils share one map (same arrays): the first vintage names it.
  return cached(file, `b${i}`, () => {
    const paths = cached(file, 'b-paths', () => new ArcPaths(topo));
    const geometries = topo.objects[BOUNDARY_OBJECT].geometries as GeometryObject<BoundaryProps>[];
    const borders = cached(file, 'b-borders', () => ({
      regionBorders: regionBorders.map((l) => paths.line(l, false)).join(''),
      outline: outline.map((l) => paths.line(l, false)).join(''),
    }));
    return {
      vintage: maps[i]!.vintages[0]!,
      width: file.width,
      height: file.height,
      shapes: maps[i]!.geometries.map((g) => shapeOf(paths, geometries[g]!, boxes[g]!)),
      ...borders,
    };
  });
}

/** A hex layout, as drawn in the file's viewBox; undefined if the file does not have it. */
export function hexMapFrom(file: MapsFile, layout: number): HexMap | undefined {
  const l = file.hex.layouts.find((x) => x.layout === layout);
  if (!l) return undefined;
  return cached(file, `h${layout}`, () => {
    const [k, tx, ty] = l.transform;
    const paths = new ArcPaths(file.hex.topology, (x, y) => [k * x + tx, -k * y + ty]);
    const collection = file.hex.topology.objects[hexObjectName(layout)] as { geometries: GeometryObject<HexProps>[] };
    return {
      layout,
      width: file.width,
      height: file.height,
      shapes: collection.geometries.map((g, i) => shapeOf(paths, g, l.boxes[i]!)),
      groupOutlines: l.groupOutlines.map((multi) => multi.map((p) => paths.polygon(p)).join('')).join(''),
      labels: l.labels,
    };
  });
}
