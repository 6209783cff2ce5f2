import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { checkExportedSvg, pngSize } from './export-checks';

const VIEW = '/measures/s47-enquiries/?areas=E06000009';

/** Open the view and wait until the query string has been applied (the title names Blackpool). */
async function openView(page: Page) {
  await page.goto(VIEW);
  await expect(page.locator('figure h2').first()).toContainText('Blackpool');
}

async function downloadFrom(page: Page, label: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'Download', exact: true }).first().click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).first().click()]);
  return readFileSync((await d.path())!);
}

test('copy link copies the absolute URL of exactly this view', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openView(page);
  await page.getByRole('button', { name: 'Copy link' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'copied' }).first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${VIEW}`);
});

test('the PNG download is a valid PNG at twice the chart size, title and source drawn in', async ({ page }) => {
  await openView(page);
  const png = await downloadFrom(page, 'PNG image');
  const { width, height } = pngSize(png);
  expect(width).toBe(1920);
  expect(height).toBeGreaterThan(600);
});

test('the SVG download parses and carries the title and the source line', async ({ page }) => {
  await openView(page);
  const svg = (await downloadFrom(page, 'SVG image')).toString('utf8');
  const title = (await page.locator('figure h2').first().textContent())!;
  await checkExportedSvg(page, svg, { title, source: 'Department for Education, Children in need, reporting year 2025 (2024-25)' });
});

test('the CSV download holds exactly the figures of the table view', async ({ page }) => {
  await openView(page);
  const csv = Papa.parse<Record<string, string>>((await downloadFrom(page, 'CSV data')).toString('utf8'), { header: true, skipEmptyLines: true, delimiter: ',' });
  expect(csv.errors).toEqual([]);
  expect(csv.meta.fields).toEqual(expect.arrayContaining(['area_code', 'area_name', 'year', 'value', 'status', 'source_id']));
  // the same areas and years as the table view, figure for figure
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  // a header's text without its sort arrow and any break marks (and their screen-reader note)
  const header = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[↕▲▼*†‡§]|\(.*\)/g, '').trim());
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent?.trim() ?? '')));
  expect(rows.map((r) => r[0])).toEqual(['England', 'Blackpool']);
  for (const r of rows) {
    for (let i = 1; i < header.length; i++) {
      const line = csv.data.find((d) => d.area_name === r[0] && d.period === header[i]);
      expect(line, `${r[0]} ${header[i]}`).toBeDefined();
      const shown = r[i]!;
      if (line!.status === 'ok') expect(shown.replace(/,/g, '')).toBe(String(Number(line!.value)));
      else expect(shown).toContain(line!.status === 'no figure' ? 'no figure' : line!.status);
    }
  }
  expect(csv.data).toHaveLength(rows.length * (header.length - 1));
});

test('each citation format names the release, the data years and the permalink', async ({ page, baseURL }) => {
  await openView(page);
  await page.getByRole('button', { name: 'Cite' }).first().click();
  await page.getByRole('radio', { name: /this chart/ }).check();
  for (const f of ['apa', 'harvard', 'bibtex', 'plain']) {
    const text = (await page.locator(`pre[data-format="${f}"]`).first().textContent())!;
    expect(text).toContain('reporting year 2025 (2024-25)');
    expect(text).toContain('2009-10 to 2024-25');
    expect(text).toContain(`${baseURL}${VIEW}`);
  }
});

test('"Describe this chart" gives the key numbers; the embed code points at the same view', async ({ page }) => {
  await openView(page);
  await page.getByText('Describe this chart').first().click();
  const desc = page.locator('figure details p').first();
  await expect(desc).toContainText('England: 87,700 in 2009-10'.replace('87,700', '79.6'));
  await expect(desc).toContainText('Blackpool:');
  await page.getByRole('button', { name: 'Embed' }).first().click();
  await expect(page.getByLabel('Embed code').first()).toHaveValue(/<iframe src="http:\/\/[^"]+\/embed\/s47-enquiries\/\?areas=E06000009"[^>]*data-csc-embed><\/iframe>\n<script src="http:\/\/[^"]+\/embed\.js" async><\/script>/);
});

test('axe-core finds no violations with the share panels open, nor on an embed', async ({ page }) => {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  await openView(page);
  await page.getByRole('button', { name: 'Embed' }).first().click();
  await page.getByRole('button', { name: 'Cite' }).first().click();
  await page.getByText('Describe this chart').first().click();
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
  const onPage = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(onPage.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  await page.goto('/embed/s47-enquiries/?areas=E06000009');
  await expect(page.locator('figure h2').first()).toContainText('Blackpool');
  const onEmbed = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(onEmbed.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
});
