import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { enGB, readData } from './helpers';

/**
 * Claims, checked: the claim pages carry the quote, the figures and the verdict in the static HTML;
 * the chart shades the claimed years; the quote panel of a measure's chart links to the check; the
 * list filters by verdict and measure; the home page's story comes from the claims and the data.
 */

const quotes = readData('quotes.csv');
const quoteText = (id: string): string => quotes.find((q) => q.id === id)!.quote!;
const england = (file: string, measure: string, year: number) => Number(readData(file).find((r) => r.measure === measure && r.area_code === 'E92000001' && Number(r.year) === year)!.count);
const visibleLayout = (page: Page) => page.locator('main figure [data-layout]:visible').first();

test('a claim page shows the quote, the numbers and the verdict in the static HTML', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/claims/bbc-s47-doubled/');
  await expect(page.locator('h1')).toContainText(quoteText('bbc-s47-doubled'));
  await expect(page.getByTestId('attribution')).toContainText('Alison Holt');
  await expect(page.getByTestId('verdict')).toContainText('Holds, with a caveat');
  // The figures and the arithmetic are the data's: 2019-20 over 2009-10 and over 2010-11.
  const [y2010, y2011, y2020] = [2010, 2011, 2020].map((y) => england('section-47.csv', 's47-enquiries', y));
  const alt = page.locator('table[data-table="alternatives"]').first();
  await expect(alt).toContainText(`${enGB(y2010!)} in 2009-10 to ${enGB(y2020!)} in 2019-20`);
  await expect(alt).toContainText(`${(y2020! / y2010!).toFixed(2)} times`);
  await expect(alt).toContainText(`${(y2020! / y2011!).toFixed(2)} times`);
  await expect(page.locator('[data-step="figure"][data-source="dfe-cin-2010-ud"]').first()).toContainText('Characteristics of children in need, 2009-10');
  await context.close();
});

test('a claim that fails says so, with the data\u2019s figures against the claimed ones', async ({ page }) => {
  await page.goto('/claims/pfan-s47-122pc/');
  await expect(page.getByTestId('verdict')).toContainText('Does not hold');
  const a = england('section-47.csv', 's47-enquiries', 2010);
  const b = england('section-47.csv', 's47-enquiries', 2018);
  const pct = (((b - a) / a) * 100).toFixed(1);
  await expect(page.locator('[data-check]').filter({ hasText: 'increase 122%' })).toContainText(`+${pct}%`);
  await expect(page.locator('[data-check]').filter({ hasText: 'from 89,300' })).toContainText(`${enGB(a)} is not exactly 89,300`);
});

test('a claim that cannot be checked says what data would', async ({ page }) => {
  await page.goto('/claims/pfan-1in16/');
  await expect(page.getByTestId('verdict')).toContainText('Can\u2019t be checked with these data');
  await expect(page.locator('[data-check="0"]')).toContainText('What data would:');
});

test('the chart shades the years the claim speaks of and rings their figures', async ({ page }) => {
  await page.goto('/claims/bbc-s47-doubled/');
  const layout = visibleLayout(page);
  const years = await layout.locator('rect[data-highlight]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-highlight'))));
  expect(years).toEqual([2010, 2011, 2020]);
  // A ring on each line's value in each shaded year: enquiries and the like-for-like children.
  await expect(layout.locator('[data-highlight-point]')).toHaveCount(6);
  await expect(page.locator('main figure').first()).toContainText('Shaded: the years the claim speaks of: 2009-10, 2010-11, 2019-20');
  // Each ring sits inside its year's band.
  for (const y of [2010, 2011, 2020]) {
    const band = (await layout.locator(`rect[data-highlight="${y}"]`).boundingBox())!;
    for (const ring of await layout.locator(`[data-highlight-point="${y}"]`).all()) {
      const r = (await ring.boundingBox())!;
      const cx = r.x + r.width / 2;
      expect(cx).toBeGreaterThanOrEqual(band.x);
      expect(cx).toBeLessThanOrEqual(band.x + band.width);
    }
  }
});

test('the quote panel of a measure\u2019s chart shows the site\u2019s figure for the quoted year and links to the claim', async ({ page }) => {
  await page.goto('/measures/s47-enquiries/');
  await visibleLayout(page).locator('[data-quote="bbc-s47-doubled"]').click();
  const panel = page.locator('aside[aria-label="Quote from a report"]');
  await expect(panel.locator('[data-quote-figure="2020"]')).toContainText(`2019-20: ${enGB(england('section-47.csv', 's47-enquiries', 2020))} enquiries`);
  await expect(panel).toContainText('Checked: Holds, with a caveat');
  await panel.getByRole('link', { name: 'See the arithmetic and the verdict' }).click();
  await expect(page).toHaveURL(/\/claims\/bbc-s47-doubled\/$/);
  await expect(page.locator('h1')).toContainText(quoteText('bbc-s47-doubled'));
});

test('the list filters by verdict and measure, keeps the filter in the link, and refuses a bad one visibly', async ({ page }) => {
  await page.goto('/claims/');
  const items = page.locator('[data-claim-item]');
  const total = await items.count();
  expect(total).toBeGreaterThan(20);
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption('fails');
  await expect(page).toHaveURL(/\?verdict=fails$/);
  const visible = page.locator('[data-claim-item]:visible');
  const n = await visible.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  expect(new Set(await visible.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict'))))).toEqual(new Set(['fails']));
  await expect(page.getByTestId('claims-count')).toHaveText(`${n} of ${total} claims shown.`);
  await page.getByRole('combobox', { name: 'Measure' }).selectOption('looked-after');
  await expect(page).toHaveURL(/\?verdict=fails&measure=looked-after$/);
  for (const el of await page.locator('[data-claim-item]:visible').all()) expect(await el.getAttribute('data-measures')).toContain('looked-after');

  await page.goto('/claims/?verdict=<script>alert(1)</script>');
  await expect(page.getByRole('status').filter({ hasText: 'not one of the four' })).toBeVisible();
  await expect(page.locator('[data-claim-item]:visible')).toHaveCount(total);
});

test('the home page leads with the story: checked claims with their verdicts, headlines from the data', async ({ page }) => {
  await page.goto('/');
  const line = page.locator('[data-story="s47-children"]');
  const from = Number(await line.getAttribute('data-from'));
  const to = Number(await line.getAttribute('data-to'));
  const a = england('section-47.csv', 's47-children', from);
  const b = england('section-47.csv', 's47-children', to);
  await expect(line).toContainText(`up ${Math.round(((b - a) / a) * 100)}%`);
  await expect(line).toContainText(enGB(a));
  await expect(line).toContainText(enGB(b));
  await expect(line.locator('[data-verdict]')).toBeVisible();
  await line.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/claims\/bbc-s47-doubled\/$/);
});

test('a claim\u2019s chart embeds with its source and a link back', async ({ page }) => {
  await page.goto('/embed/claims/bbc-s47-doubled/');
  await expect(visibleLayout(page).locator('rect[data-highlight]')).toHaveCount(3);
  await expect(page.locator('figcaption')).toContainText('Department for Education');
  await expect(page.getByRole('link', { name: /Open this chart/ })).toHaveAttribute('href', /\/claims\/bbc-s47-doubled\/$/);
});

for (const width of [375, 1280]) {
  for (const url of ['/', '/claims/', '/claims/bbc-s47-doubled/', '/claims/cwip-each-step/', '/about/']) {
    test(`axe-core finds no violations on ${url} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
    });
  }
}
