import { geoIdentity, geoPath, geoTransverseMercator, type GeoPermissibleObjects, type GeoProjection, type GeoStreamWrapper } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { BOUNDARY_OBJECT, inVintage } from './vintage';
import {
  boundaryFeatures,
  englandOutline,
  hexFeatures,
  hexGroupOutlines,
  hexLabels,
  hexLayouts,
  regionBorders,
  type AreaGeometry,
  type BoundaryFeature,
  type BoundaryTopology,
  type HexFeature,
  type HexLabelFeature,
  type HexTopology,
} from './features';

/**
 * Features → SVG path data for a given viewBox (0 0 width height). Pure: no DOM, no React; the
 * same strings are drawn by the server render and in the browser.
 *
 * Council boundaries (WGS84 lon/lat) use a transverse Mercator centred on 2°W, the central meridian
 * of the British National Grid, so England looks the way Ordnance Survey maps show it. Hex
 * cartograms are planar with y up and are drawn with an identity transform, reflected.
 * Both are fitted to the viewBox with a small padding.
 *
 * The *Map functions are memoised per topology, vintage/layout and size: a year change within a
 * vintage reuses the same arrays (same object identity), so a chart only recolours. Boundary
 * vintages that hold exactly the same council geometries (2014 to 2018, for instance) share one
 * projected map too.
 */

export type Point = readonly [number, number];

export interface ProjectedShape {
  readonly code: string;
  readonly name: string;
  /** SVG path data in viewBox units. */
  readonly d: string;
  /** Planar centroid of the drawn shape (for keyboard navigation and labels). */
  readonly centroid: Point;
  /** [[x0, y0], [x1, y1]] of the drawn shape. */
  readonly bbox: readonly [Point, Point];
}

export interface ProjectedLabel {
  readonly x: number;
  readonly y: number;
  /** Full text (lines joined by a space). */
  readonly text: string;
  /** The text broken into lines where the source marks a break. */
  readonly lines: readonly string[];
  readonly anchor: 'start' | 'middle' | 'end';
  /** Font size in viewBox units (the Library's 0.82 grid units, scaled like the hexes). */
  readonly size: number;
}

/** Padding around the drawing, in viewBox units. */
export const MAP_PADDING = 6;
/** Decimals in path data: 0.1 unit is far below a pixel at the sizes these maps are drawn. */
const DIGITS = 1;

type Projection = GeoProjection | ReturnType<typeof geoIdentity>;

function collection<G extends Geometry, P>(features: readonly Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features: features as Feature<G, P>[] };
}

function extent(width: number, height: number, padding: number): [[number, number], [number, number]] {
  const p = Math.max(0, Math.min(padding, width / 4, height / 4));
  return [
    [p, p],
    [width - p, height - p],
  ];
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Features drawn with a projection: path data, centroid and bounding box (also used by lib/geo/maps-build). */
export function shapesWith<P extends { code: string; name: string }>(features: readonly Feature<AreaGeometry, P>[], projection: Projection): ProjectedShape[] {
  const path = geoPath(projection as GeoStreamWrapper).digits(DIGITS);
  return features.map((f) => {
    const d = path(f as GeoPermissibleObjects) ?? '';
    const [[x0, y0], [x1, y1]] = path.bounds(f as GeoPermissibleObjects);
    let [cx, cy] = path.centroid(f as GeoPermissibleObjects);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    return {
      code: f.properties.code,
      name: f.properties.name,
      d,
      centroid: [round(cx), round(cy)] as const,
      bbox: [
        [round(x0), round(y0)],
        [round(x1), round(y1)],
      ] as const,
    };
  });
}

/** The projection used for council boundaries, fitted to the features in a width × height box. */
export function boundaryProjection(features: readonly BoundaryFeature[], width: number, height: number, padding = MAP_PADDING): GeoProjection {
  return geoTransverseMercator()
    .rotate([2, 0])
    .fitExtent(extent(width, height, padding), collection(features) as GeoPermissibleObjects);
}

/**
 * The transform used for a hex layout (planar, y up), fitted to the features in a width × height
 * box; with `labels`, also to an estimate of where their text runs, so no label is cut off.
 */
export function hexProjection(features: readonly HexFeature[], width: number, height: number, padding = MAP_PADDING, labels: readonly HexLabelFeature[] = []) {
  const geometries: Geometry[] = features.map((f) => f.geometry);
  if (labels.length > 0) geometries.push({ type: 'MultiPoint', coordinates: labels.flatMap(labelCorners) });
  return geoIdentity()
    .reflectY(true)
    .fitExtent(extent(width, height, padding), { type: 'GeometryCollection', geometries } as GeoPermissibleObjects);
}

/** Average advance of a semibold sans-serif character, in ems (an estimate, on the generous side). */
const CHAR_EM = 0.6;

function labelLines(text: string): string[] {
  return text
    .split(/\\+|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Corners of the box a label's text covers, in layout units (before projection, y up). */
function labelCorners(f: HexLabelFeature): [number, number][] {
  const [x, y] = f.geometry.coordinates as [number, number];
  const lines = labelLines(f.properties.label);
  const w = Math.max(...lines.map((l) => l.length)) * CHAR_EM * HEX_LABEL_SIZE;
  const h = (lines.length * 1.1 * HEX_LABEL_SIZE) / 2;
  const [x0, x1] = f.properties.position === 'left' ? [x, x + w] : f.properties.position === 'right' ? [x - w, x] : [x - w / 2, x + w / 2];
  return [
    [x0, y - h],
    [x1, y + h],
  ];
}

/** Council boundaries as SVG paths in a width × height viewBox. */
export function projectBoundaries(features: readonly BoundaryFeature[], width: number, height: number, padding = MAP_PADDING): ProjectedShape[] {
  return shapesWith(features, boundaryProjection(features, width, height, padding));
}

/** Hex cartogram councils as SVG paths in a width × height viewBox. */
export function projectHex(features: readonly HexFeature[], width: number, height: number, padding = MAP_PADDING): ProjectedShape[] {
  return shapesWith(features, hexProjection(features, width, height, padding));
}

/** Any geometry (borders, outlines) as SVG path data with a projection from above. */
export function projectPath(geometry: GeoPermissibleObjects, projection: Projection): string {
  return geoPath(projection as GeoStreamWrapper).digits(DIGITS)(geometry) ?? '';
}

/**
 * Font size of the group labels in layout units. The Library's QGIS style uses Open Sans Semibold at
 * 0.82 units, sized for print; on screen the maps are small, so labels are drawn a little larger
 * (0.9 units, still clear of each other at the Library’s positions).
 */
export const HEX_LABEL_SIZE = 0.9;

/**
 * The Library's group labels, placed as its QGIS style places them: "Left" labels start at the
 * point (quadrant offset "right of point", so the text runs rightwards and is left-aligned),
 * "Right" labels end at it; vertically centred. "Leics &\\Rut." is two lines.
 */
export function projectHexLabels(labels: readonly HexLabelFeature[], projection: Projection, scale = 1): ProjectedLabel[] {
  return labels.flatMap((f) => {
    const p = projection(f.geometry.coordinates as [number, number]);
    if (!p) return [];
    const lines = labelLines(f.properties.label);
    return [
      {
        x: round(p[0]),
        y: round(p[1]),
        text: lines.join(' '),
        lines,
        anchor: f.properties.position === 'left' ? 'start' : f.properties.position === 'right' ? 'end' : 'middle',
        size: round(HEX_LABEL_SIZE * scale),
      },
    ];
  });
}

// --- memoised maps per topology and vintage/layout ----------------------------------------------

export interface BoundaryMap {
  /** The first vintage this map was projected for (vintages with the same councils share the map). */
  readonly vintage: number;
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly ProjectedShape[];
  /** Lines between the nine English regions. */
  readonly regionBorders: string;
  /** England's coast and borders with Wales and Scotland. */
  readonly outline: string;
}

export interface HexMap {
  readonly layout: number;
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly ProjectedShape[];
  /** Outline of each group of hexes (ceremonial counties and similar), as one path. */
  readonly groupOutlines: string;
  /** The Library's group labels ([] for layouts without them). */
  readonly labels: readonly ProjectedLabel[];
}

const memo = new WeakMap<object, Map<string, unknown>>();
function cached<T>(topo: object, key: string, make: () => T): T {
  let m = memo.get(topo);
  if (!m) memo.set(topo, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = make();
  m.set(key, v);
  return v;
}

/** Council boundaries of an ONS vintage, projected (memoised). */
export function boundaryMap(topo: BoundaryTopology, vintage: number, width: number, height: number): BoundaryMap {
  return cached(topo, `b|${vintage}|${width}|${height}`, () => {
    // Which geometries this vintage draws: vintages drawing the same ones share the projected map.
    const objects = (topo.objects[BOUNDARY_OBJECT]?.geometries ?? []) as readonly { properties?: { start?: number; end?: number } }[];
    const key = objects.flatMap((g, i) => (g.properties && inVintage(g.properties, vintage) ? [i] : [])).join(',');
    return cached(topo, `bg|${key}|${width}|${height}`, () => projectBoundaryMap(topo, vintage, width, height));
  });
}


function projectBoundaryMap(topo: BoundaryTopology, vintage: number, width: number, height: number): BoundaryMap {
  const features = boundaryFeatures(topo, vintage);
  const projection = boundaryProjection(features, width, height);
  return {
    vintage,
    width,
    height,
    shapes: shapesWith(features, projection),
    regionBorders: projectPath(regionBorders(topo), projection),
    outline: projectPath(englandOutline(topo), projection),
  };
}

/** Centre of a group outline's bounding box, in layout units. */
function groupCentres(topo: HexTopology, layout: number): Map<string, [number, number]> {
  const path = geoPath(geoIdentity());
  return new Map(
    hexGroupOutlines(topo, layout).map((o) => {
      const [[x0, y0], [x1, y1]] = path.bounds(o.geometry);
      return [o.group, [(x0 + x1) / 2, (y0 + y1) / 2]];
    }),
  );
}

/**
 * Group labels for a layout. The Library publishes label points only with its 2023 layout; its
 * groups sit in the same place in the 2018-2021 layouts (same bounding boxes, except Cumbria, by
 * half a hex row), so for a layout without labels those of the nearest layout with labels are
 * reused for every group whose outline has not moved by more than one unit.
 */
export function hexLabelsFor(topo: HexTopology, layout: number): HexLabelFeature[] {
  const own = hexLabels(topo, layout);
  if (own.length > 0) return own;
  const withLabels = hexLayouts(topo).filter((l) => hexLabels(topo, l).length > 0);
  if (withLabels.length === 0) return [];
  const from = withLabels.reduce((a, b) => (Math.abs(b - layout) < Math.abs(a - layout) ? b : a));
  const here = groupCentres(topo, layout);
  const there = groupCentres(topo, from);
  return hexLabels(topo, from).filter((f) => {
    const a = here.get(f.properties.group);
    const b = there.get(f.properties.group);
    return a !== undefined && b !== undefined && Math.hypot(a[0] - b[0], a[1] - b[1]) <= 1;
  });
}

/** A House of Commons Library hex layout, projected (memoised). */
export function hexMap(topo: HexTopology, layout: number, width: number, height: number): HexMap {
  return cached(topo, `h|${layout}|${width}|${height}`, () => {
    const features = hexFeatures(topo, layout);
    const labels = hexLabelsFor(topo, layout);
    const projection = hexProjection(features, width, height, MAP_PADDING, labels);
    const outlines = hexGroupOutlines(topo, layout);
    return {
      layout,
      width,
      height,
      shapes: shapesWith(features, projection),
      groupOutlines: outlines.map((o) => projectPath(o.geometry, projection)).join(''),
      labels: projectHexLabels(labels, projection, projection.scale()),
    };
  });
}
