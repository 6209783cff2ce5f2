import type { BoundaryTopology, HexTopology } from '../geo/features';
import { topologySchema } from '../geo/schema';
import { BOUNDARIES_FILE, GEO_VINTAGES_FILE, HEX_FILE, geoVintagesSchema, hexLabelsObjectName, hexObjectName, parseGeoVintages, type GeoVintages } from '../geo/vintage';
import { DATA_DIR } from './load';
import { readJson } from './read';

/** Build-time loading of the geography files in data/geo/ (memoised), each checked against its schema. */
let cache: { vintages: GeoVintages; boundaries: BoundaryTopology; hex: HexTopology } | undefined;

export function readGeo(dir: string): { vintages: GeoVintages; boundaries: BoundaryTopology; hex: HexTopology } {
  const vintages = parseGeoVintages(readJson(dir, GEO_VINTAGES_FILE, geoVintagesSchema));
  const boundaries = readJson(dir, BOUNDARIES_FILE, topologySchema) as unknown as BoundaryTopology;
  const hex = readJson(dir, HEX_FILE, topologySchema) as unknown as HexTopology;
  const need = (t: { objects: Record<string, unknown> }, file: string, name: string) => {
    if (!(name in t.objects)) throw new Error(`${file}: object "${name}" named in ${GEO_VINTAGES_FILE} is missing`);
  };
  need(boundaries, BOUNDARIES_FILE, vintages.boundaries.object);
  need(boundaries, BOUNDARIES_FILE, vintages.boundaries.regionObject);
  for (const l of vintages.hex.layouts) need(hex, HEX_FILE, hexObjectName(l));
  for (const l of vintages.hex.labelLayouts) need(hex, HEX_FILE, hexLabelsObjectName(l));
  return { vintages, boundaries, hex };
}

export function loadGeo() {
  if (!cache) cache = readGeo(DATA_DIR);
  return cache;
}
