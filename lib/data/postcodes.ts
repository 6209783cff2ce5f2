import { buildAreaFile, compact, NORTHERN_IRELAND_AREA, postcodeArea, type AreaFile, type Place } from '../areas/postcodes';
import { loadPostcodeDistricts, loadPostcodeRanges } from './areas';

/**
 * The browser's postcode lookup files (build time): one per postcode area, from the tidy tables.
 * Northern Ireland (BT) has none: the browser says so from the area letters alone.
 */
if (typeof window !== 'undefined') throw new Error('lib/data/postcodes is build-time only');

let files: Map<string, AreaFile> | undefined;

function build(): Map<string, AreaFile> {
  const ranges = loadPostcodeRanges().map((r) => ({ first: compact(r.firstPostcode), place: (r.areaCode ?? r.nation ?? '') as Place }));
  const byArea = new Map<string, Map<string, Place[]>>();
  for (const d of loadPostcodeDistricts()) {
    const area = postcodeArea(d.district);
    if (area === NORTHERN_IRELAND_AREA) continue;
    const m = byArea.get(area) ?? new Map<string, Place[]>();
    const place = d.areaCode ?? d.nation;
    const list = m.get(d.district) ?? [];
    if (!list.includes(place)) list.push(place);
    m.set(d.district, list);
    byArea.set(area, m);
  }
  const out = new Map<string, AreaFile>();
  for (const [area, districts] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) out.set(area, buildAreaFile(area, ranges, districts));
  return out;
}

/** Postcode areas with a lookup file (every area of Great Britain, the Channel Islands and the Isle of Man). */
export function postcodeAreas(): string[] {
  files ??= build();
  return [...files.keys()];
}

export function areaFileFor(area: string): AreaFile | undefined {
  files ??= build();
  return files.get(area);
}
