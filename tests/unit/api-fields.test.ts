import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { csvRecord, fieldSpecs, typedRecord, columnSchemas } from '@/lib/api/fields';
import { DOWNLOAD_TABLES } from '@/lib/data/catalog';
import { codeList, count, gssCode, optNum, status, text, year } from '@/lib/schema/fields';
import { areasTable, measuresTable, section47Table } from '@/lib/schema/tables';

/** The JSON API's and the Data Package's field types come from each column's own zod schema. */

const table = (row: z.ZodType<unknown, Record<string, string>>, names: string[]) => ({
  file: 't.csv',
  row,
  columns: names.map((name) => ({ name, description: name })),
});

describe('field types derived from the column schemas', () => {
  it('types the observation columns: numbers, whole years, status codes, optional text', () => {
    const f = Object.fromEntries(fieldSpecs(section47Table).map((s) => [s.name, s]));
    expect(f.year).toMatchObject({ type: 'integer', required: true });
    expect(f.count).toMatchObject({ type: 'number', required: false });
    expect(f.count_status).toMatchObject({ type: 'string', required: true, values: ['ok', 'c', 'x', 'z', 'u', 'low'] });
    expect(f.rate_origin).toMatchObject({ type: 'string', required: false, values: ['published', 'computed'] });
    expect(f.area_code).toMatchObject({ type: 'string', required: true });
  });

  it('types yes/no as boolean and "|"-lists as lists', () => {
    const m = Object.fromEntries(fieldSpecs(measuresTable).map((s) => [s.name, s]));
    expect(m.has_rate!.type).toBe('boolean');
    expect(m.sources).toMatchObject({ type: 'list', separator: '|', required: true });
    const a = Object.fromEntries(fieldSpecs(areasTable).map((s) => [s.name, s]));
    expect(a.predecessors).toMatchObject({ type: 'list', required: false });
    expect(a.la_number!.type).toBe('string'); // "001" keeps its zeros
  });

  it('finds integers whose schema only accepts a small range (deciles 1 to 10)', () => {
    const t = table(z.object({ d: count.refine((n) => n >= 1 && n <= 10) }), ['d']);
    expect(fieldSpecs(t)[0]).toMatchObject({ type: 'integer', required: true });
  });

  it('types every column of every downloadable table', () => {
    for (const t of DOWNLOAD_TABLES) expect(fieldSpecs(t).map((f) => f.name)).toEqual(t.columns.map((c) => c.name));
  });

  it('refuses a row schema that is not an object of columns', () => {
    expect(() => fieldSpecs(table(z.string() as never, ['x']))).toThrow(/t\.csv: the row schema is not an object/);
  });
});

describe('typed records', () => {
  const t = table(z.object({ year: year(2000, 2030), n: optNum, s: status, codes: codeList, note: text, code: gssCode }), ['year', 'n', 's', 'codes', 'note', 'code']);
  const fields = fieldSpecs(t);
  const schemas = columnSchemas(t);

  it('turns cells into numbers, lists and null, and back', () => {
    const cells = { year: '2025', n: '', s: 'c', codes: 'E06000001|E06000002', note: '', code: 'E92000001' };
    const rec = typedRecord('t.csv', fields, schemas, cells, 2);
    expect(rec).toEqual({ year: 2025, n: null, s: 'c', codes: ['E06000001', 'E06000002'], note: null, code: 'E92000001' });
    expect(csvRecord(fields, rec)).toEqual(cells);
    expect(typedRecord('t.csv', fields, schemas, { ...cells, codes: '' }).codes).toEqual([]);
  });

  it('names file, row, column and value when a cell does not fit', () => {
    const cells = { year: '2025', n: '12,5', s: 'ok', codes: '', note: '', code: 'E92000001' };
    expect(() => typedRecord('t.csv', fields, schemas, cells, 7)).toThrow('t.csv: row 7, column "n" (value "12,5"): rejected by the column\'s schema');
    expect(() => typedRecord('t.csv', fields, schemas, { ...cells, n: '1', year: '' }, 8)).toThrow('t.csv: row 8, column "year" (value ""): empty but required');
  });
});
