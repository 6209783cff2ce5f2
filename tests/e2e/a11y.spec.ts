import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// Run at 1280 and at 375 px (the phone project): wide tables scroll only on phones.
const PAGES = ['/', '/measures/', '/data/', '/methodology/', '/no-such-page/'];

for (const url of PAGES) {
  test(`axe-core finds no violations on ${url}`, { tag: '@phone' }, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  });
}
