/**
 * Postcodes (pure; ingest, build and browser share it). A postcode is compared as a base-36 number
 * of its letters and digits without spaces, as mySociety's range file does: "FY11AA" → an integer.
 * Postcodes of one length sort in text order, so each postcode area (the leading letters) is a set
 * of contiguous stretches, one per length.
 *
 * The browser loads one small file per postcode area (/postcodes/{AREA}.json, built from
 * data/postcode-ranges.csv and data/postcode-districts.csv), only when someone types something
 * that looks like a postcode.
 */

/** Upper-case, spaces removed: " fy1 1aa " → "FY11AA". */
export const compact = (s: string) => s.toUpperCase().replace(/\s+/g, '');

/** "FY11AA" → "FY1 1AA" (the inward code is always the last three characters). */
export function formatPostcode(compactCode: string): string {
  return `${compactCode.slice(0, -3)} ${compactCode.slice(-3)}`;
}

/** The base-36 value of a compact postcode. Postcodes have at most 7 characters, so the value is exact. */
export const postcodeValue = (compactCode: string) => parseInt(compactCode, 36);

/** The postcode area: the leading letters ("FY", "B", "SW"). */
export const postcodeArea = (s: string) => /^[A-Z]{1,2}/.exec(compact(s))?.[0] ?? '';

/** The outward code of a full compact postcode. */
export const outwardOf = (compactCode: string) => compactCode.slice(0, -3);

const FULL = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;
const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;
/** An outward code followed by the inward code's digit (a postcode sector, "FY1 1"), or its digit and one letter. */
const PARTIAL = /^([A-Z]{1,2}\d[A-Z\d]?) ?\d[A-Z]?$/;

export type PostcodeQuery =
  | { readonly kind: 'full'; readonly postcode: string; readonly outward: string; readonly area: string }
  | { readonly kind: 'outward'; readonly outward: string; readonly area: string; readonly partial: boolean }
  | { readonly kind: 'malformed'; readonly text: string }
  | { readonly kind: 'none' };

/**
 * What a search box's text is, as a postcode: a full postcode, an outward code (or an outward code
 * with the start of an inward code, still being typed), something with digits that cannot be a
 * postcode, or not a postcode at all (words: a place name).
 */
export function classifyPostcode(input: string): PostcodeQuery {
  const text = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (text === '' || !/\d/.test(text)) return { kind: 'none' };
  const c = compact(text);
  if (FULL.test(c)) return { kind: 'full', postcode: formatPostcode(c), outward: outwardOf(c), area: postcodeArea(c) };
  // With a space, what is before it is the outward code; without one, "FY11" is read as the outward code FY11.
  const spaced = /^(\S+) (\S+)$/.exec(text);
  if (!spaced && OUTWARD.test(c)) return { kind: 'outward', outward: c, area: postcodeArea(c), partial: false };
  const p = PARTIAL.exec(text);
  if (p && (spaced || OUTWARD.test(p[1]!))) return { kind: 'outward', outward: p[1]!, area: postcodeArea(p[1]!), partial: true };
  if (spaced && OUTWARD.test(spaced[1]!) && spaced[2] === '') return { kind: 'outward', outward: spaced[1]!, area: postcodeArea(spaced[1]!), partial: false };
  // Letters then digits and nothing a postcode can hold: say it is not a postcode. A GSS code (E06000009) is not a postcode either.
  if (/^[A-Z]\d{8}$/.test(c)) return { kind: 'none' };
  return { kind: 'malformed', text };
}

// ---------------------------------------------------------------------------------------------
// One postcode area's lookup file.

/**
 * Where a postcode or district is: an English council's GSS code, a nation outside England
 * ("wales", "scotland"...), or "" where ONS places the postcodes in no local authority.
 */
export type Place = string;

export interface AreaFile {
  /** The postcode area, e.g. "FY". */
  readonly area: string;
  /** Places referred to by index below. */
  readonly places: readonly Place[];
  /**
   * Runs in ascending postcode order: [first compact postcode, place index]. Each stretch of the
   * area (one per postcode length) starts with an entry at its lowest possible postcode, so every
   * postcode of the area falls in a run of this file.
   */
  readonly runs: readonly (readonly [string, number])[];
  /** Outward code → indexes of the places it reaches into. */
  readonly districts: Readonly<Record<string, readonly number[]>>;
}

export interface RangeInput {
  /** Compact first postcode. */
  readonly first: string;
  readonly place: Place;
}

/**
 * The lookup file of one postcode area, from every range of the country (ascending) and the
 * area's districts. A stretch starts with the place of the range covering its lowest postcode.
 */
export function buildAreaFile(area: string, ranges: readonly RangeInput[], districts: ReadonlyMap<string, readonly Place[]>): AreaFile {
  const values = ranges.map((r) => postcodeValue(r.first));
  const places: Place[] = [];
  const idx = (p: Place) => {
    let i = places.indexOf(p);
    if (i < 0) i = places.push(p) - 1;
    return i;
  };
  const runs: [string, number][] = [];
  const lengths = [...new Set([...districts.keys()].map((d) => d.length + 3))].sort((a, b) => a - b);
  for (const len of lengths) {
    const pad = len - area.length;
    const lo = postcodeValue(area + '0'.repeat(pad));
    const hi = postcodeValue(area + 'Z'.repeat(pad));
    // last range starting at or before lo
    let i = upperBound(values, lo) - 1;
    if (i < 0) continue;
    if (values[i] !== lo) runs.push([area + '0'.repeat(pad), idx(ranges[i]!.place)]);
    else runs.push([ranges[i]!.first, idx(ranges[i]!.place)]);
    for (i = i + 1; i < ranges.length && values[i]! <= hi; i++) {
      if (ranges[i]!.place !== places[runs[runs.length - 1]![1]]) runs.push([ranges[i]!.first, idx(ranges[i]!.place)]);
    }
  }
  const d: Record<string, number[]> = {};
  for (const [k, ps] of [...districts].sort(([a], [b]) => a.localeCompare(b))) d[k] = ps.map(idx);
  return { area, places, runs, districts: d };
}

/** Index of the first value greater than x (values ascending). */
function upperBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The place of a full compact postcode in its area's file, or undefined when the file has no run for it. */
export function placeOfPostcode(file: AreaFile, compactCode: string): Place | undefined {
  const v = postcodeValue(compactCode);
  let lo = 0;
  let hi = file.runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postcodeValue(file.runs[mid]![0]) <= v) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return undefined;
  const run = file.runs[lo - 1]!;
  // A run of another length is another stretch of the area: not this postcode's.
  if (run[0].length !== compactCode.length) return undefined;
  return file.places[run[1]];
}

/** The places a district reaches into, or undefined for a district the file does not know. */
export function placesOfDistrict(file: AreaFile, outward: string): Place[] | undefined {
  const ix = file.districts[outward];
  return ix ? ix.map((i) => file.places[i]!) : undefined;
}

/** Every postcode in Northern Ireland begins BT: the site says so without looking anything up (see data/README.md). */
export const NORTHERN_IRELAND_AREA = 'BT';
