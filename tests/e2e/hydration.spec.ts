import { expect, test } from '@playwright/test';

/**
 * The pages are built once and read for months: what the server drew must match what the browser
 * draws on any later day. A mismatch (React error #418, e.g. a citation dated the build day) makes
 * React throw the server HTML away and draw the whole page again, on every load.
 */
const PAGES = ['/', '/measures/looked-after/', '/measures/looked-after/?view=map', '/areas/E06000001/', '/inequalities/', '/claims/', '/claims/bbc-cla-up-24pc/', '/embed/looked-after/'];

for (const url of PAGES) {
  test(`${url} read 100 days after the build hydrates without an error`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const later = new Date(Date.now() + 100 * 24 * 3600 * 1000);
    await page.clock.setSystemTime(later);
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    // Where the page has a share kit, its citation is dated the day it is read.
    const cite = page.getByRole('button', { name: 'Cite', exact: true }).first();
    if (await cite.count()) {
      await cite.click();
      const day = `${later.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${later.getUTCDate()}, ${later.getUTCFullYear()}`;
      await expect(page.locator('pre[data-format="apa"]:visible').first()).toContainText(`Retrieved ${day}`);
    }
    expect(errors).toEqual([]);
  });
}

test("Next's start-up code runs once the page has been parsed (defer), so hydration reads the whole payload at once", async ({ request }) => {
  // scripts/defer-scripts.ts (postbuild): with async, a long page on a slow connection was
  // re-rendered each time more of its payload arrived. The chunks React renders in the page's tree
  // stay async (React finds them by script[async] when hydrating).
  for (const url of ['/', '/areas/E06000009/', '/inequalities/', '/measures/looked-after/', '/embed/looked-after/', '/no-such-page/']) {
    const html = await (await request.get(url)).text();
    const scripts = [...html.matchAll(/<script src="(\/_next\/static\/chunks\/[^"]+)"[^>]*>/g)].filter((m) => !m[0].includes('noModule'));
    const tree = new Set([...html.matchAll(/\\"src\\":\\"(\/_next\/static\/chunks\/[^"\\]+)\\",\\"async\\":true/g)].map((m) => m[1]));
    expect(scripts.filter((m) => m[0].includes('defer=""')).length, url).toBeGreaterThan(3);
    for (const [tag, src] of scripts) expect(tag, url).toContain(tree.has(src) ? 'async=""' : 'defer=""');
  }
});

test('the app starts after DOMContentLoaded, not in the task of the last deferred script, and then hydrates', async ({ page }) => {
  // scripts/defer-scripts.ts: the browser's work at the end of parsing (DOMContentLoaded, and the
  // load with its forced style and layout pass) and the app's start-up were one long task on a
  // phone; Turbopack's bootstrap now waits for DOMContentLoaded and a timeout. (Whether the load
  // event comes before the start depends on what else is still loading, so it is not asserted.)
  await page.addInitScript(() => {
    // window.next is set when Next's app code first runs (before it hydrates).
    document.addEventListener('DOMContentLoaded', () => ((window as unknown as { ranAtDcl: boolean }).ranAtDcl = 'next' in window));
  });
  for (const url of ['/', '/areas/E06000009/', '/inequalities/']) {
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => Object.keys(document).some((k) => k.startsWith('__reactContainer'))), url).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { ranAtDcl: boolean }).ranAtDcl), url).toBe(false);
    // Hydrated: Next has mounted its route announcer.
    await expect(page.locator('next-route-announcer')).toHaveCount(1);
  }
});

test('hydrating a page inserts no second copy of a script it already has, and fetches no chunk twice', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/_next/static/chunks/') && r.url().endsWith('.js')) fetched.push(new URL(r.url()).pathname);
  });
  for (const url of ['/areas/E06000009/', '/inequalities/', '/measures/looked-after/']) {
    fetched.length = 0;
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    const srcs = await page.locator('script[src*="/_next/static/chunks/"]').evaluateAll((els) => els.map((e) => e.getAttribute('src')!));
    expect(srcs.filter((s, i) => srcs.indexOf(s) !== i), url).toEqual([]);
    expect(fetched.filter((s, i) => fetched.indexOf(s) !== i), url).toEqual([]);
  }
});
