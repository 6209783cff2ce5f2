import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import ts from 'typescript';
import { checkExportedSvg, pngSize } from './export-checks';

/**
 * The export engine (lib/share/export.ts) on the real measure pages. No page imports it yet, so the
 * test transpiles it (types stripped; it has no imports but a type) and injects it into the built
 * page as a module exposing window.__export, then exports each view's chart frame (<figure>).
 * Set EXPORT_DIR to keep the SVG and PNG files somewhere to look at (default: the test's output folder).
 */

type Engine = typeof import('@/lib/share/export');
declare global {
  interface Window {
    __export?: Pick<Engine, 'buildExportSvg' | 'svgToPngBlob' | 'csvText' | 'downloadText'>;
  }
}

const ENGINE = `${
  ts.transpileModule(readFileSync(path.join(process.cwd(), 'lib/share/export.ts'), 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText
}\nwindow.__export = { buildExportSvg, svgToPngBlob, csvText, downloadText };\n`;

async function inject(page: Page) {
  await page.addScriptTag({ content: ENGINE, type: 'module' });
  await page.waitForFunction(() => window.__export !== undefined);
}

interface Run {
  svg: string;
  width: number;
  height: number;
  png: Buffer;
  title: string;
  source: string;
  description: string;
}

async function exportFrame(page: Page, opts: { width?: number; layout?: 'fit' | 'visible' } = {}): Promise<Run> {
  await inject(page);
  const r = await page.evaluate(async (o) => {
    const fig = document.querySelector('main figure') as HTMLElement;
    const title = fig.querySelector('h2')!.textContent!;
    const source = fig.querySelector('figcaption p')!.textContent!;
    const notes = Array.from(fig.querySelectorAll('figcaption li')).map((l) => l.textContent ?? '');
    const description = `Description of ${title}`;
    const out = window.__export!.buildExportSvg(fig, { title, sourceText: source, description, notes }, o);
    const blob = await window.__export!.svgToPngBlob(out.svg, out.width, out.height);
    let bin = '';
    for (const b of new Uint8Array(await blob.arrayBuffer())) bin += String.fromCharCode(b);
    return { ...out, png: btoa(bin), type: blob.type, title, source, description };
  }, opts);
  expect(r.type).toBe('image/png');
  return { ...r, png: Buffer.from(r.png, 'base64') };
}

async function keep(info: TestInfo, name: string, r: Run) {
  const dir = process.env.EXPORT_DIR ?? info.outputDir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `export-${name}.svg`), r.svg);
  writeFileSync(path.join(dir, `export-${name}.png`), r.png);
  await info.attach(`export-${name}.png`, { body: r.png, contentType: 'image/png' });
}

const S47 = '/measures/s47-enquiries/';
const cases = [
  { name: 'chart', qs: '?areas=E06000009', charts: 1, hatch: false, ready: 'main figure svg >> visible=true' },
  { name: 'chart-regions', qs: '?areas=E06000009,E09000012,E08000025&regions=1', charts: 1, hatch: false, ready: 'main figure svg >> visible=true' },
  // 2023-24: Hampshire (low reliability) and the Isles of Scilly (suppressed) are hatched
  { name: 'map', qs: '?areas=E06000009&view=map&year=2024', charts: 2, hatch: true, ready: 'svg[role="listbox"] >> visible=true' },
  { name: 'rank', qs: '?areas=E06000009&view=rank', charts: 1, hatch: false, ready: 'figure[aria-labelledby^="rank-"] svg >> visible=true' },
  { name: 'funnel', qs: '?areas=E06000009,E09000012&view=rank&plot=funnel&year=2024', charts: 1, hatch: false, ready: '[data-funnel-limits] >> visible=true' },
] as const;

for (const c of cases) {
  test(`export: ${c.name} view → standalone SVG and a 2× PNG`, async ({ page }, info) => {
    await page.goto(`${S47}${c.qs}`);
    await expect(page.locator(c.ready).first()).toBeVisible();
    const r = await exportFrame(page);
    await keep(info, c.name, r);
    expect(r.width).toBe(960);
    const rep = await checkExportedSvg(page, r.svg, { title: r.title, source: r.source, description: r.description, charts: c.charts, hatch: c.hatch, width: 960 });
    // HTML around the charts (info panel, tooltips, controls) is not exported
    expect(rep.text).not.toContain('Point at a council');
    expect(rep.text).not.toMatch(/Use the arrow keys to move/);
    expect(pngSize(r.png)).toEqual({ width: 2 * r.width, height: 2 * r.height });
  });
}

test('export: the maps have their legend, the hatch in the legend and on the maps, and the attribution', async ({ page }) => {
  await page.goto(`${S47}?areas=E06000009&view=map&year=2024`);
  await expect(page.locator('svg[role="listbox"]').first()).toBeVisible();
  const r = await exportFrame(page);
  const rep = await checkExportedSvg(page, r.svg, { title: r.title, source: r.source, charts: 2, hatch: true });
  expect(rep.text).toContain('No figure (2): Hampshire: low reliability; Isles of Scilly: suppressed');
  expect(rep.text).toContain('contains OS data © Crown copyright');
  expect(rep.text).toContain('Hex cartogram: House of Commons Library, Open Parliament Licence v3.0.');
  // each map's own hatch pattern, renamed apart, plus the legend's
  expect([...rep.patternsUsed].sort()).toEqual(['c0-0', 'c1-0', 'legend-hatch']);
});

test('export: narrow exports stack the two maps', async ({ page }, info) => {
  await page.goto(`${S47}?areas=E06000009&view=map&year=2024`);
  await expect(page.locator('svg[role="listbox"]').first()).toBeVisible();
  const r = await exportFrame(page, { width: 480 });
  await keep(info, 'map-narrow', r);
  await checkExportedSvg(page, r.svg, { title: r.title, source: r.source, charts: 2, hatch: true, width: 480 });
  const ys = [...r.svg.matchAll(/<svg viewBox="0 0 400 480"[^>]* x="([\d.]+)" y="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  expect(ys).toHaveLength(2);
  expect(ys[0]![0]).toBe(ys[1]![0]);
  expect(ys[1]![1]).toBeGreaterThan(ys[0]![1] + 300);
  expect(pngSize(r.png)).toEqual({ width: 960, height: 2 * r.height });
});

test('export: on a phone the chart is exported in the layout that fits the export width (or the visible one on request)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${S47}?areas=E06000009`);
  await expect(page.locator('main figure svg >> visible=true').first()).toBeVisible();
  const fit = await exportFrame(page);
  await checkExportedSvg(page, fit.svg, { title: fit.title, source: fit.source, charts: 1 });
  expect(fit.svg).toContain('<svg viewBox="0 0 920 ');
  const visible = await exportFrame(page, { layout: 'visible' });
  expect(visible.svg).toContain('<svg viewBox="0 0 360 ');
});

test('export: cursor marks are not exported', async ({ page }) => {
  await page.goto(`${S47}?areas=E06000009&view=map&year=2024`);
  await page.getByRole('listbox', { name: /hex/i }).focus();
  await page.keyboard.press('Home');
  await expect(page.locator('[data-cursor]').first()).toBeAttached();
  const r = await exportFrame(page);
  expect(r.svg).not.toContain('#ffbf47'); // the focus colour of the cursor's outline

  await page.goto(`${S47}?areas=E06000009`);
  await page.getByRole('application', { name: /^Chart\./ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('application', { name: /^Chart\./ }).locator('line[data-export-ignore]')).toBeAttached();
  const t = await exportFrame(page);
  expect(t.svg).not.toContain('stroke-dasharray="3 3"'); // the cursor guide
  expect(t.svg).not.toContain('#ffbf47'); // the focus ring
});

test('export: csvText and downloadText save the exact text as a file', async ({ page }) => {
  await page.goto(S47);
  await inject(page);
  const csv = { filename: 'test', columns: ['area', 'rate, per 10,000'], rows: [['Kingston upon Hull, City of', 312.6], ['Isles of Scilly', '']] };
  const expected = 'area,"rate, per 10,000"\n"Kingston upon Hull, City of",312.6\nIsles of Scilly,\n';
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate((c) => {
      const text = window.__export!.csvText(c);
      window.__export!.downloadText(text, 'test.csv', 'text/csv');
      return text;
    }, csv),
  ]);
  expect(download.suggestedFilename()).toBe('test.csv');
  expect(readFileSync(await download.path(), 'utf8')).toBe(expected);
});
