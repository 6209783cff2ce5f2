import { CsvError, type CsvRow, type ParsedCsv } from '../../lib/csv';
import { ENGLAND, type AreaIdentity } from './areas';
import type { IngestContext } from './context';
import { text } from './raw';

/**
 * The area of one row of an Explore Education Statistics file, checked: the geographic level is
 * known, the country is England, a council's code is in DfE's lookup, existed that year and carries
 * the DfE number DfE gives it. Inner and Outer London rows (E13) are sub-regional splits that this
 * project does not show: they return 'skip' and are counted by the caller's report.
 */
export function eesArea(ctx: IngestContext, csv: ParsedCsv, r: CsvRow, year: number): AreaIdentity | 'skip' {
  const level = text(csv, r, 'geographic_level');
  const country = text(csv, r, 'country_code');
  if (country !== ENGLAND) throw new CsvError(csv.file, 'country is not England', r.row, 'country_code', country);
  if (level === 'National') return ctx.areas.get(ENGLAND)!;
  if (level === 'Regional') {
    const code = text(csv, r, 'region_code');
    if (code.startsWith('E13')) return 'skip';
    const region = ctx.areas.region(code);
    if (!region) throw new CsvError(csv.file, 'unknown region code', r.row, 'region_code', code);
    return region;
  }
  if (level === 'Local authority') {
    const code = text(csv, r, 'new_la_code');
    const area = ctx.areas.resolve(code, year, csv.file, r.row, 'new_la_code');
    const num = text(csv, r, 'old_la_code');
    if (num !== area.laNumber) throw new CsvError(csv.file, `DfE LA number does not match ${area.name} (${area.laNumber})`, r.row, 'old_la_code', num);
    return area;
  }
  throw new CsvError(csv.file, 'unknown geographic level', r.row, 'geographic_level', level);
}

/** Fail unless every row of a file has the expected value in a fixed column (e.g. one `category`). */
export function expectConstant(csv: ParsedCsv, column: string, expected: readonly string[]): void {
  for (const r of csv.rows) {
    const v = text(csv, r, column);
    if (!expected.includes(v)) throw new CsvError(csv.file, `unexpected value (expected ${expected.map((e) => JSON.stringify(e)).join(' or ')})`, r.row, column, v);
  }
}
