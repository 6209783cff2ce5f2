import { isDeepStrictEqual } from 'node:util';
import { expect } from '@playwright/test';
import { csvRecord, fieldSpecs, type FieldSpec } from '../../lib/api/fields';
import type { TidyTable } from '../../lib/schema/table';
import { readData } from './helpers';

/**
 * Checks that a JSON API row is its CSV row, typed: written here independently of the API's own
 * typing (the rule the /data/ page states), then confirmed through the table's zod schema.
 */

/** What the documented rule says a CSV cell becomes in JSON. */
export function documentedValue(f: FieldSpec, cell: string): unknown {
  if (f.type === 'list') return cell === '' ? [] : cell.split('|');
  if (cell === '') return null;
  if (f.type === 'integer' || f.type === 'number') return Number(cell);
  if (f.type === 'boolean') return cell === 'yes' ? true : cell === 'no' ? false : `neither yes nor no: ${cell}`;
  return cell;
}

export interface CsvTable {
  readonly table: TidyTable<unknown>;
  readonly fields: readonly FieldSpec[];
  readonly rows: readonly Record<string, string>[];
}

const cache = new Map<string, CsvTable>();
export function csvTable(table: TidyTable<unknown>): CsvTable {
  let t = cache.get(table.file);
  if (!t) cache.set(table.file, (t = { table, fields: fieldSpecs(table), rows: readData(table.file) }));
  return t;
}

/**
 * The JSON rows are the CSV rows, in order: every field present, of its documented type and value,
 * and the row schema reads them back to the same typed row as it reads the CSV. Problems are
 * collected and asserted once (an expect per cell would take minutes over 35,000 rows).
 */
export function rowProblems(where: string, t: CsvTable, json: readonly Record<string, unknown>[], csv: readonly Record<string, string>[]): string[] {
  if (json.length !== csv.length) return [`${where}: ${json.length} rows, the CSV has ${csv.length}`];
  const names = t.fields.map((f) => f.name).join(',');
  const problems: string[] = [];
  json.forEach((row, i) => {
    if (problems.length >= 5) return;
    const c = csv[i]!;
    if (Object.keys(row).join(',') !== names) return void problems.push(`${where} row ${i}: fields ${Object.keys(row).join(',')}`);
    for (const f of t.fields) {
      const want = documentedValue(f, c[f.name]!);
      if (!isDeepStrictEqual(row[f.name], want)) problems.push(`${where} row ${i} ${f.name}: ${JSON.stringify(row[f.name])}, CSV ${JSON.stringify(c[f.name])}`);
    }
    const back = t.table.row.safeParse(csvRecord(t.fields, row as never));
    if (!back.success) problems.push(`${where} row ${i}: the schema rejects it: ${back.error.issues[0]?.message}`);
    else if (!isDeepStrictEqual(back.data, t.table.row.parse(c))) problems.push(`${where} row ${i}: reads back differently from the CSV row`);
  });
  return problems;
}

export function expectRowsMatch(where: string, t: CsvTable, json: readonly Record<string, unknown>[], csv: readonly Record<string, string>[]) {
  expect(rowProblems(where, t, json, csv)).toEqual([]);
}
