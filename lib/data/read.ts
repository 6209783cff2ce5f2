import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { CsvError } from '../csv';
import { parseTable, type TidyTable } from '../schema/table';

/**
 * Reading the files of data/ strictly (build time only): a missing file, text that is not UTF-8,
 * a table with a header and no rows, or JSON that does not parse or does not match its schema is
 * an error naming the file (and the row, column and value where there is one).
 */

/** The bytes of a data file as UTF-8 text; a byte sequence that is not UTF-8 (a Latin-1 "é") is an error naming its row. */
export function readUtf8(dir: string, file: string): string {
  const p = path.join(dir, file);
  if (!existsSync(p)) throw new CsvError(file, `file not found in ${dir}`);
  const bytes = readFileSync(p);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, at);
    const row = before.filter((b) => b === 0x0a).length + 1;
    const line = before.subarray(before.lastIndexOf(0x0a) + 1).toString('latin1');
    throw new CsvError(file, `is not UTF-8: byte 0x${bytes[at]!.toString(16)} at offset ${at} (save the file as UTF-8, or re-run npm run data)`, row, undefined, `${line}${String.fromCharCode(bytes[at]!)}`);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length - 1;
}

/** A tidy table of data/, parsed and validated; a table with a header and no rows is refused. */
export function readTable<T>(dir: string, table: TidyTable<T>): T[] {
  const rows = parseTable(table, readUtf8(dir, table.file));
  if (rows.length === 0) throw new CsvError(table.file, 'has a header but no rows (the file was cut short or emptied)');
  return rows;
}

/** A JSON file of data/, parsed and checked against its schema. */
export function readJson<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  const text = readUtf8(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CsvError(file, `is not valid JSON (${e instanceof Error ? e.message : String(e)}); the file may be cut short: re-run npm run data`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CsvError(file, `does not match its schema at ${issue.path.length ? issue.path.join('.') : 'the top level'}: ${issue.message}`);
  }
  return parsed.data;
}
