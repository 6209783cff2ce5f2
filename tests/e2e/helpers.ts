import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

/** Read a committed tidy file the way a user's spreadsheet would: header row + string cells. */
export function readData(file: string): Record<string, string>[] {
  const text = readFileSync(path.join(process.cwd(), 'data', file), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter: ',' }).data;
}

export const enGB = (n: number) => new Intl.NumberFormat('en-GB').format(n);
