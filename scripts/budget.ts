/**
 * `npm run budget`: size budget of the static export (DESIGN §6), per route:
 * - first-load JavaScript: every script the HTML loads (src under /_next/), gzipped, summed;
 * - HTML plus data: the HTML document and any JSON it references, gzipped.
 * Fails (exit 1) when a route exceeds 230 kB of JavaScript or 150 kB of HTML plus data.
 * Writes the table to stdout and to .budget/report.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const JS_LIMIT = 230 * 1024;
export const PAGE_LIMIT = 150 * 1024;
export const AREA_JS_MARGIN = 15 * 1024;
const OUT = path.join(process.cwd(), process.argv[2] ?? 'out');

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;
const kb = (n: number) => (n / 1024).toFixed(1);
const sizeCache = new Map<string, number>();

function gzSizeOf(urlPath: string): number {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  const file = path.join(OUT, clean);
  if (!existsSync(file)) throw new Error(`referenced file missing from the export: ${clean}`);
  let s = sizeCache.get(file);
  if (s === undefined) {
    s = gz(readFileSync(file));
    sizeCache.set(file, s);
  }
  return s;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === '_next' ? [] : htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

export interface RouteBudget {
  route: string;
  js: number;
  html: number;
  data: number;
}

export function measure(file: string): RouteBudget {
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const scripts = new Set([...text.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!).filter((s) => s.startsWith('/_next/')));
  // Data loaded with the page: JSON preloaded or fetched at load (marked data-load), not download links.
  const data = new Set(
    [...text.matchAll(/<(?:link|script)[^>]*(?:rel="preload"|data-load)[^>]*(?:href|src)="(\/[^"]+\.json)"/g), ...text.matchAll(/data-load="(\/[^"]+\.json)"/g)].map((m) => m[1]!),
  );
  const route = '/' + path.relative(OUT, file).replace(/index\.html$/, '').replace(/\\/g, '/');
  return {
    route,
    js: [...scripts].reduce((n, s) => n + gzSizeOf(s), 0),
    html: gz(html),
    data: [...data].reduce((n, s) => n + gzSizeOf(s), 0),
  };
}

if (require.main === module) {
  if (!existsSync(OUT)) {
    console.error(`budget: ${OUT} not found; run npm run build first`);
    process.exit(1);
  }
  const rows = htmlFiles(OUT).map(measure).sort((a, b) => a.route.localeCompare(b.route));
  const over = rows.filter((r) => r.js > JS_LIMIT || r.html + r.data > PAGE_LIMIT);
  // Report the largest route of each kind (e.g. every /areas/{code}/ page) plus every over-budget one.
  const lines = [
    `Budget (gzipped): first-load JS ≤ ${kb(JS_LIMIT)} kB, HTML + data ≤ ${kb(PAGE_LIMIT)} kB per route. ${rows.length} routes.`,
    '',
    '| route | first-load JS kB | HTML kB | data kB | HTML+data kB |',
    '|---|---:|---:|---:|---:|',
  ];
  const groups = new Map<string, RouteBudget[]>();
  for (const r of rows) {
    const g = r.route.replace(/^\/embed\/inequalities\/[^/]+\/$/, '/embed/inequalities/{chart}/').replace(/^(\/(?:embed\/areas|embed\/factors|embed\/claims|areas|measures|embed|claims)\/)[^/]+\/$/, '$1{id}/');
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  for (const [g, rs] of groups) {
    const worst = rs.reduce((a, b) => (b.js + b.html + b.data > a.js + a.html + a.data ? b : a));
    const label = rs.length > 1 ? `${g} (largest of ${rs.length}: ${worst.route})` : g;
    lines.push(`| ${label} | ${kb(worst.js)} | ${kb(worst.html)} | ${kb(worst.data)} | ${kb(worst.html + worst.data)} |`);
  }
  // An area page's first-load JS stays within AREA_JS_MARGIN of a measure page's (issue 9).
  const maxJs = (prefix: RegExp) => Math.max(0, ...rows.filter((r) => prefix.test(r.route)).map((r) => r.js));
  const areaJs = maxJs(/^\/areas\/[^/]+\/$/);
  const measureJs = maxJs(/^\/measures\/[^/]+\/$/);
  const areaOver = areaJs > 0 && measureJs > 0 && areaJs > measureJs + AREA_JS_MARGIN;
  if (areaJs > 0 && measureJs > 0) lines.push('', `Area pages' first-load JS: ${kb(areaJs)} kB, measure pages' ${kb(measureJs)} kB (limit: within ${kb(AREA_JS_MARGIN)} kB of the measure pages')${areaOver ? ' — OVER' : ''}.`);
  if (over.length) lines.push('', `OVER BUDGET: ${over.map((r) => `${r.route} (JS ${kb(r.js)} kB, HTML+data ${kb(r.html + r.data)} kB)`).join('; ')}`);
  const report = lines.join('\n');
  console.log(report);
  mkdirSync('.budget', { recursive: true });
  writeFileSync(path.join('.budget', 'report.md'), report + '\n');
  process.exit(over.length || areaOver ? 1 : 0);
}
