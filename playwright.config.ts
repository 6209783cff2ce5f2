import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the static export (out/) served locally, in Debian's Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium): Playwright's own browser download is not used.
 *
 * Two projects: desktop (1280 px) runs every test except those tagged @phone-only; phone (375 px,
 * touch) runs only the tests tagged @phone or @phone-only, so phone checks cost only what they add.
 * Tag a test { tag: '@phone' } to run it at both widths, '@phone-only' for the phone alone.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// `npm test` checks this first (scripts/check-chromium.mjs); this catches a direct `npx playwright test`.
if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH)`);


export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    launchOptions: {
      executablePath: chromium,
      // No network here: keep Chromium from calling home (and failing) at every start.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'desktop', grepInvert: /@phone-only/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
    { name: 'phone', grep: /@phone/, use: { ...devices['Desktop Chrome'], viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    // The project's own static server (scripts/serve.ts), as `npm start` uses it.
    command: `node --import tsx scripts/serve.ts out --port ${PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
