import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvError, parseCsv, toCsv } from '@/lib/csv';
import { columnNames, parseTable } from '@/lib/schema/table';
import { laitTable, measuresTable } from '@/lib/schema/tables';
import { buildAreas, type AreaIndex } from '@/scripts/ingest/areas';
import type { IngestContext } from '@/scripts/ingest/context';
import { buildLait, LAIT_DICTIONARY, LAIT_FILE, LAIT_MEASURES, laitYear, type PublishedRate } from '@/scripts/ingest/lait';
import { RawDir } from '@/scripts/ingest/raw';
import type { TidyRecord } from '@/scripts/ingest/write';

const RAW = path.resolve(process.env.RAW_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'data', 'raw'));
const haveRaw = existsSync(path.join(RAW, LAIT_FILE));

function makeCtx(raw: RawDir, areas: AreaIndex, reports: Map<string, string>): IngestContext {
  return { raw, areas, lastDataYear: 2025, useSource: (id) => id, report: (f, c) => void reports.set(f, c) };
}

/** What buildLait throws, or undefined. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe.skipIf(!haveRaw)('DfE LAIT ingest (needs the raw folder)', () => {
  let areas: AreaIndex;
  let rows: TidyRecord[];
  let measures: TidyRecord[];
  let rates: PublishedRate[];
  const reports = new Map<string, string>();

  beforeAll(() => {
    const raw = new RawDir(RAW);
    areas = buildAreas(raw, 2025);
    ({ rows, measures, publishedRates: rates } = buildLait(makeCtx(raw, areas, reports)));
  }, 120_000);

  const row = (measure: string, year: number, area: string) => rows.find((r) => r.measure === measure && r.year === year && r.area_code === area);

  it('writes rows that pass the lait-measures.csv schema, unique and sorted', () => {
    expect(rows.length).toBeGreaterThan(10_000);
    const text = toCsv(columnNames(laitTable), rows);
    expect(() => parseTable(laitTable, text)).not.toThrow();
    const keys = rows.map((r) => `${r.measure}|${r.area_code}|${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    const sorted = [...rows].sort((a, b) => (String(a.measure) < String(b.measure) ? -1 : String(a.measure) > String(b.measure) ? 1 : String(a.area_code) < String(b.area_code) ? -1 : String(a.area_code) > String(b.area_code) ? 1 : Number(a.year) - Number(b.year)));
    expect(rows).toEqual(sorted);
    expect(new Set(rows.map((r) => r.source_id))).toEqual(new Set(['dfe-lait-2026']));
  });

  it('data/lait-measures.csv is what the ingest builds now', () => {
    const file = path.join(__dirname, '..', '..', 'data', laitTable.file);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(toCsv(columnNames(laitTable), rows));
  });

  it('keeps values looked up in the raw CSV', () => {
    // CareApplications,Child Protection,2016,England,970,NA,11: a published rate, no count
    expect(row('care-applications', 2016, 'E92000001')).toMatchObject({ count: '', count_status: 'x', rate_per_10k: '11', rate_status: 'ok', rate_origin: 'published' });
    // Work_Force_Agecy_Rate,...,2019,Hackney,204,Inner London,28.1: a count, no rate
    expect(row('agency-social-workers', 2019, 'E09000012')).toMatchObject({ count: '28.1', count_status: 'ok', rate_per_10k: '', rate_status: 'z', rate_origin: '' });
    // Greenwich CareApplications 2025 is stored as 9.3000000000000007
    expect(row('care-applications', 2025, 'E09000011')?.rate_per_10k).toBe('9.3');
    // TotalLACFinance 2016-17 (OT), Kingston upon Thames: financial year 2016-17 is year 2017
    expect(row('spend-looked-after', 2017, 'E09000021')?.count).toBe('9523137');
    expect(row('spend-looked-after', 2016, 'E09000021')).toBeUndefined();
    // ChildPov 2025, England 19.8
    expect(row('child-poverty', 2025, 'E92000001')?.count).toBe('19.8');
  });

  it("turns '-' into status x, never 0", () => {
    // Wandsworth's 2024-25 S251 return was withheld: "-" in LAIT
    expect(row('spend-looked-after', 2025, 'E09000032')).toMatchObject({ count: '', count_status: 'x' });
    // Isles of Scilly has no Cafcass rate in any year
    expect(row('care-applications', 2020, 'E06000053')).toMatchObject({ rate_per_10k: '', rate_status: 'x' });
    for (const r of rows) {
      if (r.count_status !== 'ok') expect(r.count).toBe('');
      if (r.rate_status !== 'ok') expect(r.rate_per_10k).toBe('');
    }
  });

  it('has England, the 9 regions and 151-153 councils in every year, and no Inner/Outer London', () => {
    for (const m of LAIT_MEASURES) {
      const years = new Set(rows.filter((r) => r.measure === m.id).map((r) => Number(r.year)));
      expect(years.size).toBeGreaterThanOrEqual(4);
      for (const y of years) {
        const codes = rows.filter((r) => r.measure === m.id && r.year === y).map((r) => String(r.area_code));
        const levels = codes.map((c) => areas.get(c)?.level);
        expect(levels.filter((l) => l === 'country').length, `${m.id} ${y} England`).toBe(1);
        expect(levels.filter((l) => l === 'region').length, `${m.id} ${y} regions`).toBe(9);
        const las = levels.filter((l) => l === 'la').length;
        expect(las, `${m.id} ${y} LAs`).toBeGreaterThanOrEqual(151);
        expect(las, `${m.id} ${y} LAs`).toBeLessThanOrEqual(153);
        expect(levels.includes(undefined)).toBe(false);
      }
    }
    expect(rows.some((r) => String(r.area_code).startsWith('E13'))).toBe(false);
  });

  it('matches councils at the date the figure refers to', () => {
    // Workforce at 30 September 2021: North Northamptonshire existed (joint return with West Northamptonshire)
    expect(row('agency-social-workers', 2021, 'E06000061')?.count).toBe('26');
    expect(row('agency-social-workers', 2021, 'E06000062')?.count).toBe('26');
    expect(row('agency-social-workers', 2021, 'E10000021')).toBeUndefined();
    // Financial year 2020-21: Northamptonshire still existed on 31 March 2021
    expect(row('spend-looked-after', 2021, 'E10000021')?.count_status).toBe('ok');
    expect(row('spend-looked-after', 2021, 'E06000061')).toBeUndefined();
    // Cumbria after 2023 ("-" in LAIT) is dropped, not written as not available
    expect(rows.some((r) => r.area_code === 'E10000006' && Number(r.year) > 2023)).toBe(false);
    // Cafcass figures LAIT files under Dorset County Council after its abolition are left out
    expect(rows.some((r) => r.area_code === 'E10000009' && Number(r.year) > 2019)).toBe(false);
    expect(row('care-applications', 2020, 'E06000059')?.rate_status).toBe('x');
    const report = reports.get('lait.md') ?? '';
    expect(report).toContain('| CareApplications | Dorset (Pre LG) | 835 | 2025 | 8.1 |');
    expect(report).toMatch(/\| CareApplications \| 20 \| 47 \| 13 \|/);
  });

  it('builds one valid catalogue row per measure', () => {
    const parsed = parseTable(measuresTable, toCsv(columnNames(measuresTable), measures), 'catalogue');
    expect(parsed.map((m) => m.id).sort()).toEqual(LAIT_MEASURES.map((m) => m.id).sort());
    const ca = parsed.find((m) => m.id === 'care-applications')!;
    expect(ca).toMatchObject({ hasCount: false, hasRate: true, firstYear: 2016, lastYear: 2025, period: 'financial-year', polarity: 'neutral', core: false, file: 'lait-measures.csv' });
    const cp = parsed.find((m) => m.id === 'child-poverty')!;
    expect(cp).toMatchObject({ firstYear: 2022, lastYear: 2025, polarity: 'low-good', countUnit: '%' });
    expect(cp.caveats).toContain('DWP');
    const spend = parsed.find((m) => m.id === 'spend-looked-after')!;
    expect(spend).toMatchObject({ firstYear: 2017, lastYear: 2025, countUnit: '£', kind: 'flow' });
    expect(spend.caveats).toMatch(/Wandsworth and Middlesbrough/);
    expect(spend.caveats).toMatch(/not adjusted for inflation/);
    expect(parsed.find((m) => m.id === 'social-worker-caseload')).toMatchObject({ period: '30-september', kind: 'snapshot', polarity: 'low-good' });
  });

  it('returns the rates LAIT publishes for the core measures', () => {
    const rate = (m: string, y: number, a: string) => rates.find((r) => r.measure === m && r.year === y && r.areaCode === a);
    expect(rate('s47-enquiries', 2025, 'E92000001')).toEqual({ measure: 's47-enquiries', year: 2025, areaCode: 'E92000001', rate: 189.3, status: 'ok' });
    expect(rate('children-in-need', 2024, 'E92000001')?.rate).toBeCloseTo(331.2, 6);
    expect(rate('icpcs', 2025, 'E92000001')?.rate).toBeCloseTo(59.2, 6);
    expect(new Set(rates.map((r) => r.measure))).toEqual(new Set(['s47-enquiries', 'children-in-need', 'child-protection-plans', 'referrals', 'icpcs', 'looked-after', 'care-starts']));
    for (const r of rates) expect(r.status === 'ok' ? typeof r.rate === 'number' : r.rate === undefined).toBe(true);
    const keys = rates.map((r) => `${r.measure}|${r.year}|${r.areaCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  describe('fails loudly on unexpected input', () => {
    const HEADER = 'short_desc,topic,years,la_and_regions,la_number,region,value';
    const dirs: string[] = [];
    afterAll(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
    function rawWith(lines: string[]): RawDir {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'lait-test-'));
      dirs.push(dir);
      mkdirSync(path.join(dir, path.dirname(LAIT_FILE)), { recursive: true });
      writeFileSync(path.join(dir, LAIT_FILE), [HEADER, ...lines].join('\n') + '\n');
      copyFileSync(path.join(RAW, LAIT_DICTIONARY), path.join(dir, LAIT_DICTIONARY));
      return new RawDir(dir);
    }
    const run = (lines: string[]) => thrown(() => buildLait(makeCtx(rawWith(lines), areas, new Map())));

    it('a malformed years string names file, row, column and value', () => {
      const e = run(['CareApplications,Child Protection,2016,England,970,NA,11', 'CareApplications,Child Protection,2016/17,England,970,NA,11']);
      expect(e).toBeInstanceOf(CsvError);
      expect(e).toMatchObject({ file: LAIT_FILE, row: 3, column: 'years', value: '2016/17' });
    });

    it('a financial year in the wrong shape', () => {
      const csv = parseCsv(`${HEADER}\nTotalLACFinance,Children's Service Finance,2016-18 (OT),England,970,NA,1\nTotalLACFinance,Children's Service Finance,2016,England,970,NA,1\n`, LAIT_FILE);
      const fin = LAIT_MEASURES.find((m) => m.code === 'TotalLACFinance')!;
      expect(thrown(() => laitYear(fin, csv, csv.rows[0]!))).toMatchObject({ row: 2, column: 'years', value: '2016-18 (OT)' });
      expect(thrown(() => laitYear(fin, csv, csv.rows[1]!))).toMatchObject({ row: 3, column: 'years', value: '2016' });
    });

    it('a duplicated area and year', () => {
      const e = run(['CareApplications,Child Protection,2016,England,970,NA,11', 'CareApplications,Child Protection,2016,England,970,NA,12']);
      expect(e).toBeInstanceOf(CsvError);
      expect(e).toMatchObject({ row: 3 });
      expect(String((e as Error).message)).toMatch(/duplicate/);
    });

    it('a number for a council that did not exist', () => {
      const e = run(['CareApplications,Child Protection,2025,Cumbria,909,North West,12.1']);
      expect(e).toBeInstanceOf(CsvError);
      expect(e).toMatchObject({ row: 2, column: 'value', value: '12.1' });
    });

    it('an unknown value symbol', () => {
      const e = run(['CareApplications,Child Protection,2016,England,970,NA,n/a']);
      expect(e).toMatchObject({ row: 2, column: 'value', value: 'n/a' });
    });
  });
});
