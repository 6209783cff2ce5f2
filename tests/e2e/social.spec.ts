import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * Social cards and oEmbed in the static export: Open Graph and Twitter tags carry absolute URLs
 * whose files exist in out/, the card is a 1200×630 PNG, and each measure page advertises an
 * oEmbed JSON of type "rich" with an absolute iframe.
 */
const OUT = path.join(process.cwd(), 'out');

/** The file in out/ that an absolute URL of the site points at. */
function outFile(url: string): string {
  const { pathname } = new URL(url);
  const p = path.join(OUT, decodeURIComponent(pathname));
  return pathname.endsWith('/') ? path.join(p, 'index.html') : p;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature').toBe(true);
  expect(buf.subarray(12, 16).toString('latin1'), 'first chunk').toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const meta = (page: Page, key: string) => page.locator(`head meta[property="${key}"], head meta[name="${key}"]`).first().getAttribute('content');

async function checkCard(page: Page, route: string) {
  await page.goto(route);
  const ogUrl = (await meta(page, 'og:url'))!;
  const ogImage = (await meta(page, 'og:image'))!;
  const twImage = (await meta(page, 'twitter:image'))!;
  for (const u of [ogUrl, ogImage, twImage]) {
    expect(u, 'absolute URL').toMatch(/^https?:\/\/[^/]+\//);
    expect(existsSync(outFile(u)), `${u} exists in out/`).toBe(true);
  }
  expect(new URL(ogUrl).pathname).toBe(route);
  expect(twImage).toBe(ogImage);
  expect(new URL(ogImage).pathname).toMatch(/\.png$/);
  expect(pngSize(readFileSync(outFile(ogImage)))).toEqual({ width: 1200, height: 630 });
  expect(await meta(page, 'og:image:width')).toBe('1200');
  expect(await meta(page, 'og:image:height')).toBe('630');
  expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
  for (const k of ['og:title', 'og:description', 'og:site_name', 'og:type', 'twitter:title', 'twitter:description']) expect(await meta(page, k), k).toBeTruthy();
  // served with an image type by a plain static server
  const res = await page.request.get(new URL(ogImage).pathname);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/png');
  return { ogUrl, alt: (await meta(page, 'og:image:alt'))! };
}

test('home: Open Graph and Twitter card with an absolute 1200×630 PNG', async ({ page }) => {
  const { alt } = await checkCard(page, '/');
  expect(alt).toMatch(/Latest figures for England: .*\d{1,3}(,\d{3})+ \(2\d{3}-\d{2}\)/);
});

for (const id of ['s47-enquiries', 'looked-after']) {
  test(`${id}: card, alt text stating the figure, and oEmbed discovery`, async ({ page }) => {
    const { ogUrl, alt } = await checkCard(page, `/measures/${id}/`);
    expect(alt).toMatch(/England, (\d{4}-\d{2}|31 March \d{4}): \d{1,3}(,\d{3})+ /);
    expect(alt).toMatch(/since (2009-10|31 March 2010)/);

    const link = page.locator('head link[rel="alternate"][type="application/json+oembed"]');
    await expect(link).toHaveCount(1);
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^https?:\/\//);
    expect(new URL(href).origin).toBe(new URL(ogUrl).origin);
    expect(new URL(href).pathname).toBe(`/oembed/${id}.json`);
    expect(await link.getAttribute('title')).toBeTruthy();
    expect(existsSync(outFile(href))).toBe(true);

    const res = await page.request.get(new URL(href).pathname);
    expect(res.status()).toBe(200);
    const o = JSON.parse(await res.text());
    expect(o.version).toBe('1.0');
    expect(o.type).toBe('rich');
    expect(typeof o.title).toBe('string');
    expect(o.provider_name).toBeTruthy();
    expect(typeof o.width).toBe('number');
    expect(typeof o.height).toBe('number');
    const src = /<iframe[^>]*\ssrc="([^"]+)"/.exec(o.html)?.[1];
    expect(src, 'iframe src').toBeTruthy();
    expect(src).toMatch(/^https?:\/\//);
    expect(new URL(src!).origin).toBe(new URL(ogUrl).origin);
    expect(new URL(src!).pathname).toBe(`/embed/${id}/`);
    expect(o.thumbnail_url).toBe(await meta(page, 'og:image'));
    expect([o.thumbnail_width, o.thumbnail_height]).toEqual([1200, 630]);
  });
}
