import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvError, toCsv } from '@/lib/csv';
import { assessmentFactorsTable, breaksTable, neighboursTable } from '@/lib/schema/pathway';
import { columnNames, parseTable, type TidyTable } from '@/lib/schema/table';
import { buildAreas } from '@/scripts/ingest/areas';
import { buildBreaks } from '@/scripts/ingest/breaks';
import { checkRowIdentities } from '@/scripts/ingest/identities';
import type { IngestContext } from '@/scripts/ingest/context';
import { buildFactors, c3Guidance } from '@/scripts/ingest/factors';
import { buildNeighbours } from '@/scripts/ingest/neighbours';
import { ObservationSet } from '@/scripts/ingest/observations';
import { readPlacements } from '@/scripts/ingest/placements';
import { RawDir } from '@/scripts/ingest/raw';

/**
 * The new readers of data wave 2 refuse what cannot be true, naming file, row, column and value:
 * malformed tidy rows (breaks, neighbours, factors) and mutated raw files (a neighbour list one
 * short, an unknown DfE number, swapped D3 columns, a placement percentage that is not its count
 * over its total, a break whose quoted evidence is not in the release).
 */

const ROOT = path.join(__dirname, '..', '..');
const RAW = path.resolve(process.env.RAW_DIR ?? path.join(ROOT, '..', 'shared', 'data', 'raw'));
const haveRaw = existsSync(path.join(RAW, 'statistical-neighbours', 'sn_model_2025_wide.csv'));

function thrown(fn: () => unknown): CsvError | Error | undefined {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tidy tables: table-driven malformed rows.

interface TidyCase {
  readonly name: string;
  readonly table: TidyTable<unknown>;
  readonly row: Record<string, string>;
  readonly problem: RegExp;
  readonly column: string;
}
const BREAK = { measure: 's47-enquiries', year: '2013', kind: 'counting-change', applies_to: 'count-and-rate', label: 'Counting changed', before: 'children', note: 'What changed.', source_id: 'dfe-cin-2012-ud', evidence: '' };
const NEIGHBOUR = { model: '2025', area_code: 'E06000009', rank: '1', neighbour_code: 'E06000001', closeness: 'Very close', source_id: 'dfe-sn-2025', note: '' };
const FACTOR = { factor: 'neglect', year: '2025', area_code: 'E92000001', assessments: '97700', assessments_status: 'ok', share_pct: '19', share_status: 'ok', source_id: 'dfe-cin-2025-c3' };
const T = (t: unknown) => t as TidyTable<unknown>;
const CASES: TidyCase[] = [
  { name: 'break of an unknown kind', table: T(breaksTable), row: { ...BREAK, kind: 'new-idea' }, problem: /must be one of counting-change/, column: 'kind' },
  { name: 'break applying to something else', table: T(breaksTable), row: { ...BREAK, applies_to: 'count' }, problem: /must be one of count-and-rate, rate/, column: 'applies_to' },
  { name: 'break label too long for the chart', table: T(breaksTable), row: { ...BREAK, label: 'The way DfE counts enquiries changed in this year' }, problem: /at most 30 characters/, column: 'label' },
  { name: 'break without a note', table: T(breaksTable), row: { ...BREAK, note: '' }, problem: /must not be empty/, column: 'note' },
  { name: 'neighbour rank 11', table: T(neighboursTable), row: { ...NEIGHBOUR, rank: '11' }, problem: /rank from 1 to 10/, column: 'rank' },
  { name: 'a council as its own neighbour', table: T(neighboursTable), row: { ...NEIGHBOUR, neighbour_code: 'E06000009' }, problem: /its own neighbour/, column: 'neighbour_code' },
  { name: 'unknown closeness band', table: T(neighboursTable), row: { ...NEIGHBOUR, closeness: 'Quite close' }, problem: /must be one of Extremely close/, column: 'closeness' },
  { name: 'unknown neighbour model', table: T(neighboursTable), row: { ...NEIGHBOUR, model: '2019' }, problem: /must be one of 2025, 2021/, column: 'model' },
  { name: 'a share above 100%', table: T(assessmentFactorsTable), row: { ...FACTOR, share_pct: '101' }, problem: /percentage from 0 to 100/, column: 'share_pct' },
  { name: 'a fraction of an assessment', table: T(assessmentFactorsTable), row: { ...FACTOR, assessments: '97700.5' }, problem: /whole number/, column: 'assessments' },
  { name: 'a suppressed count with a number', table: T(assessmentFactorsTable), row: { ...FACTOR, assessments_status: 'c' }, problem: /exactly when assessments_status is ok/, column: 'assessments' },
];

describe('malformed wave-2 tidy rows give a clear error naming file, row, column and value', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const text = toCsv(columnNames(c.table), [c.row]);
      const e = thrown(() => parseTable(c.table, text)) as CsvError;
      expect(e).toBeInstanceOf(CsvError);
      expect(e.file).toBe(c.table.file);
      expect(e.row).toBe(2);
      expect(e.column).toBe(c.column);
      expect(e.message).toMatch(c.problem);
    });
  }
  it('the valid rows parse', () => {
    expect(parseTable(T(breaksTable), toCsv(columnNames(breaksTable), [BREAK]))).toHaveLength(1);
    expect(parseTable(T(neighboursTable), toCsv(columnNames(neighboursTable), [NEIGHBOUR]))).toHaveLength(1);
    expect(parseTable(T(assessmentFactorsTable), toCsv(columnNames(assessmentFactorsTable), [FACTOR]))).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutated raw files. A scratch raw folder holds the lookups the area index needs plus the file
// under test, copied from the real raw folder and changed in one place.

describe.skipIf(!haveRaw)('the ingest refuses mutated wave-2 raw files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const BASE = ['la-lookups/dfe_las.csv', 'la-lookups/dfe_regions.csv', 'boundaries/changes.csv', 'boundaries/ltla14-lookup.csv'];

  function scratch(files: readonly string[], mutate: Record<string, (text: string) => string> = {}): IngestContext {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'raw-wave2-'));
    dirs.push(dir);
    for (const f of [...BASE, ...files]) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      const m = mutate[f];
      if (m) writeFileSync(path.join(dir, f), m(readFileSync(path.join(RAW, f), 'utf8')));
      else copyFileSync(path.join(RAW, f), path.join(dir, f));
    }
    const raw = new RawDir(dir);
    return { raw, areas: buildAreas(raw, 2025), lastDataYear: 2025, useSource: (id) => id, report: () => undefined };
  }
  const SN = ['statistical-neighbours/sn_model_2025_wide.csv', 'statistical-neighbours/New_Statistical_Neighbour_Groupings_April_2021.csv'];

  it('reads the real neighbour files', () => {
    expect(buildNeighbours(scratch(SN)).length).toBe(1530 + 1560);
  });
  it('a council with nine neighbours', () => {
    const e = thrown(() => buildNeighbours(scratch(SN, { [SN[0]!]: (t) => t.replace(/^(890,Blackpool,.*),355,Close ,861,Close\s*$/m, '$1,355,Close ,,') })));
    expect(e?.message).toMatch(/sn_model_2025_wide.csv: row \d+: Blackpool has 9 neighbours, not 10/);
  });
  it('a neighbour number that is no council of the model year', () => {
    const e = thrown(() => buildNeighbours(scratch(SN, { [SN[0]!]: (t) => t.replace(/^890,Blackpool,5,North West,805,/m, '890,Blackpool,5,North West,835,') })));
    // 835 is the pre-2019 Dorset county council
    expect(e?.message).toMatch(/column "SN_1": no local authority with this DfE number existed in 2025 \(value "835"\)/);
  });
  it('a council listed twice, or a council of the year missing', () => {
    const dup = thrown(() => buildNeighbours(scratch(SN, { [SN[0]!]: (t) => t.replace(/^(891,Nottinghamshire),/m, '890,Blackpool,') })));
    expect(dup?.message).toMatch(/Blackpool is listed twice|name does not match/);
    const gone = thrown(() => buildNeighbours(scratch(SN, { [SN[0]!]: (t) => t.replace(/^890,Blackpool,.*\n/m, '') })));
    expect(gone?.message).toMatch(/the 2025 model has no neighbours for Blackpool/);
  });
  it('an unknown closeness band', () => {
    const e = thrown(() => buildNeighbours(scratch(SN, { [SN[0]!]: (t) => t.replace(/^(890,Blackpool,5,North West,805,)Very close/m, '$1Rather close') })));
    expect(e?.message).toMatch(/column "SN_1P": unknown closeness band .*\(value "Rather close"\)/);
  });

  const D3 = 'dfe-csc-extra/d3_cpps_subsequent_plan_2013_to_2025.csv';
  const C4S = ['dfe-cin/ees-2025-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv', 'dfe-cin/ees-2022-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2022.csv'];
  const D1 = 'dfe-cin/ees-2022-release/d1_child_protection_plans_2013_to_2022.csv';
  const C1S = ['2025', '2024', '2022'].map((y) => `dfe-cin/ees-${y}-release/c1_children_in_need_referrals_and_rereferrals_2013_to_${y}.csv`);
  const IDS = () => [D3, ...C4S, D1, ...C1S];
  it('D3 with plans started and repeat plans swapped (same header names, columns renamed)', () => {
    const swapHeader = (t: string) => t.replace('CPP_start,CPP_subsequent,', 'CPP_subsequent,CPP_start,');
    const e = thrown(() => checkRowIdentities(scratch(IDS(), { [D3]: swapHeader })));
    expect(e?.message).toMatch(/d3_cpps_subsequent_plan_2013_to_2025.csv: row 2, column "CPP_subsequent": second or subsequent plans \(61840\) exceed plans started \(15130\)/);
  });
  it("C4 with children and enquiries swapped", () => {
    const e = thrown(() => checkRowIdentities(scratch(IDS(), { [C4S[0]!]: (t) => t.replace('Section47,Section47_child,', 'Section47_child,Section47,') })));
    expect(e?.message).toMatch(/column "Section47_child": Section47_child \(230590\) exceeds Section47 \(195250\)/);
  });

  it('C1 with referrals and re-referrals swapped (the audit\'s mutation: England 2012-13 593,470 → 146,770)', () => {
    const e = thrown(() => checkRowIdentities(scratch(IDS(), { [C1S[0]!]: (t) => t.replace('referral_count,rereferral_count,', 'rereferral_count,referral_count,') })));
    expect(e?.message).toMatch(/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv: row 2, column "rereferral_count": re-referrals \(\d+\) exceed referrals \(\d+\)/);
  });

  const PL = 'dfe-csc-extra/la_cla_placement_stability.csv';
  it('a placement percentage that is not its count over the total', () => {
    const e = thrown(() => readPlacements(scratch([PL], { [PL]: (t) => t.replace(/(Blackpool,E06000009,CLA on 31 March,With 3 or more placements during the year,41,)8/, '$118') }), new ObservationSet()));
    expect(e?.message).toMatch(/la_cla_placement_stability.csv: row \d+, column "children_percent": percentage 18 is not 41 ÷ 531/);
  });
  it('an unknown group of children', () => {
    const e = thrown(() => readPlacements(scratch([PL], { [PL]: (t) => t.replace(',CLA on 31 March,With 3', ',CLA on 1 April,With 3') }), new ObservationSet()));
    expect(e?.message).toMatch(/column "cla_group": unknown group of children \(value "CLA on 1 April"\)/);
  });

  const C3 = 'dfe-csc-extra/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv';
  const GUIDE = 'dfe-cin/ees-2022-release/data-guidance.txt';
  it("a C3 column that DfE's data guidance does not describe", () => {
    const e = thrown(() => buildFactors(scratch([C3, GUIDE], { [GUIDE]: (t) => t.replace(/^Neglect +\|.*$/m, '') })));
    expect(e?.message).toMatch(/C3 column Neglect has no description/);
  });
  it('reads the labels of the real guidance', () => {
    const { labels } = c3Guidance(readFileSync(path.join(RAW, GUIDE), 'utf8'));
    expect(labels.get('Child_criminal_exploitation')).toBe('Child criminal exploitation');
  });

  it('a break whose quoted evidence is not in the release file', () => {
    const META = 'dfe-cin/underlying-2011-12/SFR27-2012_Meta_Data_Document.txt';
    const files = ['dfe-cin/underlying-2009-10/osr28-2010ud-metadata.txt', META, GUIDE, 'dfe-cin/PROVENANCE.md'];
    const spans = new Map(['referrals', 's47-enquiries', 's47-children', 'icpcs', 'icpc-children', 'cpp-starts', 'children-in-need', 'child-protection-plans'].map((m) => [m, { first: 2010, last: 2025 }]));
    expect(buildBreaks(scratch(files), spans).length).toBeGreaterThan(10);
    const e = thrown(() => buildBreaks(scratch(files, { [META]: (t) => t.replace('Number of children subject to Section 47 enquiries within 2011-12', 'Number of Section 47 enquiries within 2011-12') }), spans));
    expect(e?.message).toMatch(/SFR27-2012_Meta_Data_Document.txt: the words quoted for the counting-change break of s47-enquiries in 2013 are not in the file/);
  });
});
