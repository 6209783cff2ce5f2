import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';

test('a CSV downloaded from /data/ reads back with the expected header and rows', async ({ page }) => {
  await page.goto('/data/');
  const link = page.getByRole('link', { name: 'Download section-47.csv' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await download.path();
  const text = readFileSync(file!, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter: ',' });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(['measure', 'year', 'area_code', 'count', 'count_status', 'rate_per_10k', 'rate_status', 'rate_origin', 'source_id', 'rate_source_id']);
  // every row of the committed file, in order
  expect(text).toBe(readFileSync(path.join(process.cwd(), 'data', 'section-47.csv'), 'utf8'));
  const s47England2020 = parsed.data.find((r) => r.measure === 's47-enquiries' && r.area_code === 'E92000001' && r.year === '2020');
  expect(s47England2020?.count).toBe('201000');
  const hackney2022 = parsed.data.find((r) => r.measure === 's47-enquiries' && r.area_code === 'E09000012' && r.year === '2022');
  expect(hackney2022).toMatchObject({ count: '', count_status: 'x' });
});

test('the data page documents every column of every file it offers', async ({ page }) => {
  await page.goto('/data/');
  const sections = page.locator('section.dataset[data-file]');
  expect(await sections.count()).toBeGreaterThanOrEqual(10);
  for (const s of await sections.all()) {
    await expect(s.locator('table tbody tr').first()).toBeVisible();
    await expect(s.getByRole('link', { name: /^Download / })).toHaveAttribute('href', /^\/data\/[a-z0-9-]+\.csv$/);
  }
});
