import { expect, test, type Page } from '@playwright/test';

/**
 * The explorer without JavaScript, and for keyboard and screen-reader users: what a link shows when
 * scripts are off, tabs that control panels that exist, focus after navigation, a slider that
 * reads as a year, named page sections.
 */
const REFERRALS = '/measures/referrals/';

test('without JavaScript, a link to another view says that view needs JavaScript and what is shown instead', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${REFERRALS}?view=map&year=2015`);
  const note = page.locator('.notice').filter({ hasText: 'need JavaScript' });
  await expect(note).toBeVisible();
  await expect(note).toContainText('shows only the chart of England');
  // what is shown instead is there: the chart, with its source
  await expect(page.locator('figure svg:visible').first()).toBeVisible();
  await expect(page.locator('figure').first()).toContainText('Source');
  // controls that need JavaScript are not offered (they would do nothing)
  await expect(page.getByRole('combobox', { name: 'Compare with' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Show all regions' })).toBeHidden();
  // the figures themselves are one link away
  const csv = note.getByRole('link', { name: 'children-in-need.csv' });
  expect((await page.request.get((await csv.getAttribute('href'))!)).status()).toBe(200);
  // the view tabs are plain links that load that view's URL
  const links = page.getByRole('navigation', { name: 'Views' }).getByRole('link');
  await expect(links).toHaveText(['Chart', 'Map', 'Rank', 'Table', 'Sources']);
  await expect(page.getByRole('link', { name: 'Chart' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'Sources' }).click();
  await expect(page).toHaveURL(/\/measures\/referrals\/\?view=sources$/);
  await expect(page.locator('.notice').filter({ hasText: 'need JavaScript' })).toBeVisible();
  await context.close();
});

test('with JavaScript the view links are ARIA tabs, and every tab controls a panel that exists', async ({ page }) => {
  await page.goto(REFERRALS);
  const tabs = page.getByRole('tablist', { name: 'Views' }).getByRole('tab');
  await expect(tabs).toHaveCount(5);
  const check = async (selected: string) => {
    await expect(page.getByRole('tab', { name: selected })).toHaveAttribute('aria-selected', 'true');
    for (const tab of await tabs.all()) {
      const name = (await tab.textContent()) ?? '';
      const controls = await tab.getAttribute('aria-controls');
      expect(controls, name).toBeTruthy();
      const panel = page.locator(`[id="${controls}"]`);
      await expect(panel, `${name} → #${controls}`).toHaveAttribute('role', 'tabpanel');
      await expect(panel).toHaveAttribute('aria-labelledby', (await tab.getAttribute('id'))!);
    }
    // one panel is shown: the selected tab's, named by it
    await expect(page.getByRole('tabpanel')).toHaveCount(1);
    await expect(page.getByRole('tabpanel')).toHaveAccessibleName(selected);
  };
  await check('Chart');
  await page.getByRole('tab', { name: 'Table' }).click();
  await check('Table');
  // Space chooses a tab too (a link alone would scroll the page)
  await page.getByRole('tab', { name: 'Table' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Sources' })).toBeFocused();
  await page.getByRole('tab', { name: 'Sources' }).press('ArrowLeft');
  await page.getByRole('tab', { name: 'Table' }).press('Home');
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await check('Map');
});

test('after moving to another page in the browser, focus is on the new page’s main heading', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Measures' }).click();
  await expect(page).toHaveURL(/\/measures\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Measures' })).toBeFocused();
  await page.getByRole('link', { name: "Referrals to children's social care" }).click();
  await expect(page).toHaveURL(/\/measures\/referrals\/$/);
  await expect(page.getByRole('heading', { level: 1, name: "Referrals to children's social care" })).toBeFocused();
  // changing the view within a page keeps focus where the reader is
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page.getByRole('tab', { name: 'Table' })).toBeFocused();
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/measures\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Measures' })).toBeFocused();
});

/**
 * The slider's value in Chromium's accessibility tree. (The tree as the DevTools protocol shows it
 * gives the number, not aria-valuetext, even for an ARIA slider; screen readers get the text
 * through the platform's API. So both are checked: the text, and a number that is itself a year.)
 */
async function sliderValue(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; value?: { value?: unknown } }[] };
  const slider = nodes.find((n) => n.role?.value === 'slider');
  await cdp.detach();
  return slider?.value?.value === undefined ? undefined : String(slider.value.value);
}

for (const [measure, latest, before] of [
  ['referrals', '2024-25', '2023-24'],
  ['looked-after', '31 March 2025', '31 March 2024'],
] as const) {
  test(`the year slider reads as a year (${latest}), not as a position`, async ({ page }) => {
    await page.goto(`/measures/${measure}/?view=map`);
    const slider = page.getByRole('slider');
    await expect(slider).toHaveAttribute('aria-valuetext', latest);
    await expect(slider).toHaveValue('2025');
    expect(await sliderValue(page)).toBe('2025');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(slider).toHaveAttribute('aria-valuetext', before);
    await expect(slider).toHaveValue('2024');
    expect(await sliderValue(page)).toBe('2024');
    await expect.poll(() => new URL(page.url()).search).toBe('?view=map&year=2024');
  });
}

test('each group of measures on /measures/ is a region named by its heading', async ({ page }) => {
  await page.goto('/measures/');
  const sections = page.locator('section[aria-labelledby]');
  expect(await sections.count()).toBeGreaterThan(1);
  for (const s of await sections.all()) {
    const ids = (await s.getAttribute('aria-labelledby'))!;
    expect(ids, 'one id, no spaces').toMatch(/^\S+$/);
    const heading = (await page.locator(`[id="${ids}"]`).textContent())!;
    await expect(page.getByRole('region', { name: heading, exact: true })).toHaveCount(1);
  }
});

test("a link naming England's own code says England is always shown, not that the code is unknown", async ({ page }) => {
  await page.goto(`${REFERRALS}?areas=E92000001,E06000009`);
  const notice = page.getByRole('status').filter({ hasText: 'England is always shown' });
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText('not understood');
  await expect(notice).not.toContainText('not in this data');
  await expect(page.getByRole('list', { name: 'Areas compared' })).toContainText('Blackpool');
});
