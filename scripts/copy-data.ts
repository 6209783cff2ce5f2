/**
 * Before a build: check data/ as the build will (every table, every rule across files, the
 * geography, the manifest of what the ingest wrote), stopping with one clear message if anything
 * is wrong; then copy it into public/data/, so the static export serves the exact files the site
 * was built from at /data/<file>.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { validateDataDir } from '../lib/data/validate';

const from = path.join(process.cwd(), 'data');
const to = path.join(process.cwd(), 'public', 'data');
try {
  const { files } = validateDataDir(from);
  console.log(`data/: ${files} files checked`);
} catch (e) {
  console.error(`\nThe data in ${from} cannot be built:\n  ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('README.md') });
console.log(`copied ${from} → ${to}`);
