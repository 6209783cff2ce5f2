/**
 * Copy the committed tidy data into public/data/ before a build, so the static export serves the
 * exact files the site was built from at /data/<file>.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';

const from = path.join(process.cwd(), 'data');
const to = path.join(process.cwd(), 'public', 'data');
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('README.md') });
console.log(`copied ${from} → ${to}`);
