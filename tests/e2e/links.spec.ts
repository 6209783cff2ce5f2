import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** Every internal link and asset reference in the static export resolves to a file in out/. */
const OUT = path.join(process.cwd(), 'out');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? (n === '_next' ? [] : htmlFiles(p)) : n.endsWith('.html') ? [p] : [];
  });
}

function resolves(href: string): boolean {
  const clean = decodeURIComponent(href.split(/[?#]/)[0]!);
  const p = path.join(OUT, clean);
  if (clean.endsWith('/')) return existsSync(path.join(p, 'index.html'));
  return existsSync(p) || existsSync(p + '.html') || existsSync(path.join(p, 'index.html'));
}

test('every internal link in the export resolves', () => {
  const broken: string[] = [];
  const files = htmlFiles(OUT);
  expect(files.length).toBeGreaterThan(2);
  for (const f of files) {
    const html = readFileSync(f, 'utf8');
    for (const m of html.matchAll(/(?:href|src)="(\/[^"]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (href.startsWith('//')) continue;
      if (!resolves(href)) broken.push(`${path.relative(OUT, f)} → ${href}`);
    }
  }
  expect(broken).toEqual([]);
});
