/**
 * Record the reviewed header of raw CSV files: `npm run data:headers -- dfe-cin/ees-2025-release/b1_....csv ...`
 * Run it only after reading a new or changed file and its PROVENANCE.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseCsv } from '../../lib/csv';
import { HEADERS_DIR, RawDir, snapshotPath } from './raw';

const raw = new RawDir(process.env.RAW_DIR ?? '../shared/data/raw');
// `--repeat NAME` allows a column name that a file repeats (read by position, e.g. SNP in DfE's 2021 neighbour file).
const args = process.argv.slice(2);
const repeatableNames = args.flatMap((a, i) => (args[i - 1] === '--repeat' ? [a] : []));
const files = args.filter((a, i) => a !== '--repeat' && args[i - 1] !== '--repeat');
if (files.length === 0) {
  console.error('usage: npm run data:headers -- <raw-relative csv path> ...');
  process.exit(2);
}
mkdirSync(HEADERS_DIR, { recursive: true });
for (const f of files) {
  const csv = parseCsv(raw.text(f), f, { dropEmptyTrailingColumns: true, repeatableNames });
  writeFileSync(snapshotPath(f), csv.header.join('\n') + '\n');
  console.log(`${f}: ${csv.header.length} columns recorded`);
}
