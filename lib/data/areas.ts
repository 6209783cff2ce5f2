import { buildSearchEntries, type SearchEntry } from '../areas/find';
import { buildProfileIndex, type Profile, type ProfileIndex } from '../areas/identity';
import type { ProfileInputs } from '../areas/inputs';
import { indexObservations } from '../pathway';
import type { DecileRow } from '../schema/deprivation';
import { deprivationDecilesTable } from '../schema/deprivation';
import { districtsTable, postcodeDistrictsTable, postcodeRangesTable, type DistrictRow, type PostcodeDistrict, type PostcodeRange } from '../schema/postcodes';
import type { Observation } from '../schema/tables';
import { checkPostcodeLookups } from './postcode-checks';
import { areaByCode, breaksFor, loadAreas, loadMeasures, loadNeighbours, loadObservations, loadPopulation, loadTable, sourceById } from './load';

/**
 * Build-time wiring of the area pages (server only): the profile index and the inputs of the pure
 * builders in lib/areas/, from the loaded data; and the postcode lookups, checked against areas.csv.
 */
if (typeof window !== 'undefined') throw new Error('lib/data/areas is build-time only');

const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

export const profileIndex = (): ProfileIndex => memo('index', () => buildProfileIndex(loadAreas()));

export function profileInputs(): ProfileInputs {
  return memo('inputs', () => {
    const obs = loadObservations();
    const byMeasureYear = new Map<string, Observation[]>();
    for (const o of obs) {
      const k = `${o.measure}|${o.year}`;
      const list = byMeasureYear.get(k);
      if (list) list.push(o);
      else byMeasureYear.set(k, [o]);
    }
    const pop = new Map<string, number>();
    const popSource = new Map<string, string>();
    for (const p of loadPopulation()) {
      if (p.population.kind !== 'value') continue;
      pop.set(`${p.areaCode}|${p.midYear}`, p.population.value);
      popSource.set(`${p.areaCode}|${p.midYear}`, p.sourceId);
    }
    const deciles = new Map<string, DecileRow[]>();
    for (const d of loadTable(deprivationDecilesTable)) (deciles.get(d.areaCode) ?? deciles.set(d.areaCode, []).get(d.areaCode)!).push(d);
    return {
      areas: areaByCode(),
      index: profileIndex(),
      measures: new Map(loadMeasures().map((m) => [m.id, m])),
      lookup: indexObservations(obs),
      observationsIn: (measure, year) => byMeasureYear.get(`${measure}|${year}`) ?? [],
      population: (code, midYear) => pop.get(`${code}|${midYear}`),
      populationSource: (code, midYear) => popSource.get(`${code}|${midYear}`),
      breaks: breaksFor,
      sources: sourceById(),
      neighbours: loadNeighbours(),
      deciles: (code) => deciles.get(code) ?? [],
    };
  });
}

export function profileByCode(code: string): Profile | undefined {
  return profileIndex().byCode.get(code);
}

let lookupsChecked = false;
/** The three lookups, checked across files (lib/data/postcode-checks.ts) once. */
function checkedLookups(): void {
  if (lookupsChecked) return;
  checkPostcodeLookups(loadTable(postcodeRangesTable), loadTable(postcodeDistrictsTable), loadTable(districtsTable), loadAreas());
  lookupsChecked = true;
}

export function loadPostcodeRanges(): readonly PostcodeRange[] {
  checkedLookups();
  return loadTable(postcodeRangesTable);
}

export function loadPostcodeDistricts(): readonly PostcodeDistrict[] {
  checkedLookups();
  return loadTable(postcodeDistrictsTable);
}

export function loadDistricts(): readonly DistrictRow[] {
  checkedLookups();
  return loadTable(districtsTable);
}

/** The search box's entries: every profile (with its older codes), and every district and council outside England by name. */
export function siteSearchEntries(): SearchEntry[] {
  return memo('search-entries', () => buildSearchEntries(profileIndex().profiles, profileIndex().redirects, areaByCode(), loadDistricts()));
}
