import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvError } from '@/lib/csv';
import { parseTable } from '@/lib/schema/table';
import { section47Table, sourcesTable } from '@/lib/schema/tables';
import { cell, checkHeader, RawDir, snapshotPath } from '@/scripts/ingest/raw';

/**
 * Bad input gets a clear error naming file, row, column and value — never a crash, never a wrong
 * number. Each case is a small CSV for the section 47 tidy table (the build-time loader), and the
 * expected error: the problem text and where it is.
 */
const HEADER = 'measure,year,area_code,count,count_status,rate_per_10k,rate_status,rate_origin,source_id,rate_source_id';
const GOOD = 's47-enquiries,2025,E92000001,230590,ok,189.3,ok,computed,dfe-cin-2025-c4,';
const GOOD2 = 's47-enquiries,2025,E09000012,1234,ok,,c,computed,dfe-cin-2025-c4,';

interface Case {
  name: string;
  text: string;
  /** Expected error fragments, or 'ok' with the parsed rows count. */
  expect: { problem: RegExp; row?: number; column?: string; value?: string } | { ok: number };
}

const lines = (...ls: string[]) => ls.join('\n') + '\n';
const swap = (row: string, col: number, v: string) => row.split(',').map((c, i) => (i === col ? v : c)).join(',');

const CASES: Case[] = [
  { name: 'valid file', text: lines(HEADER, GOOD, GOOD2), expect: { ok: 2 } },
  { name: 'byte-order mark before the header', text: '\uFEFF' + lines(HEADER, GOOD), expect: { ok: 1 } },
  { name: 'CRLF line endings', text: [HEADER, GOOD, GOOD2].join('\r\n') + '\r\n', expect: { ok: 2 } },
  { name: 'no trailing newline', text: [HEADER, GOOD].join('\n'), expect: { ok: 1 } },
  { name: 'empty file', text: '', expect: { problem: /file is empty/ } },
  { name: 'whitespace-only file', text: '\n  \n', expect: { problem: /file is empty/ } },
  { name: 'header only (no rows) is valid', text: lines(HEADER), expect: { ok: 0 } },
  { name: 'missing column', text: lines(HEADER.replace(',rate_origin', ''), GOOD.replace(',computed', '')), expect: { problem: /required column is missing/, row: 1, column: 'rate_origin' } },
  { name: 'extra column', text: lines(HEADER + ',notes', GOOD + ',hello'), expect: { problem: /unexpected column/, row: 1, column: 'notes' } },
  { name: 'columns out of order', text: lines('year,measure' + HEADER.slice('measure,year'.length), '2025,s47-enquiries' + GOOD.slice('s47-enquiries,2025'.length)), expect: { problem: /out of order/, column: 'year' } },
  { name: 'a computed rate said to come from another release', text: lines(HEADER, GOOD.replace(/,$/, ',dfe-cla-2022')), expect: { problem: /only a published rate can come from another release/, row: 2, column: 'rate_source_id', value: 'dfe-cla-2022' } },
  { name: 'repeated column name', text: lines(HEADER + ',count', GOOD + ',1'), expect: { problem: /repeats a column name/, column: 'count' } },
  { name: 'semicolon-separated file', text: lines(HEADER.replace(/,/g, ';'), GOOD.replace(/,/g, ';')), expect: { problem: /unexpected column/, row: 1 } },
  { name: 'row with too few fields', text: lines(HEADER, GOOD, 's47-enquiries,2024,E92000001'), expect: { problem: /has 3 fields but the header has 10/, row: 3 } },
  { name: 'row with too many fields', text: lines(HEADER, GOOD + ',extra'), expect: { problem: /has 11 fields/, row: 2 } },
  { name: 'blank line inside the data', text: lines(HEADER, GOOD, '', GOOD2), expect: { problem: /blank line inside the data/, row: 3 } },
  { name: 'number with a thousands separator', text: lines(HEADER, swap(GOOD, 3, '"230,590"')), expect: { problem: /plain number/, row: 2, column: 'count', value: '230,590' } },
  { name: 'text where a number belongs', text: lines(HEADER, swap(GOOD, 3, 'lots')), expect: { problem: /plain number/, row: 2, column: 'count', value: 'lots' } },
  { name: 'number in exponent notation', text: lines(HEADER, swap(GOOD, 5, '1.893e2')), expect: { problem: /plain number/, row: 2, column: 'rate_per_10k', value: '1.893e2' } },
  { name: 'unknown status code', text: lines(HEADER, swap(GOOD, 4, 'n/a')), expect: { problem: /must be one of ok, c, x, z, u, low/, row: 2, column: 'count_status', value: 'n/a' } },
  { name: 'suppressed status but a number given', text: lines(HEADER, swap(GOOD, 4, 'c')), expect: { problem: /count is given but count_status is c/, row: 2, column: 'count', value: '230590' } },
  { name: 'status ok but no number (a gap must say why)', text: lines(HEADER, swap(GOOD, 3, '')), expect: { problem: /count is empty but count_status is ok/, row: 2, column: 'count' } },
  { name: 'zero is a real value, not a code', text: lines(HEADER, swap(swap(GOOD, 3, '0'), 5, '0')), expect: { ok: 1 } },
  { name: 'rate without its origin', text: lines(HEADER, swap(GOOD, 7, '')), expect: { problem: /needs its origin/, row: 2, column: 'rate_origin' } },
  { name: 'unknown rate origin', text: lines(HEADER, swap(GOOD, 7, 'guessed')), expect: { problem: /published, computed or empty/, row: 2, column: 'rate_origin', value: 'guessed' } },
  { name: 'duplicate key (same measure, year, area)', text: lines(HEADER, GOOD, GOOD2, GOOD), expect: { problem: /duplicate key s47-enquiries\|2025\|E92000001 \(first seen at row 2\)/, row: 4 } },
  { name: 'two-digit year', text: lines(HEADER, swap(GOOD, 1, '25')), expect: { problem: /four-digit year/, row: 2, column: 'year', value: '25' } },
  { name: 'year out of range', text: lines(HEADER, swap(GOOD, 1, '1899')), expect: { problem: /year from 2009 to 2030/, row: 2, column: 'year', value: '1899' } },
  { name: 'reporting-year label instead of a year', text: lines(HEADER, swap(GOOD, 1, '2024-25')), expect: { problem: /four-digit year/, row: 2, column: 'year', value: '2024-25' } },
  { name: 'Welsh area code', text: lines(HEADER, swap(GOOD, 2, 'W06000001')), expect: { problem: /English GSS code/, row: 2, column: 'area_code', value: 'W06000001' } },
  { name: 'lower-tier district code', text: lines(HEADER, swap(GOOD, 2, 'E07000004')), expect: { problem: /English GSS code/, row: 2, column: 'area_code', value: 'E07000004' } },
  { name: 'measure id not a slug', text: lines(HEADER, swap(GOOD, 0, 'S47 Enquiries')), expect: { problem: /lower-case slug/, row: 2, column: 'measure', value: 'S47 Enquiries' } },
  { name: 'unterminated quote', text: lines(HEADER, GOOD, 's47-enquiries,2024,"E92000001,1,ok,1,ok,computed,x'), expect: { problem: /quot/ } },
];

function run(text: string) {
  return parseTable(section47Table, text, 'section-47.csv');
}

describe('malformed tidy CSVs give a clear error naming file, row, column and value', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(20);
  for (const c of CASES) {
    it(c.name, () => {
      if ('ok' in c.expect) {
        const rows = run(c.text);
        expect(rows).toHaveLength(c.expect.ok);
        if (c.expect.ok > 0) expect(rows[0]!.areaCode).toMatch(/^E/);
        return;
      }
      let err: unknown;
      try {
        run(c.text);
      } catch (e) {
        err = e;
      }
      expect(err, 'expected an error').toBeInstanceOf(CsvError);
      const e = err as CsvError;
      expect(e.file).toBe('section-47.csv');
      expect(e.message).toMatch(c.expect.problem);
      if (c.expect.row !== undefined) expect(e.row).toBe(c.expect.row);
      if (c.expect.column !== undefined) expect(e.column).toBe(c.expect.column);
      if (c.expect.value !== undefined) {
        expect(e.value).toBe(c.expect.value);
        expect(e.message).toContain(JSON.stringify(c.expect.value));
      }
      expect(e.message.startsWith('section-47.csv')).toBe(true);
    });
  }

  it('a quoted comma inside a text field is one field, not two', () => {
    const header = sourcesTable.columns.map((c) => c.name).join(',');
    const row = 'dfe-x,Department for Education,"Children in need, 2025",Children in need,2025,"Table C4, by LA",f.csv,https://example.org,OGL,2025,';
    const [s] = parseTable(sourcesTable, `${header}\n${row}\n`);
    expect(s!.title).toBe('Children in need, 2025');
    expect(s!.table).toBe('Table C4, by LA');
  });
});

describe('raw release files: unknown columns and symbols stop the ingest', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'raw-'));
  const rel = 'test-release/file.csv';
  mkdirSync(path.join(dir, 'test-release'), { recursive: true });
  mkdirSync(path.join(dir, 'headers'), { recursive: true });
  const raw = new RawDir(dir, path.join(dir, 'headers'));
  const snap = snapshotPath(rel, path.join(dir, 'headers'));

  it('a column not in the reviewed header is named', () => {
    writeFileSync(path.join(dir, rel), 'time_period,Section47,NewColumn\n2025,5,1\n');
    writeFileSync(snap, 'time_period\nSection47\n');
    expect(() => raw.csv(rel)).toThrow(/test-release\/file.csv: row 1, column "NewColumn": unknown column at position 3/);
    writeFileSync(path.join(dir, rel), 'time_period\n2025\n');
    expect(() => raw.csv(rel)).toThrow(/column "Section47": column from the reviewed header is missing/);
  });

  it('an unknown status symbol or malformed number in a release is named with its row and column', () => {
    const csv = { file: rel, header: ['time_period', 'Section47'], rows: [] };
    const row = (v: string) => ({ row: 7, values: { time_period: '2025', Section47: v }, fields: ['2025', v] });
    expect(() => cell(csv, row('n/a'), 'Section47', 'ees')).toThrow(/file.csv: row 7, column "Section47": not a number and not a known DfE status code \(value "n\/a"\)/);
    expect(() => cell(csv, row(''), 'Section47', 'ees')).toThrow(/empty cell/);
    expect(() => cell(csv, row('1,234'), 'Section47', 'ees')).toThrow(/thousands separator/);
    expect(cell(csv, row('"1,234"'.replace(/"/g, '')), 'Section47', 'old')).toEqual({ kind: 'value', value: 1234 });
    // the same symbol means different things in different eras of DfE files
    expect(cell(csv, row('x'), 'Section47', 'ees')).toEqual({ kind: 'missing', status: 'x' });
    expect(cell(csv, row('x'), 'Section47', 'old')).toEqual({ kind: 'missing', status: 'c' });
    expect(cell(csv, row('-'), 'Section47', 'lait')).toEqual({ kind: 'missing', status: 'x' });
  });

  it('checkHeader without a reviewed snapshot refuses the file', () => {
    expect(() => checkHeader({ file: 'nowhere/never.csv', header: ['a'], rows: [] }, path.join(dir, 'headers'))).toThrow(/no reviewed header snapshot/);
  });
});
