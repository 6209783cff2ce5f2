import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CsvError, parseCsv, type CsvRow, type ParsedCsv } from '../../lib/csv';
import type { Cell, MissingStatus } from '../../lib/status';

/**
 * Reading raw release files. Each raw CSV the ingest touches has a reviewed header snapshot in
 * scripts/ingest/headers/ (one column name per line). A new, renamed or missing column in a future
 * release stops the ingest with the column named, instead of silently shifting a figure.
 * After reviewing a changed file, refresh its snapshot with `npm run data:headers -- <raw path>`.
 */
export const HEADERS_DIR = path.join(__dirname, 'headers');

export function snapshotPath(relPath: string, headersDir = HEADERS_DIR): string {
  return path.join(headersDir, relPath.replace(/[\\/]/g, '__') + '.txt');
}

export class RawDir {
  constructor(
    readonly root: string,
    readonly headersDir = HEADERS_DIR,
  ) {}

  abs(relPath: string): string {
    return path.join(this.root, relPath);
  }

  exists(relPath: string): boolean {
    return existsSync(this.abs(relPath));
  }

  /** Text of a raw file (every raw CSV here is UTF-8, some with a byte-order mark; old DfE metadata files are Windows-1252, read as latin1). */
  text(relPath: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
    const p = this.abs(relPath);
    if (!existsSync(p)) throw new CsvError(relPath, `raw file not found under ${this.root}`);
    return readFileSync(p, encoding);
  }

  /** Parse a raw CSV and check its header against the reviewed snapshot. */
  csv(relPath: string, opts: { repeatableNames?: readonly string[] } = {}): ParsedCsv {
    const csv = parseCsv(this.text(relPath), relPath, { dropEmptyTrailingColumns: true, ...opts });
    checkHeader(csv, this.headersDir);
    return csv;
  }
}

export function checkHeader(csv: ParsedCsv, headersDir = HEADERS_DIR): void {
  const snap = snapshotPath(csv.file, headersDir);
  if (!existsSync(snap)) {
    throw new CsvError(csv.file, `no reviewed header snapshot (${path.relative(process.cwd(), snap)}); review the file, then run npm run data:headers -- ${csv.file}`);
  }
  const expected = readFileSync(snap, 'utf8').split('\n').filter((l) => l !== '');
  csv.header.forEach((name, i) => {
    if (!expected.includes(name)) throw new CsvError(csv.file, `unknown column at position ${i + 1} (not in the reviewed header)`, 1, name);
  });
  for (const name of expected) {
    if (!csv.header.includes(name)) throw new CsvError(csv.file, 'column from the reviewed header is missing', 1, name);
  }
  // a name the file repeats (read by position) must repeat as often as in the reviewed header
  for (const name of new Set(expected)) {
    const want = expected.filter((n) => n === name).length;
    const got = csv.header.filter((n) => n === name).length;
    if (want !== got) throw new CsvError(csv.file, `column appears ${got} times, ${want} in the reviewed header`, 1, name);
  }
}

/**
 * How a release writes numbers and missing values.
 * - `ees`: Explore Education Statistics files (2013+): c, x, z, u, low; `:` and `..` (not available in some files) → x.
 * - `old`: pre-EES DfE underlying-data files (CIN 2010-2012, CLA 2010-2019): `x` meant a suppressed
 *   small number (→ c), `..` no data (→ x), `.` zero denominator (→ z), `-` rounds to zero (→ low),
 *   `c` (2019 files) suppressed; thousands separators appear inside quotes ("603,700").
 * - `lait`: DfE LAIT extract: `-` no data (→ x); other EES codes as in `ees`.
 */
export type Dialect = 'ees' | 'old' | 'lait';

const DIALECT_CODES: Record<Dialect, Record<string, MissingStatus>> = {
  ees: { c: 'c', x: 'x', z: 'z', u: 'u', low: 'low', ':': 'x', '..': 'x' },
  old: { x: 'c', c: 'c', '..': 'x', '.': 'z', '-': 'low' },
  lait: { '-': 'x', c: 'c', x: 'x', z: 'z', u: 'u', low: 'low' },
};

const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Read one numeric cell; unknown symbols and malformed numbers stop the ingest. */
export function cell(csv: ParsedCsv, r: CsvRow, column: string, dialect: Dialect): Cell {
  const raw = r.values[column];
  if (raw === undefined) throw new CsvError(csv.file, 'column is missing', r.row, column);
  const v = raw.trim();
  const code = DIALECT_CODES[dialect][v];
  if (code) return { kind: 'missing', status: code };
  if (!NUMBER.test(v)) {
    throw new CsvError(csv.file, v === '' ? 'empty cell where a number or a DfE status code is required' : 'not a number and not a known DfE status code', r.row, column, raw);
  }
  if (v.includes(',') && dialect !== 'old') throw new CsvError(csv.file, 'thousands separator not expected in this release', r.row, column, raw);
  return { kind: 'value', value: Number(v.replace(/,/g, '')) };
}

/** A required text cell. */
export function text(csv: ParsedCsv, r: CsvRow, column: string): string {
  const raw = r.values[column];
  if (raw === undefined) throw new CsvError(csv.file, 'column is missing', r.row, column);
  return raw.trim();
}

/** Parse a whole-number year cell and check it lies in a range. */
export function yearCell(csv: ParsedCsv, r: CsvRow, column: string, min: number, max: number): number {
  const raw = text(csv, r, column);
  const y = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(y) || y < min || y > max) throw new CsvError(csv.file, `year must be a four-digit year from ${min} to ${max}`, r.row, column, raw);
  return y;
}
