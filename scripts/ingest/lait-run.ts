/**
 * Dev runner for the LAIT ingest alone: `npx tsx scripts/ingest/lait-run.ts`.
 * Writes data/lait-measures.csv (validated against laitTable), and the catalogue rows and the
 * report to a scratch folder (default /tmp/lait-run) for merging into data/measures.csv by hand.
 */
import path from 'node:path';
import { toCsv } from '../../lib/csv';
import { columnNames, parseTable } from '../../lib/schema/table';
import { laitTable, measuresTable } from '../../lib/schema/tables';
import { buildAreas } from './areas';
import type { IngestContext } from './context';
import { buildLait } from './lait';
import { RawDir } from './raw';
import { sourceDef } from './sources';
import { writeOut, writeTable } from './write';

const raw = new RawDir(process.env.RAW_DIR ?? '../shared/data/raw');
const outDir = process.env.OUT_DIR ?? path.join(__dirname, '..', '..', 'data');
const scratch = process.env.SCRATCH_DIR ?? '/tmp/lait-run';
const lastDataYear = 2025;

const used = new Set<string>();
const ctx: IngestContext = {
  raw,
  areas: buildAreas(raw, lastDataYear),
  lastDataYear,
  useSource(id) {
    sourceDef(id);
    used.add(id);
    return id;
  },
  report(fileName, content) {
    writeOut(scratch, path.join('reports', fileName), content);
  },
};

const { rows, measures, publishedRates } = buildLait(ctx);
writeTable(outDir, laitTable, rows);
const catalogue = toCsv(columnNames(measuresTable), measures);
parseTable(measuresTable, catalogue, 'LAIT catalogue rows (as written by lait-run)');
writeOut(scratch, 'lait-catalogue.csv', catalogue);

const perMeasure = new Map<string, number>();
for (const r of rows) perMeasure.set(String(r.measure), (perMeasure.get(String(r.measure)) ?? 0) + 1);
console.log(`${path.join(outDir, laitTable.file)}: ${rows.length} rows`);
for (const [m, n] of perMeasure) console.log(`  ${m}: ${n}`);
console.log(`${path.join(scratch, 'lait-catalogue.csv')}: ${measures.length} catalogue rows`);
console.log(`published rates for cross-checking: ${publishedRates.length}; sources used: ${[...used].join(', ')}`);
