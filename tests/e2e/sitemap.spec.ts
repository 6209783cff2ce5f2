import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { NOT_PAGES } from '../../lib/pages';
import { SITE_URL } from '../../lib/site';

/** sitemap.xml lists every page of the export, by absolute URL, and robots.txt points to it. */
const OUT = path.join(process.cwd(), 'out');

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return n === '_next' ? [] : pages(p);
    const rel = path.relative(OUT, dir).replace(/\\/g, '/');
    return n === 'index.html' ? [rel ? `/${rel}/` : '/'] : [];
  });
}

test('sitemap.xml lists exactly the pages of the export, with absolute URLs that resolve', async ({ request }) => {
  const res = await request.get('/sitemap.xml');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/xml/);
  const xml = await res.text();
  expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(urls.every((u) => u.startsWith(`${SITE_URL}/`))).toBe(true);
  const listed = urls.map((u) => u.slice(SITE_URL.length)).sort();
  const exported = pages(OUT)
    .filter((p) => !NOT_PAGES.some((re) => re.test(p)))
    .sort();
  expect(exported).toContain('/measures/looked-after/');
  expect(listed).toEqual(exported);
  for (const p of listed) expect((await request.get(p)).status(), p).toBe(200);
});

test('robots.txt allows crawling and names the sitemap by its absolute URL', async ({ request }) => {
  const res = await request.get('/robots.txt');
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toMatch(/^User-Agent: \*$/m);
  expect(text).toMatch(/^Allow: \/$/m);
  expect(text).not.toMatch(/^Disallow: \/\s*$/m);
  expect(text).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
});
