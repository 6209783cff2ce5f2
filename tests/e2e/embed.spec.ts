import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Frame, type Page } from '@playwright/test';

/**
 * Embeds on a page served from another origin (a second local port): each iframe is resized by
 * /embed.js to its own content; without the script an iframe still shows the whole chart.
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

const iframe = (src: string, title: string) => `<iframe src="${src}" title="${title}" width="100%" height="720" style="border:0;width:100%;max-width:100%" data-csc-embed></iframe>`;

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
