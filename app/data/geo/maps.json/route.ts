import { loadGeo } from '@/lib/data/geo';
import { buildMapsFile } from '@/lib/geo/maps-build';
import { MAP_HEIGHT, MAP_WIDTH } from '@/lib/geo/maps-file';

/**
 * /data/geo/maps.json: every year's maps projected at build time from data/geo/ (lib/geo/maps-file.ts),
 * so the map view draws them without projecting in the reader's browser.
 */
export const dynamic = 'force-static';

export function GET() {
  return Response.json(buildMapsFile(loadGeo(), MAP_WIDTH, MAP_HEIGHT));
}
