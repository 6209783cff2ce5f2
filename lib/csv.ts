import Papa from 'papaparse';

/**
 * Strict CSV reading shared by the ingest (raw DfE/ONS files) and the build-time loader (tidy files).
 * Every problem is reported as a CsvError naming file, row, column and value, so a bad release or a
 * hand-edited tidy file is found at once rather than drawn as a wrong number.
 *
 * Row numbers are file line numbers as a spreadsheet shows them: the header is row 1, the first
 * data row is row 2.
 */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly row?: number,
    readonly column?: string,
    readonly value?: string,
  ) {
    const where = [
      row !== undefined ? `row ${row}` : undefined,
      column !== undefined ? `column "${column}"` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    const val = value !== undefined ? ` (value ${JSON.stringify(value)})` : '';
    super(`${file}${where ? `: ${where}` : ''}: ${problem}${val}`);
    this.name = 'CsvError';
  }
}

export interface CsvRow {
  /** Line number in the file (header = 1). */
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
  /** The fields in file order (for files whose header repeats a name; `values` holds the first of each). */
  readonly fields: readonly string[];
}

export interface ParsedCsv {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/**
 * Parse CSV text. Strips a UTF-8 byte-order mark, accepts LF or CRLF, honours quoted fields
 * (commas, quotes and newlines inside quotes). Fails on an empty file, an empty or duplicated
 * header name, and any row whose field count differs from the header's.
 */
export function parseCsv(text: string, file: string, opts: { dropEmptyTrailingColumns?: boolean; repeatableNames?: readonly string[] } = {}): ParsedCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new CsvError(file, 'file is empty (no header row)');

  // Always comma-separated: papaparse would otherwise guess the delimiter from the first lines.
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: ',' });
  const lines = result.data;
  // papaparse yields a final [''] for a trailing newline; drop trailing blank lines only.
  while (lines.length > 0 && isBlank(lines[lines.length - 1])) lines.pop();
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    throw new CsvError(file, `malformed quoting: ${quoteError.message}`, (quoteError.row ?? 0) + 1);
  }

  let header = (lines[0] ?? []).map((h) => h.trim());
  if (opts.dropEmptyTrailingColumns) {
    // Spreadsheet residue in some old DfE files: unnamed, entirely empty columns at the right.
    let keep = header.length;
    while (keep > 0 && header[keep - 1] === '' && lines.slice(1).every((l) => (l[keep - 1] ?? '').trim() === '')) keep--;
    if (keep < header.length) {
      header = header.slice(0, keep);
      for (let i = 0; i < lines.length; i++) lines[i] = (lines[i] ?? []).slice(0, keep);
    }
  }
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') throw new CsvError(file, `header has an empty column name at position ${i + 1}`, 1);
    if (seen.has(name) && !opts.repeatableNames?.includes(name)) throw new CsvError(file, 'header repeats a column name', 1, name);
    seen.add(name);
  });

  const rows: CsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const fields = lines[i] ?? [];
    const row = i + 1;
    if (isBlank(fields)) throw new CsvError(file, 'blank line inside the data', row);
    if (fields.length !== header.length) {
      throw new CsvError(
        file,
        `has ${fields.length} fields but the header has ${header.length}`,
        row,
        undefined,
        fields.join(','),
      );
    }
    const values: Record<string, string> = {};
    header.forEach((name, j) => {
      if (!(name in values)) values[name] = fields[j] ?? '';
    });
    rows.push({ row, values, fields });
  }
  return { file, header, rows };
}

function isBlank(fields: string[] | undefined): boolean {
  return !fields || fields.length === 0 || (fields.length === 1 && (fields[0] ?? '').trim() === '');
}

/** Fail unless the header is exactly `expected` (same names, same order). */
export function expectColumns(csv: ParsedCsv, expected: readonly string[]): void {
  const unknown = csv.header.filter((h) => !expected.includes(h));
  if (unknown.length > 0) {
    throw new CsvError(csv.file, `unexpected column (expected only: ${expected.join(', ')})`, 1, unknown[0]);
  }
  const missing = expected.filter((h) => !csv.header.includes(h));
  if (missing.length > 0) throw new CsvError(csv.file, 'required column is missing', 1, missing[0]);
  expected.forEach((name, i) => {
    if (csv.header[i] !== name) {
      throw new CsvError(csv.file, `columns are out of order: expected "${name}" at position ${i + 1}`, 1, csv.header[i]);
    }
  });
}

/** Serialise rows to CSV (LF line endings, minimal quoting) in the given column order. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number | undefined>[]): string {
  const out = [columns.map(quote).join(',')];
  for (const r of rows) out.push(columns.map((c) => quote(r[c] === undefined ? '' : String(r[c]))).join(','));
  return out.join('\n') + '\n';
}

function quote(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
