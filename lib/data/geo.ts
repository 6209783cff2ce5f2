import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BoundaryTopology, HexTopology } from '../geo/features';
import { BOUNDARIES_FILE, GEO_VINTAGES_FILE, HEX_FILE, parseGeoVintages, type GeoVintages } from '../geo/vintage';
import { DATA_DIR } from './load';

/** Build-time loading of the geography files in data/geo/ (memoised). */
let cache: { vintages: GeoVintages; boundaries: BoundaryTopology; hex: HexTopology } | undefined;

export function loadGeo() {
  if (!cache) {
    const read = (f: string) => JSON.parse(readFileSync(path.join(DATA_DIR, f), 'utf8')) as unknown;
    cache = {
      vintages: parseGeoVintages(read(GEO_VINTAGES_FILE)),
      boundaries: read(BOUNDARIES_FILE) as BoundaryTopology,
      hex: read(HEX_FILE) as HexTopology,
    };
  }
  return cache;
}
