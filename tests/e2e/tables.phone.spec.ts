import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { enGB, readData } from './helpers';

/**
 * The table view on a phone (issue 12, item 1): the figures are seen without scrolling the page
 * sideways, the latest year first; every value is reachable by scrolling the table, and the row's
 * name stays in view while it scrolls.
 */
test.use({ viewport: { width: 375, height: 800 } });

const S47 = '/measures/s47-enquiries/';
const BLACKPOOL = 'E06000009';
const qs = (page: Page) => new URL(page.url()).search;

/** The table's scroll box (the region around the table). */
const scroller = (page: Page) => page.getByRole('region', { name: /scrollable table/ });

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

test('all councils in a year: each council’s figure is on screen beside its name, without scrolling sideways', async ({ page }) => {
  await page.goto(`${S47}?view=table&table=councils`);
  const table = page.getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(154); // England and the 153 councils of 2024-25
  await noSidewaysScroll(page);
  // the figure column comes straight after the council's name and is fully inside the screen
  const header = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[↕▲▼]|\(sort\)/g, '').trim());
  expect(header.slice(0, 2)).toEqual(['Council', '2024-25']);
  const rows = table.locator('tbody tr');
  for (const i of [0, 1, 10]) {
    const figure = await box(rows.nth(i).locator('td').first());
    expect(figure.x).toBeGreaterThanOrEqual(0);
    expect(figure.x + figure.width).toBeLessThanOrEqual(375);
  }
  // the figures are DfE's, largest first: the first council shown has the largest rate in the data
  const rates = readData('section-47.csv').filter((r) => r.measure === 's47-enquiries' && r.year === '2025' && r.area_code!.startsWith('E0') && r.rate_status === 'ok');
  const top = rates.reduce((a, b) => (Number(b.rate_per_10k) > Number(a.rate_per_10k) ? b : a));
  await expect(rows.first().locator('td').first()).toHaveText(enGB(Number(top.rate_per_10k)));
});

test('compared areas over time: the latest year is seen first; scrolling reaches the oldest, and the names stay in view', async ({ page }) => {
  await page.goto(`${S47}?view=table&areas=${BLACKPOOL}`);
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /Blackpool/ })).toBeVisible();
  await noSidewaysScroll(page);
  const headers = table.locator('thead th');
  await expect(headers.nth(1)).toContainText('2024-25');
  const latest = await box(table.getByRole('row', { name: /Blackpool/ }).locator('td').first());
  expect(latest.x + latest.width).toBeLessThanOrEqual(375);

  // scroll the table to its far end: the oldest year is reachable, and the row names are still on screen
  await scroller(page).evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const oldest = table.getByRole('row', { name: /Blackpool/ }).locator('td').last();
  await expect(headers.last()).toContainText('2009-10');
  const o = await box(oldest);
  expect(o.x + o.width).toBeLessThanOrEqual(376);
  const name = await box(table.getByRole('rowheader', { name: 'Blackpool' }));
  expect(name.x).toBeGreaterThanOrEqual(0);
  expect(name.x).toBeLessThan(40);
  // the oldest figure is not hidden under the sticky name column
  expect(o.x).toBeGreaterThanOrEqual(name.x + name.width - 1);
});

test('a reader can put the oldest year first; the choice is in the link', async ({ page }) => {
  await page.goto(`${S47}?view=table&areas=${BLACKPOOL}`);
  await page.getByText('Oldest first').click();
  await expect(page.getByRole('table').locator('thead th').nth(1)).toContainText('2009-10');
  await expect.poll(() => qs(page)).toBe(`?view=table&areas=${BLACKPOOL}&order=oldest`);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Oldest first' })).toBeChecked();
  await expect(page.getByRole('table').locator('thead th').nth(1)).toContainText('2009-10');
});

test('the table’s mode and year are in the URL, so a link opens the same table', async ({ page }) => {
  await page.goto(`${S47}?view=table`);
  await page.getByText('All councils, one year').click();
  await expect.poll(() => qs(page)).toBe('?view=table&table=councils');
  await page.getByRole('combobox', { name: 'Year', exact: true }).selectOption({ label: '2018-19' });
  await expect.poll(() => qs(page)).toBe('?view=table&year=2019&table=councils');
  await expect(page.locator('figure h2').first()).toContainText('every council, 2018-19');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'All councils, one year' })).toBeChecked();
  await expect(page.getByRole('table').locator('thead th').nth(1)).toContainText('2018-19');
  // Back returns to the compared areas
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('radio', { name: 'Areas over time' })).toBeChecked();
  // a bad mode falls back with a notice
  await page.goto(`${S47}?view=table&table=<b>x</b>`);
  await expect(page.getByRole('status').filter({ hasText: 'not understood' })).toContainText('is not a table');
  await expect(page.getByRole('radio', { name: 'Areas over time' })).toBeChecked();
});

test('arrow keys move through the figures; the selected figure scrolls into view beside its row’s name', async ({ page }) => {
  await page.goto(`${S47}?view=table&areas=${BLACKPOOL}`);
  const table = page.getByRole('table');
  const first = table.getByRole('row', { name: /England/ }).locator('td').first();
  await first.click();
  await expect(first).toBeFocused();
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const oldest = table.getByRole('row', { name: /Blackpool/ }).locator('td').last();
  await expect(oldest).toBeFocused();
  const o = await box(oldest);
  const name = await box(table.getByRole('rowheader', { name: 'Blackpool' }));
  expect(o.x).toBeGreaterThanOrEqual(name.x + name.width - 1);
  expect(o.x + o.width).toBeLessThanOrEqual(376);
});

for (const mode of ['areas', 'councils']) {
  test(`axe-core finds no violations on the ${mode} table at 375 px, with the cite and download panels open`, async ({ page }) => {
    await page.goto(`${S47}?view=table&areas=${BLACKPOOL},E08000025${mode === 'councils' ? '&table=councils' : ''}`);
    await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
    for (const panel of ['Cite', 'Download', 'Embed']) {
      await page.getByRole('button', { name: panel, exact: true }).click();
      const results = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(results.violations.map((v) => `${panel}: ${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
    }
    await noSidewaysScroll(page);
  });
}
