import { expect, test } from '@playwright/test';
import { enGB, readData } from './helpers';

test('home shows the latest England section 47 figure, labelled the DfE way, equal to the data', async ({ page }) => {
  const england = readData('section-47.csv').filter((r) => r.measure === 's47-enquiries' && r.area_code === 'E92000001' && r.count_status === 'ok');
  const latest = england.reduce((a, b) => (Number(b.year) > Number(a.year) ? b : a));
  const year = Number(latest.year);
  const label = `${year - 1}-${String(year).slice(2)}`; // a flow: "2024-25"

  await page.goto('/');
  const card = page.locator('[data-measure="s47-enquiries"]');
  await expect(card.getByTestId('figure-s47-enquiries')).toContainText(enGB(Number(latest.count)));
  await expect(card).toContainText(label);
  await expect(card).toContainText(`${latest.rate_per_10k} per 10,000 children`);
  await expect(card).toContainText('Department for Education');
  // snapshot measures are labelled with the day
  await expect(page.locator('[data-measure="looked-after"]')).toContainText(`31 March ${year}`);
});

test('home works without JavaScript: the figures are in the static HTML', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('.card')).toHaveCount(7);
  await context.close();
});
