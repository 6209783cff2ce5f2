import { CsvError, type CsvRow, type ParsedCsv } from '../../lib/csv';
import type { Cell } from '../../lib/status';
import { ENGLAND, FIRST_DATA_YEAR, type AreaIdentity } from './areas';
import type { IngestContext } from './context';
import { eesArea, expectConstant } from './ees';
import type { ObservationSet } from './observations';
import { cell, text, yearCell } from './raw';

/**
 * DfE Children looked after in England (SSDA903): children looked after at 31 March (`looked-after`)
 * and children starting to be looked after in the year (`care-starts`).
 *
 * Every release file is read; for each measure, year and area the latest release wins:
 * - England 2010-2020: the national time series of the 2024 release (revised back series);
 * - 2021-2025 all areas: the 2025 release; 2020: 2024; 2019: 2023; 2018: 2022 (EES files);
 * - councils and regions 2015-2017: the 2019 underlying files (5-year series with rates), 2014: 2018;
 * - 2010-2013: each year's own underlying file.
 * EES files keep a row for every council in all five years, with `z` where the council did not exist
 * (e.g. Cumberland before 2024); such rows are dropped and counted (a number there would stop the ingest).
 */

const D = 'dfe-cla';
const EES_MEASURE: Readonly<Record<string, string | null>> = {
  'Children looked after at 31 March each year': 'looked-after',
  'Children looked after on 31 March each year': 'looked-after',
  'Children starting to be looked after each year': 'care-starts',
  'Children ceasing to be looked after each year': null, // not a measure of this explorer
};
const EES_FILES = [
  { file: `${D}/ees-2025-release/cla_number_and_rate_per_10k_children.csv`, sourceId: 'dfe-cla-2025', release: 202511, measureCol: 'population_type', countCol: 'children_count' },
  { file: `${D}/ees-2024-release/cla_number_and_rate_per_10k_children.csv`, sourceId: 'dfe-cla-2024', release: 202411, measureCol: 'population_count', countCol: 'number' },
  { file: `${D}/ees-2023-release/cla_number_and_rate_per_10k_children.csv`, sourceId: 'dfe-cla-2023', release: 202312, measureCol: 'population_count', countCol: 'number' },
  { file: `${D}/ees-2022-release/cla_number_and_rate_per_10k_children.csv`, sourceId: 'dfe-cla-2022', release: 202211, measureCol: 'population_count', countCol: 'number' },
  { file: `${D}/ees-2021-release/cla_number_and_rate_per_10k_children.csv`, sourceId: 'dfe-cla-2021', release: 202111, measureCol: 'population_count', countCol: 'number' },
] as const;

const TIME_SERIES = { file: `${D}/ees-2024-release/cla_time_series_1994_2024.csv`, sourceId: 'dfe-cla-2024-ts', release: 202411 };
const TS_MEASURE: Readonly<Record<string, string | null>> = {
  'Children looked after at 31 March': 'looked-after',
  'Children starting to be looked after during the year': 'care-starts',
  'Children ceasing to be looked after during the year': null,
  'Children looked after at 31 March who were unaccompanied asylum-seeking children': null,
  'Children looked after who were adopted during the year': null,
};

interface OldSpec {
  readonly file: string;
  readonly sourceId: string;
  readonly release: number;
  readonly measure: 'looked-after' | 'care-starts';
  /** year → [count column, published rate column or undefined] */
  readonly years: Readonly<Record<number, readonly [string, string | undefined]>>;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const series = (from: number, to: number, count: (y: number) => string, rate?: (y: number) => string) =>
  Object.fromEntries(range(from, to).map((y) => [y, [count(y), rate?.(y)] as const]));

const OLD_FILES: readonly OldSpec[] = [
  { file: `${D}/underlying-2019/CLA2019.csv`, sourceId: 'dfe-cla-2019-ud-cla', release: 201912, measure: 'looked-after', years: series(2015, 2019, (y) => `CLA_Mar${y}`, (y) => `CLA_Rate${y}`) },
  { file: `${D}/underlying-2019/ADM2019.csv`, sourceId: 'dfe-cla-2019-ud-adm', release: 201912, measure: 'care-starts', years: series(2015, 2019, (y) => `CLA_started${y}`, (y) => `Started_CLA_Rate${y}`) },
  { file: `${D}/underlying-2018/CLA2018.csv`, sourceId: 'dfe-cla-2018-ud-cla', release: 201812, measure: 'looked-after', years: series(2014, 2018, (y) => `CLA_Mar${y}`, (y) => `CLA_Rate${y}`) },
  { file: `${D}/underlying-2018/ADM2018_amended.csv`, sourceId: 'dfe-cla-2018-ud-adm', release: 201812, measure: 'care-starts', years: series(2014, 2018, (y) => `CLA_started${y}`) },
  ...[2017, 2016, 2014, 2013, 2012].flatMap((y): OldSpec[] => {
    const sfr = { 2017: ['SFR50_CLA2017', 'SFR50_ADM2017'], 2016: ['SFR41_CLA2016', 'SFR41_ADM2016'], 2014: ['SFR36_CLA2014', 'SFR36_ADM2014'], 2013: ['SFR36_CLA2013', 'SFR36_ADM2013'], 2012: ['SFR20_CLA2012', 'SFR20_ADM2012'] }[y]!;
    return [
      { file: `${D}/underlying-${y}/${sfr[0]}.csv`, sourceId: `dfe-cla-${y}-ud-cla`, release: y * 100 + 9, measure: 'looked-after', years: { [y]: [`CLA_Mar${y}`, undefined] } },
      { file: `${D}/underlying-${y}/${sfr[1]}.csv`, sourceId: `dfe-cla-${y}-ud-adm`, release: y * 100 + 9, measure: 'care-starts', years: { [y]: [`CLA_started${y}`, undefined] } },
    ];
  }),
  { file: `${D}/underlying-2015/SFR34_CLA2015.csv`, sourceId: 'dfe-cla-2015-ud-cla', release: 201509, measure: 'looked-after', years: { 2015: ['CLA_Mar2015', undefined] } },
  // DfE's 2015 file labels its columns 2014, but the values are for the year ending 31 March 2015.
  { file: `${D}/underlying-2015/SFR34_ADM2015.csv`, sourceId: 'dfe-cla-2015-ud-adm', release: 201509, measure: 'care-starts', years: { 2015: ['CLA_started2014', undefined] } },
  { file: `${D}/underlying-2011/SFR21_CLA.csv`, sourceId: 'dfe-cla-2011-ud-cla', release: 201109, measure: 'looked-after', years: { 2011: ['CLA_Mar2011', undefined] } },
  { file: `${D}/underlying-2011/SFE21_ADM.csv`, sourceId: 'dfe-cla-2011-ud-adm', release: 201109, measure: 'care-starts', years: { 2011: ['CLA_started2011', undefined] } },
  { file: `${D}/underlying-2010/SFR27_2010_March.csv`, sourceId: 'dfe-cla-2010-ud-cla', release: 201009, measure: 'looked-after', years: { 2010: ['MarTotal_2010', undefined] } },
  { file: `${D}/underlying-2010/SFR27_2010_Started.csv`, sourceId: 'dfe-cla-2010-ud-adm', release: 201009, measure: 'care-starts', years: { 2010: ['StartTotal_2010', undefined] } },
];

export interface ClaResult {
  readonly skippedSubregionRows: number;
  readonly droppedNonexistent: number;
  readonly skippedOtherMeasures: number;
}

export function readCla(ctx: IngestContext, into: ObservationSet): ClaResult {
  let skippedSubregion = 0;
  let dropped = 0;
  let otherMeasures = 0;

  for (const spec of EES_FILES) {
    const csv = ctx.raw.csv(spec.file);
    expectConstant(csv, 'time_identifier', ['Reporting year']);
    for (const r of csv.rows) {
      const label = text(csv, r, spec.measureCol);
      const measure = EES_MEASURE[label];
      if (measure === undefined) throw new CsvError(spec.file, 'unknown measure', r.row, spec.measureCol, label);
      if (measure === null) {
        otherMeasures++;
        continue;
      }
      const year = yearCell(csv, r, 'time_period', 2018, ctx.lastDataYear);
      const count = cell(csv, r, spec.countCol, 'ees');
      const rate = cell(csv, r, 'rate_per_10000', 'ees');
      if (text(csv, r, 'geographic_level') === 'Local authority') {
        const code = text(csv, r, 'new_la_code');
        const known = ctx.areas.lookup(code);
        if (known && !ctx.areas.inForce(known, year)) {
          if (count.kind === 'missing' && count.status === 'z' && rate.kind === 'missing') {
            dropped++;
            continue;
          }
          throw new CsvError(spec.file, `${known.name} did not exist in ${year} but the file gives a figure`, r.row, spec.countCol, r.values[spec.countCol]);
        }
      }
      const area = eesArea(ctx, csv, r, year);
      if (area === 'skip') {
        skippedSubregion++;
        continue;
      }
      into.add({ measure, year, areaCode: area.code, count, rate, sourceId: spec.sourceId, release: spec.release, file: spec.file, row: r.row, countColumn: spec.countCol, rateColumn: 'rate_per_10000' });
    }
  }

  const ts = ctx.raw.csv(TIME_SERIES.file);
  for (const r of ts.rows) {
    const label = text(ts, r, 'population_count');
    const measure = TS_MEASURE[label];
    if (measure === undefined) throw new CsvError(ts.file, 'unknown measure', r.row, 'population_count', label);
    const year = yearCell(ts, r, 'time_period', 1994, ctx.lastDataYear);
    if (measure === null || year < FIRST_DATA_YEAR) continue; // the explorer starts in 2010
    if (text(ts, r, 'geographic_level') !== 'National') throw new CsvError(ts.file, 'expected national rows only', r.row, 'geographic_level', text(ts, r, 'geographic_level'));
    into.add({ measure, year, areaCode: ENGLAND, count: cell(ts, r, 'number', 'ees'), rate: undefined, sourceId: TIME_SERIES.sourceId, release: TIME_SERIES.release, file: ts.file, row: r.row, countColumn: 'number' });
  }

  for (const spec of OLD_FILES) {
    const csv = ctx.raw.csv(spec.file);
    const firstYear = Math.min(...Object.keys(spec.years).map(Number));
    for (const r of csv.rows) {
      const area = oldArea(ctx, csv, r, firstYear);
      if (area === 'skip') {
        skippedSubregion++;
        continue;
      }
      for (const [y, [countCol, rateCol]] of Object.entries(spec.years)) {
        const year = Number(y);
        if (area.level === 'la' && !ctx.areas.aliveIn(area, year)) throw new CsvError(spec.file, `${area.name} did not exist in ${year}`, r.row, countCol);
        const rate: Cell | undefined = rateCol ? cell(csv, r, rateCol, 'old') : undefined;
        into.add({ measure: spec.measure, year, areaCode: area.code, count: cell(csv, r, countCol, 'old'), rate, sourceId: spec.sourceId, release: spec.release, file: spec.file, row: r.row, countColumn: countCol, rateColumn: rateCol });
      }
    }
  }
  return { skippedSubregionRows: skippedSubregion, droppedNonexistent: dropped, skippedOtherMeasures: otherMeasures };
}

/** Area of a row of an old (2010-2019) underlying-data file. */
function oldArea(ctx: IngestContext, csv: ParsedCsv, r: CsvRow, year: number): AreaIdentity | 'skip' {
  const level = text(csv, r, 'geog_l').toUpperCase();
  const name = text(csv, r, 'geog_n');
  const code = r.values['New_geog_code']?.trim() ?? '';
  if (level === 'NATIONAL') {
    if (name.toUpperCase() !== 'ENGLAND') throw new CsvError(csv.file, 'national row is not England', r.row, 'geog_n', name);
    return ctx.areas.get(ENGLAND)!;
  }
  if (level === 'REGION' || level === 'GOR') {
    if (/^(INNER|OUTER) LONDON$/i.test(name)) return 'skip';
    const region = code.startsWith('E12') ? ctx.areas.region(code) : ctx.areas.regionByName(name);
    if (!region || (code !== '' && region.code !== code)) throw new CsvError(csv.file, 'unknown region', r.row, 'geog_n', name);
    if (ctx.areas.regionByName(name)?.code !== region.code) throw new CsvError(csv.file, `region name does not match code ${code}`, r.row, 'geog_n', name);
    return region;
  }
  // LA rows; one 2017 file leaves geog_l empty for the Isles of Scilly
  if (level === 'LA' || (level === '' && /^E0[689]/.test(code))) {
    const num = text(csv, r, 'geog_c');
    const byNum = ctx.areas.byLaNumber(num, year, csv.file, r.row, 'geog_c');
    if (code !== '' && ctx.areas.lookup(code)?.code !== byNum.code) throw new CsvError(csv.file, `GSS code does not match DfE LA number ${num} (${byNum.name})`, r.row, 'New_geog_code', code);
    return byNum;
  }
  throw new CsvError(csv.file, 'unknown geography level', r.row, 'geog_l', r.values['geog_l']);
}

export const CLA_MEASURES = ['looked-after', 'care-starts'] as const;
