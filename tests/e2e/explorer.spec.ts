import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readData } from './helpers';

const S47 = '/measures/s47-enquiries/';
const qs = (page: Page) => new URL(page.url()).search;

test('the default chart is in the static HTML, before any JavaScript runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(S47);
  const figure = page.locator('figure').first();
  await expect(figure.locator('svg path').first()).toBeAttached();
  await expect(figure).toContainText('England');
  await expect(figure).toContainText('Section 47 enquiries');
  await expect(figure).toContainText('Source');
  await context.close();
});

test('views switch by keyboard and live in the URL; reload and back restore them', async ({ page }) => {
  await page.goto(S47);
  const chartTab = page.getByRole('tab', { name: 'Chart' });
  await expect(chartTab).toHaveAttribute('aria-selected', 'true');
  await chartTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Map' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => qs(page)).toBe('?view=map');
  await page.keyboard.press('End');
  await expect.poll(() => qs(page)).toBe('?view=sources');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Sources' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Map' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
});

test('an area is added by typing part of its name, and the unit switches; both survive a reload', async ({ page }) => {
  await page.goto(S47);
  const box = page.getByRole('combobox', { name: 'Compare with' });
  await box.fill('black');
  const options = page.getByRole('listbox', { name: 'Matching areas' }).getByRole('option');
  await expect(options).toHaveText(['Blackburn with Darwen', 'Blackpool']);
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page.getByRole('list', { name: 'Areas compared' })).toContainText('Blackpool');
  await expect.poll(() => qs(page)).toBe('?areas=E06000009');
  await page.getByText('Number', { exact: true }).click();
  await expect.poll(() => qs(page)).toBe('?areas=E06000009&unit=count');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Areas compared' })).toContainText('Blackpool');
  await expect(page.getByRole('radio', { name: 'Number' })).toBeChecked();
  await expect(page.locator('figure h2').first()).toContainText('number of enquiries');
  await page.getByRole('button', { name: 'Remove Blackpool' }).click();
  await expect.poll(() => qs(page)).toBe('?unit=count');
});

test('a bad link falls back to defaults with a visible notice, and never injects markup', async ({ page }) => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  await page.goto(`${S47}?view=${encodeURIComponent(evil)}&areas=E99999999&year=2099`);
  const notice = page.getByRole('status').filter({ hasText: 'not understood' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('is not a view');
  await expect(notice).toContainText('E99999999');
  await expect(notice).toContainText('2099');
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('the table shows the compared areas, and a suppressed or unavailable figure as missing with its code', async ({ page }) => {
  // Hampshire 2023-24: DfE marks its section 47 figure low reliability (u)
  await page.goto(`${S47}?view=table&areas=E10000014,E09000012`);
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /Hampshire/ })).toContainText('low reliability u');
  // Hackney 2021-22: not available (x)
  await expect(table.getByRole('row', { name: /Hackney/ })).toContainText('not available x');
  // England 2019-20 = 201,000, as in the data
  const england = readData('section-47.csv').find((r) => r.measure === 's47-enquiries' && r.area_code === 'E92000001' && r.year === '2020')!;
  await page.getByRole('radio', { name: 'Number' }).check({ force: true });
  await expect(table.getByRole('row', { name: /^England/ })).toContainText(new Intl.NumberFormat('en-GB').format(Number(england.count)));
  // every council in 2024-25, sortable
  await page.getByText('All councils', { exact: false }).click();
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(154);
});

for (const view of ['chart', 'table', 'sources']) {
  test(`axe-core finds no violations on the ${view} view`, async ({ page }) => {
    await page.goto(`${S47}?view=${view}&areas=E06000009,E10000021`);
    await expect(page.getByRole('tab', { name: new RegExp(view, 'i') })).toHaveAttribute('aria-selected', 'true');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  });
}
