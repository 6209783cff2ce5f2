import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { iframeHtml } from '@/lib/share/embed';

/**
 * Embeds on a page served from another origin (a second local port), with the iframe exactly as
 * the share kit's embed code writes it (sandboxed, no referrer): each iframe is resized by
 * /embed.js to its own content; without the script an iframe still shows the whole chart; links
 * open outside the iframe; nothing the host puts in the link is echoed.
 */
function hostPage(html: string): Promise<{ url: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() }));
  });
}

/** The share kit's iframe for `path` on this site, not lazy-loaded (both embeds load at once here). */
const iframe = (src: string, title: string) => {
  const url = new URL(src);
  const html = iframeHtml(`${url.pathname}${url.search}`, title, url.origin).replace(' loading="lazy"', '');
  expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
  expect(html).toContain('referrerpolicy="no-referrer"');
  return html;
};

async function frameOf(page: Page, part: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes(part))).toBe(true);
  return page.frames().find((f) => f.url().includes(part))!;
}

test('two embeds on another site each resize to their content', async ({ page, baseURL }) => {
  const host = await hostPage(
    `<!doctype html><html lang="en"><head><title>Host</title></head><body style="margin:0;max-width:760px">
     <h1>A campaign page</h1>
     ${iframe(`${baseURL}/embed/s47-enquiries/?areas=E06000009`, 'Section 47 enquiries')}
     <p>Some text between the charts.</p>
     ${iframe(`${baseURL}/embed/looked-after/?view=rank&year=2024`, 'Children looked after, ranked')}
     <script src="${baseURL}/embed.js" async></script></body></html>`,
  );
  try {
    await page.setViewportSize({ width: 760, height: 900 });
    await page.goto(host.url);
    const frames = page.locator('iframe[data-csc-embed]');
    await expect(frames).toHaveCount(2);
    for (const [i, part] of [[0, '/embed/s47-enquiries/'], [1, '/embed/looked-after/']] as const) {
      const f = await frameOf(page, part);
      await f.locator('figure h2').first().waitFor();
      await expect
        .poll(async () => {
          const outer = await frames.nth(i).evaluate((el) => el.getBoundingClientRect().height);
          const inner = await f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          return Math.abs(outer - inner) <= 2 && outer !== 720;
        }, { timeout: 15_000 })
        .toBe(true);
    }
    const heights = await frames.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    expect(heights[0]).not.toBe(heights[1]); // each sized to its own chart, not to the other's
    // each embed says which release its figures come from, and links back to the full view
    const s47 = await frameOf(page, '/embed/s47-enquiries/');
    await expect(s47.locator('figcaption')).toContainText('Children in need, reporting year 2025 (2024-25)');
    await expect(s47.getByRole('link', { name: /Open this chart in/ })).toHaveAttribute('href', /\/measures\/s47-enquiries\/\?areas=E06000009$/);
  } finally {
    host.close();
  }
});

test('without the script, an embed at its fixed height still shows the whole chart and its source', async ({ page, baseURL }) => {
  const host = await hostPage(`<!doctype html><html lang="en"><head><title>Host</title></head><body style="margin:0;width:720px">${iframe(`${baseURL}/embed/s47-enquiries/`, 'S47')}</body></html>`);
  try {
    await page.setViewportSize({ width: 720, height: 900 });
    await page.goto(host.url);
    const f = await frameOf(page, '/embed/s47-enquiries/');
    await f.locator('figure h2').first().waitFor();
    const bottom = await f.evaluate(() => document.querySelector('figcaption')!.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(720);
    expect(await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height)).toBe(720);
  } finally {
    host.close();
  }
});

test("an embed's links open outside the iframe, in a new tab, and the host's page stays", async ({ page, baseURL }) => {
  const host = await hostPage(`<!doctype html><html lang="en"><head><title>Host</title></head><body>${iframe(`${baseURL}/embed/looked-after/`, 'Looked after')}</body></html>`);
  try {
    await page.goto(host.url);
    const f = await frameOf(page, '/embed/looked-after/');
    await f.locator('figure h2').first().waitFor();
    const links = f.locator('a[href]:not([href^="#"])'); // not the skip link, which stays in the page
    expect(await links.count()).toBeGreaterThanOrEqual(2); // the release, and the chart on the site
    for (const a of await links.all()) {
      await expect(a, (await a.getAttribute('href'))!).toHaveAttribute('target', '_blank');
      await expect(a).toHaveAttribute('rel', /noopener/);
    }
    const [popup] = await Promise.all([page.waitForEvent('popup'), f.getByRole('link', { name: /Open this chart in/ }).click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(`${baseURL}/measures/looked-after/`);
    // out of the sandbox: the site works in full there (its scripts run, the view tabs are live)
    await expect(popup.getByRole('tab', { name: 'Map' })).toBeVisible();
    expect(page.url()).toBe(host.url);
  } finally {
    host.close();
  }
});

test('an embed echoes nothing from its link: a spoofed notice reads as "a setting was ignored"', async ({ page }) => {
  // U+202E turns "detcerroc erew serugif esehT" into "These figures were corrected" on screen
  await page.goto('/embed/referrals/?view=%E2%80%AEdetcerroc%20erew%20serugif%20esehT&These%20figures%20were%20corrected=1');
  const notice = page.getByRole('status').filter({ hasText: 'ignored' });
  await expect(notice).toHaveText('2 settings in this link were ignored (“view” and an unknown one); the defaults are shown.');
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/detcerroc|corrected|\u202e/);
  await expect(page.locator('figure h2').first()).toBeVisible();
});
