import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readData } from './helpers';

/** The 404 page: the site's header and footer, a main landmark, a measure search and links onwards. */
const measures = readData('measures.csv');

test('an unknown address answers 404 with the site header, a main landmark and a way to every measure', { tag: '@phone' }, async ({ page }) => {
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Data last refreshed');
  const main = page.getByRole('main');
  for (const m of measures) await expect(main.getByRole('link', { name: m.label, exact: true })).toHaveAttribute('href', `/measures/${m.id}/`);
  for (const [name, href] of [['All measures', '/measures/'], ['Data downloads and API', '/data/'], ['Methodology', '/methodology/']] as const) {
    await expect(main.getByRole('link', { name })).toHaveAttribute('href', href);
  }
});

test('the 404 search box narrows the measures and says when nothing matches', { tag: '@phone' }, async ({ page }) => {
  await page.goto('/measures/not-a-measure/');
  const box = page.getByRole('searchbox', { name: 'Search the measures' });
  await box.fill('section 47');
  const main = page.getByRole('main');
  // the enquiries and the children subject to them
  await expect(main.getByRole('status')).toHaveText(`2 of ${measures.length} measures match.`);
  await expect(main.getByRole('link', { name: 'Section 47 enquiries', exact: true })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Children subject to section 47 enquiries' })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Children looked after at 31 March' })).toHaveCount(0);
  await box.fill('<b>zzz</b>');
  await expect(main.getByRole('status')).toHaveText('No measure matches “<b>zzz</b>”.');
  await expect(main.locator('b')).toHaveCount(0); // typed text is shown as text, never markup
  await main.getByRole('searchbox').fill('care');
  await main.getByRole('link', { name: 'Children starting to be looked after' }).click();
  await expect(page).toHaveURL(/\/measures\/care-starts\/$/);
});

test('the 404 page without JavaScript still lists every measure (no inert search box)', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/no-such-page/');
  await expect(page.getByRole('main').getByRole('listitem').filter({ has: page.locator('a[href^="/measures/"]:not([href="/measures/"])') })).toHaveCount(measures.length);
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  await context.close();
});

test('axe-core finds no violations on the 404 page with a search typed', { tag: '@phone' }, async ({ page }) => {
  await page.goto('/no-such-page/');
  await page.getByRole('searchbox', { name: 'Search the measures' }).fill('social');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
});
