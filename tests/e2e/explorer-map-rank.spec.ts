import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readData } from './helpers';

const S47 = '/measures/s47-enquiries/';
const codes = async (page: import('@playwright/test').Page, map: number) =>
  page.locator('svg[role="listbox"]').nth(map).locator('[data-code]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-code')))].sort());
const laCodesIn = (year: number) =>
  readData('areas.csv')
    .filter((a) => a.level === 'la' && Number(a.first_year) <= year && (a.last_year === '' || Number(a.last_year) >= year))
    .map((a) => a.code)
    .sort();

test('the 2025 maps draw the 153 councils of 2025, and the 2019 maps the 152 of 2019 (Bournemouth, Poole, Dorset county)', async ({ page }) => {
  await page.goto(`${S47}?view=map`);
  const hex = page.getByRole('listbox', { name: /hex/i });
  await expect(hex).toBeVisible();
  expect(await codes(page, 0)).toEqual(laCodesIn(2025));
  expect(await codes(page, 1)).toEqual(laCodesIn(2025));
  expect((await codes(page, 0)).length).toBe(153);

  await page.goto(`${S47}?view=map&year=2019`);
  await expect(page.getByRole('listbox', { name: /hex/i })).toBeVisible();
  const y2019 = await codes(page, 1);
  expect(y2019).toEqual(laCodesIn(2019));
  expect(y2019).toHaveLength(152);
  expect(y2019).toEqual(expect.arrayContaining(['E06000028', 'E06000029', 'E10000009']));
  expect(y2019).not.toContain('E06000058');
});

test('the year changes by keyboard on the slider, redraws the maps and is kept in the URL', async ({ page }) => {
  await page.goto(`${S47}?view=map`);
  await expect(page.getByRole('listbox', { name: /hex/i })).toBeVisible();
  const slider = page.getByRole('slider');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2024');
  await expect(page.locator('figure h2').first()).toContainText('2023-24');
  // Hampshire 2023-24 is low reliability (u): hatched as missing on both maps, named in the legend
  for (const map of [0, 1]) {
    await expect(page.locator('svg[role="listbox"]').nth(map).locator('[data-code="E10000014"]').first()).toHaveAttribute('data-missing', '');
  }
  await expect(page.getByText(/Hampshire.*low reliability/).first()).toBeVisible();
  await page.reload();
  await expect(slider).toHaveAttribute('aria-valuetext', '2023-24');
});

test('a council is selected on the map with the keyboard (Enter) and added to the comparison', async ({ page }) => {
  await page.goto(`${S47}?view=map`);
  const hex = page.getByRole('listbox', { name: /hex/i });
  await hex.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('areas')).toMatch(/^E\d{8}$/);
  await expect(page.getByRole('list', { name: 'Areas compared' }).getByRole('listitem')).toHaveCount(1);
});

test('rank: a suppressed council is listed as not shown, never drawn; the funnel plot draws its limits', async ({ page }) => {
  await page.goto(`${S47}?view=rank&year=2024`);
  const notShown = page.locator('[data-missing]').filter({ hasText: 'Not shown' }).first();
  await expect(notShown).toContainText('Hampshire (low reliability)');
  await expect(page.locator('circle[data-code="E10000014"]')).toHaveCount(0);
  await page.getByText('Funnel (by size)').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('plot')).toBe('funnel');
  await expect(page.locator('[data-limit]').first()).toBeAttached();
});

for (const view of ['map', 'rank']) {
  test(`axe-core finds no violations on the ${view} view`, async ({ page }) => {
    await page.goto(`${S47}?view=${view}&areas=E06000009`);
    await expect(page.locator('figure svg:visible').first()).toBeVisible();
    if (view === 'map') await expect(page.getByRole('listbox', { name: /hex/i })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  });
}

test('the measures index lists every measure with a link, figure and trend', async ({ page }) => {
  await page.goto('/measures/');
  const measures = readData('measures.csv');
  for (const m of measures) await expect(page.getByRole('link', { name: m.label, exact: true })).toHaveAttribute('href', `/measures/${m.id}/`);
  expect(await page.locator('.card svg').count()).toBeGreaterThanOrEqual(measures.length);
});
