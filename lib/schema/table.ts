import type { z } from 'zod';
import { CsvError, expectColumns, parseCsv } from '../csv';

/**
 * A tidy file under data/: its columns (in order, with meanings for the data dictionary), the zod
 * schema a row must satisfy, and its key. One descriptor drives the ingest's writer, the build-time
 * loader and the /data/ page, so the three cannot drift apart.
 */
export interface TidyTable<T> {
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly columns: readonly { readonly name: string; readonly description: string }[];
  readonly row: z.ZodType<T, Record<string, string>>;
  /** Unique key of a row; duplicates are an error. */
  readonly key: (row: T) => string;
  readonly licence: string;
}

export function columnNames(table: { readonly columns: readonly { readonly name: string }[] }): string[] {
  return table.columns.map((c) => c.name);
}

/** Parse and validate a tidy file's text. Throws CsvError naming file, row, column and value. */
export function parseTable<T>(table: TidyTable<T>, textContent: string, file = table.file): T[] {
  const csv = parseCsv(textContent, file);
  expectColumns(csv, columnNames(table));
  const seen = new Map<string, number>();
  return csv.rows.map((r) => {
    const parsed = table.row.safeParse(r.values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const column = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      throw new CsvError(file, issue.message, r.row, column, column !== undefined ? r.values[column] : undefined);
    }
    const key = table.key(parsed.data);
    const first = seen.get(key);
    if (first !== undefined) throw new CsvError(file, `duplicate key ${key} (first seen at row ${first})`, r.row);
    seen.set(key, r.row);
    return parsed.data;
  });
}
