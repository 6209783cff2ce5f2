import { CsvError } from '../../lib/csv';
import type { Cell } from '../../lib/status';
import { ENGLAND } from './areas';
import type { IngestContext } from './context';
import { eesArea, expectConstant } from './ees';
import type { ObservationSet } from './observations';
import { cell, text, yearCell } from './raw';

/**
 * DfE Children in need census: referrals, section 47 enquiries, initial child protection conferences,
 * children in need at 31 March and children on a child protection plan at 31 March.
 *
 * 2013 onwards come from the EES releases (2025 wins; the 2024 and 2022 releases are read so that
 * every revision they differ by is listed in data/reports/revisions.csv). 2010 to 2012 come from the
 * old underlying-data files, the only releases covering those years.
 */

interface EesSpec {
  readonly file: string;
  readonly sourceId: string;
  readonly release: number;
  readonly category: string;
  /** The 2022 release spells the column "Category" in two files. */
  readonly categoryCol?: string;
  /** measure id → [count column, published rate column or undefined] */
  readonly measures: Readonly<Record<string, readonly [string, string | undefined]>>;
}

const D = 'dfe-cin';
const EES_FILES: readonly EesSpec[] = [
  { file: `${D}/ees-2025-release/b1_children_in_need_2013_to_2025.csv`, sourceId: 'dfe-cin-2025-b1', release: 202511, category: 'Children in Need', measures: { 'children-in-need': ['At31_episodes', undefined] } },
  { file: `${D}/ees-2025-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv`, sourceId: 'dfe-cin-2025-c1', release: 202511, category: 'Referrals and Re-referrals', measures: { referrals: ['referral_count', undefined] } },
  { file: `${D}/ees-2025-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv`, sourceId: 'dfe-cin-2025-c4', release: 202511, category: 'Section 47s and Initial Child Protection Conferences', measures: { 's47-enquiries': ['Section47', undefined], icpcs: ['ICPC', undefined], 's47-children': ['Section47_child', undefined], 'icpc-children': ['ICPC_child', undefined] } },
  { file: 'dfe-csc-extra/d3_cpps_subsequent_plan_2013_to_2025.csv', sourceId: 'dfe-cin-2025-d3', release: 202511, category: 'Child Protection Plans which are a second or subsequent plan', measures: { 'cpp-starts': ['CPP_start', undefined], 'cpp-repeat': ['CPP_subsequent_percent', undefined] } },
  { file: `${D}/ees-2025-release/d5_cpps_at31march_by_duration_2013_to_2025.csv`, sourceId: 'dfe-cin-2025-d5', release: 202511, category: 'Child Protection Plans by length of time', measures: { 'child-protection-plans': ['CPP_At31', undefined] } },
  { file: `${D}/ees-2024-release/b1_children_in_need_2013_to_2024.csv`, sourceId: 'dfe-cin-2024-b1', release: 202410, category: 'Children in Need', measures: { 'children-in-need': ['At31_episodes', 'At31_episodes_rate'] } },
  { file: `${D}/ees-2024-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv`, sourceId: 'dfe-cin-2024-c1', release: 202410, category: 'Referrals and Re-referrals', measures: { referrals: ['Referrals', 'Referrals_rate'] } },
  { file: `${D}/ees-2024-release/d5_cpps_at31march_by_duration_2013_to_2024.csv`, sourceId: 'dfe-cin-2024-d5', release: 202410, category: 'Child Protection Plans by length of time', measures: { 'child-protection-plans': ['CPP_At31', undefined] } },
  { file: `${D}/ees-2022-release/b1_children_in_need_2013_to_2022.csv`, sourceId: 'dfe-cin-2022-b1', release: 202210, category: 'Children in Need', measures: { 'children-in-need': ['At31_episodes', 'At31_episodes_rate'] } },
  { file: `${D}/ees-2022-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2022.csv`, sourceId: 'dfe-cin-2022-c1', release: 202210, category: 'Referrals and Re-referrals', categoryCol: 'Category', measures: { referrals: ['Referrals', 'Referrals_rate'] } },
  { file: `${D}/ees-2022-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2022.csv`, sourceId: 'dfe-cin-2022-c4', release: 202210, category: 'Section 47s and Initial Child Protection Conferences', measures: { 's47-enquiries': ['Section47', 'Section47_rate'], icpcs: ['ICPC', 'ICPC_rate'], 's47-children': ['Section47_child', 'Section47_child_rate'], 'icpc-children': ['ICPC_child', 'ICPC_child_rate'] } },
  { file: `${D}/ees-2022-release/d1_child_protection_plans_2013_to_2022.csv`, sourceId: 'dfe-cin-2022-d1', release: 202210, category: 'Child Protection Plans', categoryCol: 'Category', measures: { 'child-protection-plans': ['CPP_At31', 'CPP_At31_rate'], 'cpp-starts': ['CPP_start', 'CPP_start_rate'] } },
];

interface OldSpec {
  readonly file: string;
  readonly sourceId: string;
  readonly year: number;
  readonly release: number;
  readonly measures: Readonly<Record<string, readonly [string, string | undefined]>>;
}

/** Pre-EES underlying data. A rate column is listed only where the file publishes one. */
const OLD_FILES: readonly OldSpec[] = [
  {
    file: `${D}/underlying-2009-10/osr28-2010ud.csv`,
    sourceId: 'dfe-cin-2010-ud',
    year: 2010,
    release: 201010,
    measures: {
      referrals: ['Referrals0910', 'Referrals0910Rate'],
      // 2009-10 to 2011-12 count children subject to an enquiry or a conference (the metadata's own words):
      // the same column feeds the enquiries series (marked by the 2012-13 break) and the children series.
      's47-enquiries': ['S47in0910', undefined],
      's47-children': ['S47in0910', undefined],
      icpcs: ['ICPCin0910', undefined],
      'icpc-children': ['ICPCin0910', undefined],
      'cpp-starts': ['CPPIn0910', undefined],
      'children-in-need': ['CINAt310310', 'CINRatePer10K'],
      'child-protection-plans': ['CPPAt310310', 'CPPAt310310RatePer10k'],
    },
  },
  {
    file: `${D}/underlying-2010-11/osr26-2011ud.csv`,
    sourceId: 'dfe-cin-2011-ud',
    year: 2011,
    release: 201110,
    measures: {
      referrals: ['Referrals1011', 'Referrals1011Rate'],
      's47-enquiries': ['S47in1011', undefined],
      's47-children': ['S47in1011', undefined],
      icpcs: ['ICPCin1011', undefined],
      'icpc-children': ['ICPCin1011', undefined],
      'cpp-starts': ['CPPIn1011', undefined],
      'children-in-need': ['CINAt310311', 'CINRatePer10K'],
      'child-protection-plans': ['CPPAt310311', 'CPPAt310311RatePer10k'],
    },
  },
  {
    file: `${D}/underlying-2011-12/SFR27-2012ud.csv`,
    sourceId: 'dfe-cin-2012-ud',
    year: 2012,
    release: 201210,
    measures: {
      referrals: ['Referrals1112', 'Referrals1112Rate'],
      's47-enquiries': ['S471112', 'S47Rate1112'],
      's47-children': ['S471112', 'S47Rate1112'],
      icpcs: ['ICPC1112', 'ICPCRate1112'],
      'icpc-children': ['ICPC1112', 'ICPCRate1112'],
      'cpp-starts': ['CPPStart1112', 'CPPStartRate1112'],
      'children-in-need': ['CINAt310312', 'CINAt310312RatePer10k'],
      'child-protection-plans': ['CPPAt310312', 'CPPAt310312Rate'],
    },
  },
];

export interface CinResult {
  /** EES rows skipped on purpose (Inner/Outer London splits), for the report. */
  readonly skippedSubregionRows: number;
}

export function readCin(ctx: IngestContext, into: ObservationSet): CinResult {
  let skipped = 0;
  for (const spec of EES_FILES) {
    const csv = ctx.raw.csv(spec.file);
    expectConstant(csv, 'time_identifier', ['Reporting year']);
    expectConstant(csv, spec.categoryCol ?? 'category', [spec.category]);
    for (const r of csv.rows) {
      const year = yearCell(csv, r, 'time_period', 2013, ctx.lastDataYear);
      const area = eesArea(ctx, csv, r, year);
      if (area === 'skip') {
        skipped++;
        continue;
      }
      for (const [measure, [countCol, rateCol]] of Object.entries(spec.measures)) {
        into.add({
          measure,
          year,
          areaCode: area.code,
          count: cell(csv, r, countCol, 'ees'),
          rate: rateCol ? cell(csv, r, rateCol, 'ees') : undefined,
          sourceId: spec.sourceId,
          release: spec.release,
          file: spec.file,
          row: r.row,
        });
      }
    }
  }

  for (const spec of OLD_FILES) {
    const csv = ctx.raw.csv(spec.file);
    for (const r of csv.rows) {
      const level = text(csv, r, 'geog_l');
      let areaCode: string;
      if (level === 'National') {
        if (text(csv, r, 'geog_n') !== 'England') throw new CsvError(spec.file, 'national row is not England', r.row, 'geog_n', text(csv, r, 'geog_n'));
        areaCode = ENGLAND;
      } else if (level === 'LA') {
        areaCode = ctx.areas.byLaNumber(text(csv, r, 'geog_c'), spec.year, spec.file, r.row, 'geog_c').code;
      } else throw new CsvError(spec.file, 'unknown geography level (expected National or LA)', r.row, 'geog_l', level);
      for (const [measure, [countCol, rateCol]] of Object.entries(spec.measures)) {
        const rate: Cell | undefined = rateCol ? cell(csv, r, rateCol, 'old') : undefined;
        into.add({ measure, year: spec.year, areaCode, count: cell(csv, r, countCol, 'old'), rate, sourceId: spec.sourceId, release: spec.release, file: spec.file, row: r.row });
      }
    }
  }
  return { skippedSubregionRows: skipped };
}

export const CIN_MEASURES = ['referrals', 's47-enquiries', 'icpcs', 'children-in-need', 'child-protection-plans'] as const;

