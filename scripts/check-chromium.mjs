#!/usr/bin/env node
/**
 * Run before the end-to-end tests: stop at once, with the one command that fixes it, when the
 * Chromium the tests drive is missing (Playwright's own browser download is not used here).
 * CHROMIUM_PATH overrides the default /usr/bin/chromium.
 */
import { accessSync, constants, statSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
let problem;
try {
  if (!statSync(path).isFile()) problem = 'is not a file';
  else accessSync(path, constants.X_OK);
} catch (e) {
  problem = e.code === 'ENOENT' ? 'was not found' : e.code === 'EACCES' ? 'is not executable' : String(e.message ?? e);
}
if (problem) {
  const from = process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'the default path';
  console.error(
    [
      `The end-to-end tests need Chromium, and ${path} (${from}) ${problem}.`,
      'Install it with:',
      '',
      '    apt-get install -y chromium',
      '',
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}
