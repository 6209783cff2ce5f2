import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvError, toCsv } from '@/lib/csv';
import { cwipTable, deprivationDecilesTable, type CwipRow, type DecileRow } from '@/lib/schema/deprivation';
import { columnNames, parseTable } from '@/lib/schema/table';
import { buildAreas, type AreaIndex } from '@/scripts/ingest/areas';
import type { IngestContext } from '@/scripts/ingest/context';
import { buildCwip, parseRatio } from '@/scripts/ingest/cwip';
import { buildDeprivation, type DeprivationSummary } from '@/scripts/ingest/deprivation';
import { RawDir } from '@/scripts/ingest/raw';
import type { TidyRecord } from '@/scripts/ingest/write';

const ROOT = path.join(__dirname, '..', '..');
const RAW = path.resolve(process.env.RAW_DIR ?? path.join(ROOT, '..', 'shared', 'data', 'raw'));
const haveRaw = existsSync(path.join(RAW, 'imd2019', 'csv', 'utla_imd.csv'));

const readData = (file: string) => readFileSync(path.join(ROOT, 'data', file), 'utf8');

function makeCtx(raw: RawDir, areas: AreaIndex, reports = new Map<string, string>()): IngestContext {
  return { raw, areas, lastDataYear: 2025, useSource: (id) => id, report: (f, c) => void reports.set(f, c) };
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The committed tidy files (no raw folder needed).

describe('data/deprivation-deciles.csv', () => {
  const rows: DecileRow[] = parseTable(deprivationDecilesTable, readData(deprivationDecilesTable.file));
  const areaRows = (code: string, index: string) => rows.filter((r) => r.areaCode === code && r.index === index).sort((a, b) => a.decile - b.decile);
  const children = (codes: string[], index: string) =>
    Array.from({ length: 10 }, (_, i) => codes.reduce((s, c) => s + (areaRows(c, index)[i]?.children ?? NaN), 0));

  it('has deciles 1..10 for both indices for every area, with shares adding up to 1', () => {
    const areas = new Set(rows.map((r) => r.areaCode));
    expect(areas.size).toBeGreaterThanOrEqual(1 + 9 + 151);
    for (const code of areas) {
      for (const index of ['imd-2019', 'idaci-2019']) {
        const rs = areaRows(code, index);
        expect(rs.map((r) => r.decile), `${code} ${index}`).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        const sum = rs.reduce((s, r) => s + r.shareOfChildren, 0);
        expect(Math.abs(sum - 1), `${code} ${index} shares sum to ${sum}`).toBeLessThanOrEqual(1e-9);
      }
    }
  });

  it("England's children aged 0-15 total 10,405,050 (File 6, mid-2015), and England = the sum of the regions", () => {
    for (const index of ['imd-2019', 'idaci-2019']) {
      expect(children(['E92000001'], index).reduce((a, b) => a + b, 0)).toBe(10_405_050);
      const regions = [...new Set(rows.filter((r) => r.areaCode.startsWith('E12')).map((r) => r.areaCode))];
      expect(regions.length).toBe(9);
      expect(children(regions, index)).toEqual(children(['E92000001'], index));
    }
  });

  it('national deciles hold about a tenth of the LSOAs each', () => {
    for (const r of areaRows('E92000001', 'imd-2019')) expect([3284, 3285]).toContain(r.lsoas);
  });

  it('successor councils add up to the councils they replaced, decile by decile', () => {
    for (const index of ['imd-2019', 'idaci-2019']) {
      // Northamptonshire → North + West Northamptonshire (2021)
      expect(children(['E06000061', 'E06000062'], index)).toEqual(children(['E10000021'], index));
      // Cumbria → Cumberland + Westmorland and Furness (2023)
      expect(children(['E06000063', 'E06000064'], index)).toEqual(children(['E10000006'], index));
      // Bournemouth + Poole + Dorset county → BCP + Dorset (2019)
      expect(children(['E06000058', 'E06000059'], index)).toEqual(children(['E06000028', 'E06000029', 'E10000009'], index));
      // Same area, new code
      expect(children(['E06000060'], index)).toEqual(children(['E10000002'], index));
      expect(children(['E06000065'], index)).toEqual(children(['E10000023'], index));
    }
    // and the parts are real parts, not copies
    expect(children(['E06000061'], 'imd-2019')).not.toEqual(children(['E10000021'], 'imd-2019'));
  });

  it('rejects bad rows with clear messages', () => {
    const head = columnNames(deprivationDecilesTable).join(',');
    const bad = (line: string) => thrown(() => parseTable(deprivationDecilesTable, `${head}\n${line}\n`));
    expect(String(bad('imd-2019,E06000009,11,1,1,0.5,mhclg-iod2019'))).toMatch(/column "decile".*decile from 1/);
    expect(String(bad('imd-2019,E06000009,0,1,1,0.5,mhclg-iod2019'))).toMatch(/decile from 1/);
    expect(String(bad('imd-2019,E06000009,1,1,1,1.2,mhclg-iod2019'))).toMatch(/column "share_of_children".*share from 0 to 1/);
    expect(String(bad('imd-2019,E06000009,1,1,-5,0.5,mhclg-iod2019'))).toMatch(/column "children_0_15".*whole number/);
    expect(String(bad('imd-2015,E06000009,1,1,1,0.5,mhclg-iod2019'))).toMatch(/column "index"/);
    expect(String(bad('imd-2019,W06000001,1,1,1,0.5,mhclg-iod2019'))).toMatch(/column "area_code"/);
    expect(String(bad('imd-2019,E06000009,1,0,7,0.5,mhclg-iod2019'))).toMatch(/no LSOA/);
    expect(bad('imd-2019,E06000009,1,1,7,0.5,mhclg-iod2019')).toBeUndefined();
    expect(String(thrown(() => parseTable(deprivationDecilesTable, `${head}\nimd-2019,E06000009,1,1,7,0.5,x\nimd-2019,E06000009,1,1,7,0.5,x\n`)))).toMatch(/duplicate key/);
  });
});

describe('data/cwip.csv', () => {
  const rows: CwipRow[] = parseTable(cwipTable, readData(cwipTable.file));
  const rate = (country: string, measure: RegExp, decile: number) => rows.filter((r) => r.sourceId === 'cwip-final-report' && r.country === country && measure.test(r.measure) && r.decile === decile);

  it('keeps the England rates per 10,000 by decile (1 = most deprived) as documented in PROVENANCE', () => {
    expect(rate('England', /^CLA/, 1).map((r) => r.ratePer10k)).toEqual([133]);
    expect(rate('England', /^CLA/, 10).map((r) => r.ratePer10k)).toEqual([12]);
    expect(rate('England', /^CPP/, 1).map((r) => r.ratePer10k)).toEqual([113]);
    expect(rate('England', /^CPP/, 10).map((r) => r.ratePer10k)).toEqual([9]);
    expect(rows.filter((r) => r.sourceId === 'cwip-final-report').length).toBe(40);
  });

  it('never gives a ratio row a rate, nor a rate row a ratio', () => {
    const ratios = rows.filter((r) => r.kind === 'ratio');
    expect(ratios.length).toBeGreaterThan(15);
    for (const r of ratios) {
      expect(r.ratePer10k, `ratio row ${r.rowRef}`).toBeUndefined();
      expect(r.ratio).toBeGreaterThan(0);
      expect(r.ratioQualifier).toBeDefined();
      expect(r.decile).toBeUndefined();
    }
    for (const r of rows.filter((x) => x.kind === 'rate')) expect(r.ratio, `rate row ${r.rowRef}`).toBeUndefined();
  });

  it('keeps ">10" as a ratio of 10 qualified "more than", with its quote, source, url and certainty', () => {
    const r3 = rows.find((r) => r.sourceId === 'cwip-published-ratios' && r.rowRef === 3)!;
    expect(r3).toMatchObject({ kind: 'ratio', ratio: 10, ratioQualifier: 'more than', ratioAsStated: '>10', ratePer10k: undefined });
    expect(r3.valueAsStated).toContain('over ten times more likely');
    expect(r3.url).toMatch(/^https:\/\/www\.basw\.co\.uk\//);
    expect(r3.certainty).toContain('lower bound');
    // every raw row of the compilation is kept (24 ids)
    expect(new Set(rows.filter((r) => r.sourceId === 'cwip-published-ratios').map((r) => r.rowRef)).size).toBe(24);
    for (const r of rows) {
      expect(r.source).not.toBe('');
      expect(r.url).toMatch(/^https?:\/\//);
    }
  });

  it('rejects a ratio row that carries a rate', () => {
    const head = columnNames(cwipTable);
    const base = Object.fromEntries(head.map((c) => [c, ''])) as Record<string, string>;
    const good = { ...base, source_id: 'cwip-published-ratios', row_ref: '3', part: '1', kind: 'ratio', country: 'England', measure: 'CLA', neighbourhoods: 'most vs least', ratio: '10', ratio_qualifier: 'more than', ratio_as_stated: '>10', source: 'x', certainty: 'as stated' };
    const parse = (r: Record<string, string>) => thrown(() => parseTable(cwipTable, toCsv(head, [r])));
    expect(parse(good)).toBeUndefined();
    expect(String(parse({ ...good, rate_per_10k: '166.7' }))).toMatch(/column "rate_per_10k".*never be given a rate/);
    expect(String(parse({ ...good, ratio: '' }))).toMatch(/needs ratio/);
    expect(String(parse({ ...good, ratio_qualifier: 'roughly' }))).toMatch(/column "ratio_qualifier"/);
    expect(String(parse({ ...good, kind: 'rate', ratio: '', ratio_qualifier: '', ratio_as_stated: '', rate_per_10k: '133', rate_basis: 'as stated', decile: '11' }))).toMatch(/column "decile"/);
    expect(String(parse({ ...good, kind: 'rate', rate_per_10k: '133', rate_basis: 'as stated' }))).toMatch(/must not carry a ratio/);
  });
});

describe('parseRatio', () => {
  it('reads every form in the compilation and refuses others', () => {
    expect(parseRatio('>10', 'f', 2)).toEqual([{ ratio: 10, qualifier: 'more than', label: '' }]);
    expect(parseRatio('12', 'f', 2)).toEqual([{ ratio: 12, qualifier: 'as stated', label: '' }]);
    expect(parseRatio('almost 12', 'f', 2)).toEqual([{ ratio: 12, qualifier: 'almost', label: '' }]);
    expect(parseRatio('around 20', 'f', 2)).toEqual([{ ratio: 20, qualifier: 'about', label: '' }]);
    expect(parseRatio('~1.33 per step', 'f', 2)).toEqual([{ ratio: 1.33, qualifier: 'about', label: 'per decile step' }]);
    expect(parseRatio('1.75 (or 1.8)', 'f', 2)).toEqual([
      { ratio: 1.75, qualifier: 'as stated', label: '' },
      { ratio: 1.8, qualifier: 'as stated', label: 'alternative figure' },
    ]);
    expect(parseRatio('England and Wales >2; Scotland ~3', 'f', 2)).toEqual([
      { ratio: 2, qualifier: 'more than', label: 'England and Wales' },
      { ratio: 3, qualifier: 'about', label: 'Scotland' },
    ]);
    expect(parseRatio('White:Asian = 5; White:Black = 1.75', 'f', 2)).toEqual([
      { ratio: 5, qualifier: 'as stated', label: 'White:Asian' },
      { ratio: 1.75, qualifier: 'as stated', label: 'White:Black' },
    ]);
    for (const bad of ['ten', '1 in 60', '>', '', '12x', '0']) expect(thrown(() => parseRatio(bad, 'f', 2)), bad).toBeInstanceOf(CsvError);
  });
});

// ---------------------------------------------------------------------------------------------
// The ingest itself (needs the raw folder).

const NEEDED = [
  'la-lookups/dfe_las.csv',
  'la-lookups/dfe_regions.csv',
  'boundaries/changes.csv',
  'boundaries/ltla14-lookup.csv',
  'imd2019/csv/lsoa_imd.csv',
  'imd2019/csv/lsoa_idaci_idaopi.csv',
  'imd2019/csv/lsoa_population_2015.csv',
  'imd2019/csv/utla_imd.csv',
  'imd2019/csv/utla_idaci.csv',
];

describe.skipIf(!haveRaw)('deprivation ingest (needs the raw folder)', () => {
  let areas: AreaIndex;
  let summaries: Map<string, DeprivationSummary>;
  let deciles: TidyRecord[];
  let cwip: TidyRecord[];
  const reports = new Map<string, string>();
  const tmpDirs: string[] = [];

  beforeAll(() => {
    const raw = new RawDir(RAW);
    areas = buildAreas(raw, 2025);
    ({ summaries, deciles } = buildDeprivation(makeCtx(raw, areas, reports)));
    cwip = buildCwip(makeCtx(raw, areas));
  }, 120_000);
  afterAll(() => {
    for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
  });

  /** Build from a copy of the raw files with one file edited. */
  function buildWith(edits: [relPath: string, edit: (text: string) => string][]): unknown {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dep-raw-'));
    tmpDirs.push(dir);
    for (const f of NEEDED) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      copyFileSync(path.join(RAW, f), path.join(dir, f));
    }
    for (const [relPath, edit] of edits) {
      const p = path.join(dir, relPath);
      const before = readFileSync(p, 'utf8');
      const after = edit(before);
      expect(after, relPath).not.toBe(before);
      writeFileSync(p, after);
    }
    const raw = new RawDir(dir);
    return thrown(() => buildDeprivation(makeCtx(raw, buildAreas(raw, 2025))));
  }

  it('gives File 11 figures as published (values looked up in imd2019/csv/utla_imd.csv and utla_idaci.csv)', () => {
    // utla_imd.csv row 10: E06000009,Blackpool,26765.29,1,45.039,1,0.4149,6,...; utla_idaci.csv: ...,0.307,2,0.3404,8
    expect(summaries.get('E06000009')).toMatchObject({ basis: 'published', imdAvgScore: 45.039, imdAvgScoreRank: 1, imdShareMostDeprived10: 0.4149, idaciAvgScore: 0.307, idaciAvgScoreRank: 2 });
    // utla_imd.csv row 40: E06000041,Wokingham,3651.54,151,5.846,151,0,...; utla_idaci.csv: ...,0.056,150,0,137
    expect(summaries.get('E06000041')).toMatchObject({ basis: 'published', imdAvgScore: 5.846, imdAvgScoreRank: 151, imdShareMostDeprived10: 0, idaciAvgScore: 0.056, idaciAvgScoreRank: 150 });
    // utla_idaci.csv row 3: E06000002,Middlesbrough,25026,7,0.327,1,0.4767,1
    expect(summaries.get('E06000002')).toMatchObject({ imdAvgScore: 40.46, imdAvgScoreRank: 5, imdShareMostDeprived10: 0.4884, idaciAvgScore: 0.327, idaciAvgScoreRank: 1 });
  });

  it('has a summary for every area, with the expected basis', () => {
    expect(summaries.size).toBe(areas.all.length);
    const basis = (code: string) => summaries.get(code)?.basis;
    expect(areas.all.filter((a) => basis(a.code) === 'published').length).toBe(151);
    for (const c of ['E06000060', 'E06000065', 'E06000066', 'E08000038', 'E08000039'].filter((c) => areas.get(c))) expect(basis(c), c).toBe('carried-over');
    for (const c of ['E06000028', 'E06000029', 'E10000009', 'E06000061', 'E06000062', 'E06000063', 'E06000064']) expect(basis(c), c).toBe('derived');
    expect(basis('E92000001')).toBe('not-applicable');
    expect(basis('E12000001')).toBe('not-applicable');
    for (const s of summaries.values()) expect(s.note).not.toBe('');
  });

  it('carries over the same area under a new code, and derives only the LSOA share for split or abolished councils', () => {
    // utla_imd.csv row 127: E10000002,Buckinghamshire,8023.36,145,10.052,146,0,...
    expect(summaries.get('E06000060')).toMatchObject({ imdAvgScore: 10.052, imdAvgScoreRank: 146, imdShareMostDeprived10: 0 });
    const nn = summaries.get('E06000061')!;
    expect(nn.imdAvgScore).toBeUndefined();
    expect(nn.imdAvgScoreRank).toBeUndefined();
    expect(nn.idaciAvgScore).toBeUndefined();
    expect(nn.note).toMatch(/File 5/);
    expect(nn.imdShareMostDeprived10).toBeGreaterThanOrEqual(0);
    // North + West Northamptonshire LSOA counts weighted back give Northamptonshire's published 0.0569
    const lsoas = (code: string) => deciles.filter((r) => r.area_code === code && r.index === 'imd-2019').reduce((s, r) => s + Number(r.lsoas), 0);
    const d1 = (code: string) => Number(deciles.find((r) => r.area_code === code && r.index === 'imd-2019' && r.decile === 1)!.lsoas);
    expect((d1('E06000061') + d1('E06000062')) / (lsoas('E06000061') + lsoas('E06000062'))).toBeCloseTo(0.0569, 4);
    expect(nn.imdShareMostDeprived10).toBeCloseTo(d1('E06000061') / lsoas('E06000061'), 4);
  });

  it('rebuilds the files committed in data/ exactly', () => {
    expect(readData(deprivationDecilesTable.file)).toBe(toCsv(columnNames(deprivationDecilesTable), deciles));
    expect(readData(cwipTable.file)).toBe(toCsv(columnNames(cwipTable), cwip));
    expect(reports.get('deprivation.md')).toContain('each LSOA lies in exactly one council');
  });

  it('stops when File 11 and the LSOA files disagree (the mapping check can fail)', () => {
    const e = buildWith([['imd2019/csv/utla_imd.csv', (t) => t.replace('E06000009,Blackpool,26765.29,1,45.039,1,0.4149,', 'E06000009,Blackpool,26765.29,1,45.039,1,0.4249,')]]);
    expect(e).toBeInstanceOf(CsvError);
    expect(String(e)).toMatch(/does not match File 11 for Blackpool/);
  }, 60_000);

  it('stops when an LSOA of a 2019 merged council cannot be placed in a pre-2019 council', () => {
    const rename = (t: string) => t.replace(',Poole 001A,', ',Pool 001A,');
    const e = buildWith([
      ['imd2019/csv/lsoa_imd.csv', rename],
      ['imd2019/csv/lsoa_idaci_idaopi.csv', rename],
      ['imd2019/csv/lsoa_population_2015.csv', rename],
    ]);
    expect(String(e)).toMatch(/must begin with exactly one of the districts/);
  }, 60_000);

  it("stops when England's children do not add up to File 6's total", () => {
    const e = buildWith([['imd2019/csv/lsoa_population_2015.csv', (t) => t.replace(/^(E01000001,City of London 001A,E09000001,City of London,1296,)175,/m, '$1176,')]]);
    expect(String(e)).toMatch(/10405051, not 10405050/);
  }, 60_000);
});
