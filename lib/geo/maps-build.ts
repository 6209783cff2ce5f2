import type { Position } from 'geojson';
import { feature, mergeArcs, meshArcs } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { AreaGeometry, BoundaryProps, BoundaryTopology, HexProps, HexTopology } from './features';
import { boundaryFeatures, hexFeatures } from './features';
import { MAPS_FILE_VERSION, type MapsFile, type ShapeBox } from './maps-file';
import { boundaryProjection, hexLabelsFor, hexProjection, MAP_PADDING, projectHexLabels, shapesWith, type ProjectedShape } from './project';
import { BOUNDARY_OBJECT, hexObjectName, inVintage, REGION_OBJECT, type GeoVintages } from './vintage';
import type { Feature } from 'geojson';

/**
 * Build time: the maps file the browser draws from (lib/geo/maps-file.ts explains what is in it).
 * Uses d3-geo, so it must never be imported by client code.
 */

/** Quantization of the projected arcs: 0.1 viewBox unit, the precision of the path strings. */
const PRECISION = 10;

/** Every arc of a topology, decoded, passed through `project`, quantized and delta-encoded again. */
function projectArcs(topo: Topology, project: (p: [number, number]) => [number, number]): number[][][] {
  const t = topo.transform;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    let qx0 = 0;
    let qy0 = 0;
    const out: number[][] = [];
    arc.forEach((p, i) => {
      const position = p as Position;
      if (t) {
        x += position[0]!;
        y += position[1]!;
      }
      const lonLat: [number, number] = t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [position[0]!, position[1]!];
      const [px, py] = project(lonLat);
      const qx = Math.round(px * PRECISION);
      const qy = Math.round(py * PRECISION);
      // A point that rounds onto the previous one adds nothing (the ends are always kept: they join arcs).
      if (i > 0 && i < arc.length - 1 && qx === qx0 && qy === qy0) return;
      out.push([qx - qx0, qy - qy0]);
      qx0 = qx;
      qy0 = qy;
    });
    return out;
  });
}

const box = (s: ProjectedShape): ShapeBox => [s.centroid[0], s.centroid[1], s.bbox[0][0], s.bbox[0][1], s.bbox[1][0], s.bbox[1][1]];

export function buildMapsFile(geo: { vintages: GeoVintages; boundaries: BoundaryTopology; hex: HexTopology }, width: number, height: number): MapsFile {
  const { vintages, boundaries: topo, hex } = geo;

  // One projection for every vintage: fitted to each vintage's councils it is the same (England's
  // outline does not change); checked here, so a future file where it differs fails the build.
  const projection = boundaryProjection(boundaryFeatures(topo, vintages.boundaries.vintages[0]!), width, height);
  for (const v of vintages.boundaries.vintages) {
    const p = boundaryProjection(boundaryFeatures(topo, v), width, height);
    const [a, b] = [p.translate(), projection.translate()];
    if (Math.abs(p.scale() - projection.scale()) > 1e-6 || Math.abs(a[0] - b[0]) > 1e-6 || Math.abs(a[1] - b[1]) > 1e-6) {
      throw new Error(`boundary vintage ${v} fits another projection than ${vintages.boundaries.vintages[0]}: the maps file assumes one`);
    }
  }
  const geometries = topo.objects[BOUNDARY_OBJECT].geometries as GeometryObject<BoundaryProps>[];
  const features = geometries.map((g) => feature(topo, g) as unknown as Feature<AreaGeometry, BoundaryProps>);
  const boxes = shapesWith(features, projection).map(box);
  const maps: { vintages: number[]; geometries: number[] }[] = [];
  for (const v of vintages.boundaries.vintages) {
    const inThis = geometries.flatMap((g, i) => (g.properties && inVintage(g.properties, v) ? [i] : []));
    const same = maps.find((m) => m.geometries.join() === inThis.join());
    if (same) same.vintages.push(v);
    else maps.push({ vintages: [v], geometries: inThis });
  }
  const planar: BoundaryTopology = {
    type: 'Topology',
    transform: { scale: [1 / PRECISION, 1 / PRECISION], translate: [0, 0] },
    objects: topo.objects,
    arcs: projectArcs(topo, (p) => projection(p) as [number, number]) as BoundaryTopology['arcs'],
  };

  // As lib/geo/features draws them: borders between two regions, and edges of only one (the outline).
  const regions = topo.objects[REGION_OBJECT] as never;
  const regionBorders = meshArcs(topo, regions, (a, b) => a !== b).arcs;
  const outline = meshArcs(topo, regions, (a, b) => a === b).arcs;

  const layouts = vintages.hex.layouts.map((layout) => {
    const hexes = hexFeatures(hex, layout);
    const labels = hexLabelsFor(hex, layout);
    const p = hexProjection(hexes, width, height, MAP_PADDING, labels);
    const [tx, ty] = p.translate();
    // Each group's hexes merged into one outline, groups in the order first met (as hexGroupOutlines).
    const byGroup = new Map<string, GeometryObject<HexProps>[]>();
    for (const g of (hex.objects[hexObjectName(layout)] as { geometries: GeometryObject<HexProps>[] }).geometries) {
      const group = (g.properties as HexProps | undefined)?.group;
      if (group === undefined) continue;
      if (!byGroup.has(group)) byGroup.set(group, []);
      byGroup.get(group)!.push(g);
    }
    return {
      layout,
      transform: [p.scale(), tx, ty] as const,
      groupOutlines: [...byGroup.values()].map((gs) => mergeArcs(hex, gs as never).arcs),
      boxes: shapesWith(hexes, p).map(box),
      labels: projectHexLabels(labels, p, p.scale()),
    };
  });

  return { version: MAPS_FILE_VERSION, width, height, vintages, boundaries: { topology: planar, boxes, maps, regionBorders, outline }, hex: { topology: hex, layouts } };
}
