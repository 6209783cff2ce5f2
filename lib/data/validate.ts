import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CsvError } from '../csv';
import { assessmentFactorsTable, breaksTable, factorLabelsTable, neighboursTable } from '../schema/pathway';
import { areasTable, measuresTable, OBSERVATION_TABLES, populationTable, sourcesTable } from '../schema/tables';
import type { TidyTable } from '../schema/table';
import { DOWNLOAD_TABLES } from './catalog';
import { readGeo } from './geo';
import { checkBreaks, checkFactors, checkNeighbours, checkObservations } from './integrity';
import { HAND_WRITTEN, MANIFEST_FILE, manifestEntry, manifestSchema } from './manifest';
import { readJson, readTable, readUtf8 } from './read';

/**
 * Everything the build checks in a data folder, from scratch (no memo): every tidy table against
 * its schema, the rules across files, the geography against its schemas, and the manifest of what
 * the ingest wrote. `npm run build` runs it first (scripts/copy-data.ts), so a bad file stops the
 * build with one clear message; the tests run it on mutated copies of data/.
 */
export function validateDataDir(dir: string, opts: { manifest?: boolean } = {}): { files: number } {
  const tables = new Map<string, unknown[]>();
  const read = <T,>(t: TidyTable<T>): T[] => {
    if (!tables.has(t.file)) tables.set(t.file, readTable(dir, t));
    return tables.get(t.file) as T[];
  };
  for (const t of DOWNLOAD_TABLES) read(t);
  const measures = read(measuresTable);
  const areas = read(areasTable);
  const sources = new Set(read(sourcesTable).map((s) => s.id));
  checkObservations({ files: OBSERVATION_TABLES.map((t) => ({ file: t.file, rows: read(t) })), measures, areas, population: read(populationTable), sources });
  checkBreaks(read(breaksTable), measures, sources);
  checkNeighbours(read(neighboursTable), areas);
  checkFactors(read(assessmentFactorsTable), read(factorLabelsTable), areas);
  readGeo(dir);
  return { files: opts.manifest === false ? tables.size : checkManifest(dir) };
}

/** Every file the ingest wrote is here, unchanged; nothing else is. */
export function checkManifest(dir: string): number {
  const manifest = readJson(dir, MANIFEST_FILE, manifestSchema);
  const present = listFiles(dir).filter((f) => f !== MANIFEST_FILE && !HAND_WRITTEN.has(f));
  for (const f of present) if (!(f in manifest.files)) throw new CsvError(f, `is in data/ but not in ${MANIFEST_FILE}: the ingest did not write it (remove it, or re-run npm run data)`);
  for (const [f, want] of Object.entries(manifest.files)) {
    if (!existsSync(path.join(dir, f))) throw new CsvError(f, `is listed in ${MANIFEST_FILE} but missing from data/: re-run npm run data`);
    const got = manifestEntry(f, readUtf8(dir, f));
    if (want.rows !== null && got.rows !== want.rows) throw new CsvError(f, `has ${got.rows} rows; the ingest wrote ${want.rows} (the file was cut short or edited by hand): re-run npm run data`);
    if (got.sha256 !== want.sha256) throw new CsvError(f, `differs from what the ingest wrote (SHA-256 ${got.sha256.slice(0, 12)}…, expected ${want.sha256.slice(0, 12)}…): data/ is generated; change the ingest or the raw files and re-run npm run data`);
  }
  return present.length;
}

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}
