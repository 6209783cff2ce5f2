import { describe, expect, it } from 'vitest';
import { loadGeo } from '@/lib/data/geo';
import { areaByCode, loadMeasures, loadObservations } from '@/lib/data/load';
import { boundaryFeaturesForYear, hexFeaturesForYear } from '@/lib/geo/features';

/**
 * Every area in the statistics is a known area, and can be drawn: it is in the boundary vintage and
 * the hex layout of its year. Council counts per year follow DfE's own files.
 */
const observations = loadObservations();
const measures = new Map(loadMeasures().map((m) => [m.id, m]));
const areas = areaByCode();
const geo = loadGeo();
const isLa = (code: string) => areas.get(code)?.level === 'la';

describe('area codes in the measures', () => {
  it('all exist in areas.csv', () => {
    const unknown = [...new Set(observations.map((o) => o.areaCode))].filter((c) => !areas.has(c));
    expect(unknown).toEqual([]);
  });

  it('every council-year of the DfE measures is in that year\'s boundary vintage and hex layout', () => {
    const missing: string[] = [];
    const drawn = new Map<number, { b: Set<string>; h: Set<string> }>();
    for (const o of observations) {
      const m = measures.get(o.measure)!;
      if (!isLa(o.areaCode) || m.period === '30-september') continue; // 30 September figures belong to the next 31 March's councils
      if (!drawn.has(o.year)) {
        drawn.set(o.year, {
          b: new Set(boundaryFeaturesForYear(geo.boundaries, geo.vintages, o.year).map((f) => f.properties.code)),
          h: new Set(hexFeaturesForYear(geo.hex, geo.vintages, o.year).map((f) => f.properties.code)),
        });
      }
      const d = drawn.get(o.year)!;
      if (!d.b.has(o.areaCode)) missing.push(`${o.measure} ${o.year} ${o.areaCode} not in boundaries`);
      if (!d.h.has(o.areaCode)) missing.push(`${o.measure} ${o.year} ${o.areaCode} not in hex layout`);
    }
    expect([...new Set(missing)].slice(0, 20)).toEqual([]);
  });

  it('each year\'s maps draw exactly the councils that existed on 31 March that year', () => {
    for (let year = 2010; year <= 2025; year++) {
      const alive = [...areas.values()].filter((a) => a.level === 'la' && a.firstYear <= year && (a.lastYear === undefined || a.lastYear >= year)).map((a) => a.code).sort();
      expect(boundaryFeaturesForYear(geo.boundaries, geo.vintages, year).map((f) => f.properties.code).sort(), `boundaries ${year}`).toEqual(alive);
      expect(hexFeaturesForYear(geo.hex, geo.vintages, year).map((f) => f.properties.code).sort(), `hex ${year}`).toEqual(alive);
    }
  });
});

describe('councils per year match DfE\'s files', () => {
  const YEARS = Array.from({ length: 16 }, (_, i) => 2010 + i);
  const laCount = (measure: string) => YEARS.map((y) => observations.filter((o) => o.measure === measure && o.year === y && isLa(o.areaCode)).length);
  // DfE: 152 councils to 2018-19; 151 in 2019-20 and 2020-21 (Bournemouth, Christchurch and Poole and
  // Dorset replace Bournemouth, Poole and Dorset county); 152 from 2021-22 (North and West
  // Northamptonshire); 153 from 2023-24 (Cumberland, Westmorland and Furness). DfE's published files
  // have no combined rows (e.g. "E06000061 / E06000062") in these tables.
  const CIN = [152, 152, 152, 152, 152, 152, 152, 152, 152, 152, 151, 151, 152, 152, 153, 153];
  for (const m of ['referrals', 's47-enquiries', 'icpcs', 'children-in-need', 'child-protection-plans']) {
    it(`${m}: ${CIN.join(', ')}`, () => expect(laCount(m)).toEqual(CIN));
  }
  // Children looked after: DfE's 2011-2018 files leave out the Isles of Scilly ("no looked after
  // children"), so the years whose latest release is one of those files (2011-2014) have 151.
  const CLA = [152, 151, 151, 151, 151, 152, 152, 152, 152, 152, 151, 151, 152, 152, 153, 153];
  for (const m of ['looked-after', 'care-starts']) {
    it(`${m}: ${CLA.join(', ')}`, () => expect(laCount(m)).toEqual(CLA));
  }
  it('no observation uses a combined or unknown code', () => {
    expect(observations.filter((o) => o.areaCode.includes('/'))).toEqual([]);
  });
});
