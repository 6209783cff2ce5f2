import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** `npm test` starts with scripts/check-chromium.mjs: without Chromium it stops with the one command that fixes it. */
const script = path.join(process.cwd(), 'scripts/check-chromium.mjs');
const run = (chromium: string) => spawnSync(process.execPath, [script], { env: { ...process.env, CHROMIUM_PATH: chromium }, encoding: 'utf8' });

describe('the Chromium check before the end-to-end tests', () => {
  it('fails at once with the install command, not a stack trace, when Chromium is missing', () => {
    const r = run('/nonexistent/chromium');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/nonexistent/chromium (CHROMIUM_PATH) was not found');
    expect(r.stderr).toContain('apt-get install -y chromium');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
  it('fails when the path is not an executable file', () => {
    expect(run(process.cwd()).stderr).toContain('is not a file');
    expect(run(script).stderr).toContain('is not executable');
  });
  it('passes silently when the binary is there', () => {
    const r = run(process.execPath);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
