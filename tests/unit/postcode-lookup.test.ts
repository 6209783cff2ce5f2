import { describe, expect, it } from 'vitest';
import { buildAreaFile, classifyPostcode, placeOfPostcode, placesOfDistrict, postcodeValue, type AreaFile } from '@/lib/areas/postcodes';
import { areaFileFor, postcodeAreas } from '@/lib/data/postcodes';
import { loadDistricts, loadPostcodeRanges } from '@/lib/data/areas';
import { parseTable } from '@/lib/schema/table';
import { districtsTable, postcodeRangesTable } from '@/lib/schema/postcodes';

const file = (area: string): AreaFile => areaFileFor(area)!;
const place = (pc: string) => {
  const q = classifyPostcode(pc);
  if (q.kind !== 'full') throw new Error(`${pc} is not a full postcode`);
  return placeOfPostcode(file(q.area), q.postcode.replace(' ', ''));
};

describe('what a search box holds, as a postcode', () => {
  it('reads full postcodes however they are typed', () => {
    expect(classifyPostcode('fy1 1aa')).toEqual({ kind: 'full', postcode: 'FY1 1AA', outward: 'FY1', area: 'FY' });
    expect(classifyPostcode(' SW1A1AA ')).toEqual({ kind: 'full', postcode: 'SW1A 1AA', outward: 'SW1A', area: 'SW' });
    expect(classifyPostcode('B10 0AA')).toMatchObject({ kind: 'full', outward: 'B10' });
  });
  it('reads an outward code, and one with the inward code begun', () => {
    expect(classifyPostcode('FY1')).toEqual({ kind: 'outward', outward: 'FY1', area: 'FY', partial: false });
    expect(classifyPostcode('fy1 ')).toMatchObject({ kind: 'outward', outward: 'FY1' });
    expect(classifyPostcode('FY1 1')).toEqual({ kind: 'outward', outward: 'FY1', area: 'FY', partial: true });
    expect(classifyPostcode('SW1A 1A')).toMatchObject({ kind: 'outward', outward: 'SW1A', partial: true });
  });
  it('says words are not a postcode and malformed codes are malformed', () => {
    expect(classifyPostcode('Harrogate')).toEqual({ kind: 'none' });
    expect(classifyPostcode('north')).toEqual({ kind: 'none' });
    expect(classifyPostcode('E06000009')).toEqual({ kind: 'none' });
    expect(classifyPostcode('12345')).toMatchObject({ kind: 'malformed' });
    expect(classifyPostcode('FY1 1AAA')).toMatchObject({ kind: 'malformed' });
    expect(classifyPostcode('<script>1')).toMatchObject({ kind: 'malformed' });
  });
});

describe('postcode → council (ONSPD November 2022 via mySociety, mapped to the councils of today)', () => {
  it('places the spot checks of the raw folder PROVENANCE and the reorganised areas', () => {
    expect(place('FY1 1AA')).toBe('E06000009'); // Blackpool
    expect(place('SW1A 1AA')).toBe('E09000033'); // Westminster
    expect(place('CA1 1QS')).toBe('E06000063'); // Carlisle, in Cumberland since 2023
    expect(place('TA1 1HE')).toBe('E06000066'); // Taunton, in Somerset (unitary) since 2023
    expect(place('NN1 1DE')).toBe('E06000062'); // Northampton, in West Northamptonshire since 2021
    expect(place('S70 1AA')).toBe('E08000038'); // Barnsley, under its 2025 code
    expect(place('TR21 0JT')).toBe('E06000053'); // St Mary's, Isles of Scilly
  });
  it('says which nation a postcode outside England is in', () => {
    expect(place('CF10 1EP')).toBe('wales');
    expect(place('EH1 1YZ')).toBe('scotland');
    expect(place('G1 1XQ')).toBe('scotland');
  });
  it('gives Northern Ireland only as Northern Ireland', () => {
    expect(postcodeAreas()).not.toContain('BT');
    const ranges = loadPostcodeRanges().filter((r) => r.firstPostcode.startsWith('BT'));
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((r) => r.nation === 'northern-ireland' && r.areaCode === undefined)).toBe(true);
  });
  it('lists every council a district reaches into', () => {
    expect(placesOfDistrict(file('FY'), 'FY1')).toEqual(['E06000009']);
    expect(placesOfDistrict(file('FY'), 'FY5')!.sort()).toEqual(['E06000009', 'E10000017']); // Blackpool and Lancashire
    expect(placesOfDistrict(file('CF'), 'CF10')).toEqual(['wales']);
    expect(placesOfDistrict(file('FY'), 'FY99')).toBeUndefined();
  });
  it('every postcode of a file falls in a run of its own length, and every range of the file agrees with the full table', () => {
    const all = loadPostcodeRanges();
    const values = all.map((r) => postcodeValue(r.firstPostcode.replace(' ', '')));
    const placeAt = (compact: string) => {
      const v = postcodeValue(compact);
      let lo = 0;
      let hi = values.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid]! <= v) lo = mid + 1;
        else hi = mid;
      }
      const r = all[lo - 1]!;
      return r.areaCode ?? r.nation ?? '';
    };
    for (const area of ['FY', 'B', 'SW', 'TR', 'CA', 'LD', 'TD']) {
      const f = file(area);
      // each run's first postcode and the postcode just before the next run are placed as the full table places them
      for (let i = 0; i < f.runs.length; i++) {
        const [first, idx] = f.runs[i]!;
        if (/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(first)) expect(placeAt(first), `${area} ${first}`).toBe(f.places[idx]);
      }
    }
  });
  it('keeps the files small: the largest postcode area is a few kilobytes gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    const sizes = postcodeAreas().map((a) => gzipSync(JSON.stringify(file(a))).length);
    expect(Math.max(...sizes)).toBeLessThan(12 * 1024);
  });
});

describe('the lookup tables refuse what they cannot mean', () => {
  const header = 'first_postcode,nation,area_code,source_id\n';
  it('an English run needs its council, and only an English run has one', () => {
    expect(() => parseTable(postcodeRangesTable, `${header}FY1 1AA,england,,x\n`)).toThrow(/area_code/);
    expect(() => parseTable(postcodeRangesTable, `${header}CF10 1AA,wales,W06000015,x\n`)).toThrow(/area_code/);
  });
  it('a postcode must be written as a postcode', () => {
    expect(() => parseTable(postcodeRangesTable, `${header}FY11AA,england,E06000009,x\n`)).toThrow(/first_postcode/);
  });
  it('a district must lead to a council of today', () => {
    expect(loadDistricts().find((d) => d.name === 'Harrogate')).toMatchObject({ areaCode: 'E06000065', lastYear: 2023 });
    expect(loadDistricts().find((d) => d.name === 'Crawley')).toMatchObject({ areaCode: 'E10000032', lastYear: undefined });
    expect(() => parseTable(districtsTable, 'district_code,name,nation,area_code,last_year,source_id\nE07000165,Harrogate,wales,,2023,x\n')).toThrow(/nation/);
  });
  it('buildAreaFile starts each stretch at its lowest postcode with the covering run', () => {
    const f = buildAreaFile('AB', [{ first: 'AA11AA', place: 'x' }, { first: 'AB12AA', place: 'y' }, { first: 'AC11AA', place: 'z' }], new Map([['AB1', ['x', 'y']]]));
    expect(f.runs).toEqual([['AB0000', 0], ['AB12AA', 1]]);
    expect(placeOfPostcode(f, 'AB11AB')).toBe('x');
    expect(placeOfPostcode(f, 'AB12ZZ')).toBe('y');
  });
});
