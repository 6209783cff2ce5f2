import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readData } from './helpers';

/**
 * Data wave 2 as a reader meets it: breaks in the series drawn and explained, the pathway measures
 * with their own units (a percentage is never "per 10,000"), what assessments find, all in the static
 * HTML and in a real browser.
 */

test('section 47 enquiries: the 2012-13 counting change is drawn, opens its note, and the table marks the years before it', async ({ page }) => {
  await page.goto('/measures/s47-enquiries/?unit=count');
  const chart = page.locator('figure').first();
  const label = chart.locator('[data-break="2013"][role="button"]:visible').first();
  await expect(label).toBeVisible();
  await label.click();
  const note = page.locator('[data-break-note="2013"]');
  await expect(note).toContainText('Until 2011-12 DfE counted children who were the subject of at least one section 47 enquiry');
  await expect(note).toContainText('Department for Education');
  // with counts, the new population base (a break of rates only) is not in the note
  await expect(note).not.toContainText('rebased on Census 2021');
  await page.goto('/measures/s47-enquiries/?view=table&unit=count');
  await expect(page.locator('figure').first()).toContainText('Up to 2011-12: children who were the subject of a section 47 enquiry, not enquiries.');
});

test('the like-for-like series counts children in every year, with no counting break', async ({ page }) => {
  const rows = readData('section-47.csv').filter((r) => r.measure === 's47-children' && r.area_code === 'E92000001');
  expect(rows.find((r) => r.year === '2010')!.count).toBe('87700');
  await page.goto('/measures/s47-children/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Children subject to section 47 enquiries');
  await expect(page.locator('figure').first().locator('[data-break="2013"][role="button"]')).toHaveCount(3); // the new population base only, on rates
  await page.goto('/measures/s47-children/?unit=count');
  await expect(page.locator('figure').first().locator('[data-break="2013"]')).toHaveCount(0);
});

test('a percentage measure says % everywhere and never "per 10,000"', async ({ page }) => {
  for (const view of ['', '?view=map', '?view=rank', '?view=table']) {
    await page.goto(`/measures/cpp-repeat/${view}`);
    const main = page.getByRole('main');
    await expect(main.locator('figure').first()).toBeVisible();
    await expect(main).toContainText('%');
    await expect(main.locator('figure').first()).not.toContainText('per 10,000');
  }
  // no rate/number switch: there is no rate
  await expect(page.getByRole('group', { name: 'Show' })).toHaveCount(0);
});

test('what assessments find: England, latest year, from data/, with the full share kit and an embed', async ({ page }) => {
  const f = readData('assessment-factors.csv').filter((r) => r.area_code === 'E92000001' && r.year === '2025' && r.factor === 'mental-health-parent')[0]!;
  await page.goto('/measures/children-in-need/');
  const section = page.locator('section[aria-labelledby="assessment-factors"]');
  await expect(section).toContainText('Mental health: concerns about parent');
  await expect(section).toContainText(`${f.share_pct}%`);
  await expect(section).toContainText('Source: Department for Education, Children in need');
  await expect(section.getByRole('button', { name: 'Cite' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Embed' })).toBeVisible();
  const results = await new AxeBuilder({ page }).include('section[aria-labelledby="assessment-factors"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.goto('/embed/factors/E92000001/');
  await expect(page.locator('figure')).toContainText('What assessments find');
  await expect(page.getByRole('link', { name: /Open this chart in/ })).toHaveAttribute('href', /\/measures\/children-in-need\/#assessment-factors$/);
});

test('methodology lists every break and the neighbour model with its caveats', async ({ page }) => {
  await page.goto('/methodology/');
  await expect(page.locator('#breaks')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Every break in the series' })).toContainText('counting change');
  await expect(page.locator('#neighbours + p')).toContainText('not symmetric');
});
