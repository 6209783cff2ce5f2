/**
 * `npm run data:check`: re-run the ingest into a temporary folder and fail if anything differs from
 * the committed data/ (a file changed, appeared or disappeared). Without the raw folder it says so
 * and exits 0, so the site still builds and tests from a clone that has only data/.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runIngest } from './index';

import { HAND_WRITTEN } from '../../lib/data/manifest';

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}

const rawDir = process.env.RAW_DIR ?? path.join(process.cwd(), '..', 'shared', 'data', 'raw');
const dataDir = path.join(process.cwd(), 'data');
if (!existsSync(rawDir)) {
  console.log(`data:check: raw folder ${rawDir} not found; nothing to compare (set RAW_DIR to check). OK.`);
  process.exit(0);
}
const tmp = mkdtempSync(path.join(tmpdir(), 'ingest-check-'));
try {
  runIngest(rawDir, tmp);
  const produced = new Set(listFiles(tmp));
  const committed = new Set(listFiles(dataDir).filter((f) => !HAND_WRITTEN.has(f)));
  const problems: string[] = [];
  for (const f of produced) {
    if (!committed.has(f)) problems.push(`missing from data/: ${f}`);
    else if (!readFileSync(path.join(tmp, f)).equals(readFileSync(path.join(dataDir, f)))) problems.push(`differs from what the ingest produces: data/${f}`);
  }
  for (const f of committed) if (!produced.has(f)) problems.push(`not produced by the ingest (stale or hand-made): data/${f}`);
  if (problems.length > 0) {
    console.error(`data:check failed: data/ does not match the ingest of ${rawDir}:\n- ${problems.join('\n- ')}\nRun npm run data and review the diff.`);
    process.exit(1);
  }
  console.log(`data:check: data/ matches the ingest of ${rawDir} (${produced.size} files). OK.`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
