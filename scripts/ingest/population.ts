import { CsvError } from '../../lib/csv';
import type { Cell } from '../../lib/status';
import { ENGLAND, type AreaIndex } from './areas';
import type { IngestContext } from './context';
import { cell, text, yearCell } from './raw';
import { cellFields, type TidyRecord } from './write';

/**
 * Children aged 0 to 17, the denominators of every rate, one estimate per mid-year and area:
 * - mid-2012 to mid-2024: the file DfE ships with Children in need 2025 (latest vintage, rebased on
 *   Census 2021). Where it has no estimate (Bournemouth, Poole and old Dorset before 2019, `x`), the
 *   older file shipped with the 2022 release.
 * - mid-2009 to mid-2011: the Mid<year>Pop0-17 columns of the CIN underlying-data files (England and
 *   councils); mid-2009 regions from the CLA 2010 file (GOR rows); mid-2010 and mid-2011 regions are
 *   the sum of their councils, marked so in the note column.
 */
export interface PopulationEntry {
  readonly population: Cell;
  readonly sourceId: string;
  readonly note: string;
}

export class Populations {
  readonly entries = new Map<string, PopulationEntry>();
  private key = (midYear: number, code: string) => `${midYear}|${code}`;

  set(midYear: number, code: string, e: PopulationEntry): void {
    this.entries.set(this.key(midYear, code), e);
  }
  get(midYear: number, code: string): PopulationEntry | undefined {
    return this.entries.get(this.key(midYear, code));
  }
  has(midYear: number, code: string): boolean {
    return this.entries.has(this.key(midYear, code));
  }

  /** The estimate for an area, or for the same area under another code (see AreaIndex.sameArea). */
  forRate(midYear: number, code: string, areas: AreaIndex): PopulationEntry | undefined {
    for (const c of [code, ...areas.sameArea(code)]) {
      const e = this.get(midYear, c);
      if (e) return e;
    }
    return undefined;
  }

  rows(): TidyRecord[] {
    return [...this.entries]
      .map(([k, e]) => {
        const [midYear, code] = k.split('|') as [string, string];
        const [population, status] = cellFields(e.population);
        return { mid_year: midYear, area_code: code, population, status, source_id: e.sourceId, note: e.note };
      })
      .sort((a, b) => a.area_code.localeCompare(b.area_code) || a.mid_year.localeCompare(b.mid_year));
  }
}

const LATEST = 'ons-population/ons_mid-year_population_estimates_2012_to_2024.csv';
const OLDER = 'ons-population/cin-2022-release_ons_mid-year_population_estimates_2012_to_2020.csv';

export function buildPopulation(ctx: IngestContext): Populations {
  const pops = new Populations();
  const older = new Map<string, Cell>();

  const readEes = (file: string, sourceId: string, into: (midYear: number, code: string, c: Cell) => void) => {
    const csv = ctx.raw.csv(file);
    for (const r of csv.rows) {
      const midYear = yearCell(csv, r, 'time_period', 2000, ctx.lastDataYear);
      if (text(csv, r, 'age_group') !== 'Children aged 0 to 17 years') throw new CsvError(file, 'unexpected age group', r.row, 'age_group', text(csv, r, 'age_group'));
      const level = text(csv, r, 'geographic_level');
      let code: string;
      if (level === 'National') code = ENGLAND;
      else if (level === 'Regional') {
        code = text(csv, r, 'region_code');
        if (code.startsWith('E13')) continue; // Inner/Outer London splits are not areas here
      } else if (level === 'Local authority') code = text(csv, r, 'new_la_code');
      else throw new CsvError(file, 'unknown geographic level', r.row, 'geographic_level', level);
      // the area must be known (estimates are keyed by the code in use at mid-year, which can be a
      // successor's code for the same area; see Populations.forRate)
      const area = ctx.areas.lookup(code);
      if (!area) throw new CsvError(file, 'area code is not in the area lookup', r.row, level === 'Local authority' ? 'new_la_code' : 'region_code', code);
      ctx.useSource(sourceId);
      into(midYear, area.code, cell(csv, r, 'population_estimate', 'ees'));
    }
  };

  readEes(OLDER, 'ons-pop-cin-2022', (y, code, c) => older.set(`${y}|${code}`, c));
  readEes(LATEST, 'ons-pop-cin-2025', (y, code, c) => {
    if (c.kind === 'missing') {
      const fallback = older.get(`${y}|${code}`);
      if (fallback?.kind === 'value') {
        ctx.useSource('ons-pop-cin-2022');
        pops.set(y, code, { population: fallback, sourceId: 'ons-pop-cin-2022', note: 'Latest (Census 2021-based) vintage has no estimate for this pre-2019 council; older vintage used.' });
        return;
      }
    }
    pops.set(y, code, { population: c, sourceId: 'ons-pop-cin-2025', note: '' });
  });

  // mid-2009 to mid-2011 from the old CIN underlying files (England and councils)
  const oldFiles: [number, string, string, string][] = [
    [2009, 'dfe-cin/underlying-2009-10/osr28-2010ud.csv', 'Mid2009Pop0-17', 'dfe-cin-2010-ud'],
    [2010, 'dfe-cin/underlying-2010-11/osr26-2011ud.csv', 'Mid2010Pop0-17', 'dfe-cin-2011-ud'],
    [2011, 'dfe-cin/underlying-2011-12/SFR27-2012ud.csv', 'Mid2011Pop0-17', 'dfe-cin-2012-ud'],
  ];
  for (const [midYear, file, column, sourceId] of oldFiles) {
    const csv = ctx.raw.csv(file);
    ctx.useSource(sourceId);
    const regionSums = new Map<string, number>();
    for (const r of csv.rows) {
      const level = text(csv, r, 'geog_l');
      const c = cell(csv, r, column, 'old');
      if (c.kind !== 'value') throw new CsvError(file, 'population estimate missing', r.row, column, r.values[column]);
      let code: string;
      if (level === 'National') code = ENGLAND;
      else if (level === 'LA') {
        const area = ctx.areas.byLaNumber(text(csv, r, 'geog_c'), midYear + 1, file, r.row, 'geog_c');
        code = area.code;
        regionSums.set(area.regionCode!, (regionSums.get(area.regionCode!) ?? 0) + c.value);
      } else throw new CsvError(file, 'unknown geography level', r.row, 'geog_l', level);
      pops.set(midYear, code, { population: c, sourceId, note: midYear === 2010 ? '' : 'Rounded to the nearest 100 by DfE.' });
    }
    if (midYear > 2009) {
      for (const [region, sum] of regionSums) {
        pops.set(midYear, region, { population: { kind: 'value', value: sum }, sourceId, note: 'Sum of the councils in the region (DfE published no regional estimate in this file).' });
      }
    }
  }

  // mid-2009 regions from the CLA 2010 file
  const cla2010 = 'dfe-cla/underlying-2010/SFR27_2010_March.csv';
  const csv = ctx.raw.csv(cla2010);
  for (const r of csv.rows) {
    if (text(csv, r, 'geog_l') !== 'GOR') continue;
    const region = ctx.areas.regionByName(text(csv, r, 'geog_n'));
    if (!region) throw new CsvError(cla2010, 'unknown region name', r.row, 'geog_n', text(csv, r, 'geog_n'));
    const c = cell(csv, r, 'Mid2009Pop0-17', 'old');
    ctx.useSource('dfe-cla-2010-ud-cla');
    pops.set(2009, region.code, { population: c, sourceId: 'dfe-cla-2010-ud-cla', note: 'Rounded to the nearest 100 by DfE.' });
  }
  return pops;
}
