import { expect, test, type Page, type Route } from '@playwright/test';

/**
 * A failed code load (offline, or old HTML after a redeploy: /_next/static/chunks/* answer 404)
 * never blanks the page: what is shown stays, and where the new view would be a message offers a
 * retry. The same for the lazily loaded URL parser and the export code.
 */
const REFERRALS = '/measures/referrals/';

/** The page is hydrated and has loaded what it loads by itself (the URL parser). */
async function settled(page: Page, url = REFERRALS) {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

/** Offline (the request fails), or old HTML after a redeploy (the old code files answer 404). */
const failChunks = (page: Page, how: 'offline' | 'redeployed' = 'offline') =>
  page.route('**/_next/static/chunks/**', (r) => (how === 'offline' ? r.abort('internetdisconnected') : r.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>404</title>' })));

const VIEWS = [
  { tab: 'Map', how: 'redeployed', loaded: (page: Page) => page.locator('figure h2').filter({ hasText: 'councils in England' }).first() },
  { tab: 'Rank', how: 'offline', loaded: (page: Page) => page.locator('figure h2').filter({ hasText: 'all councils ranked' }).first() },
  { tab: 'Table', how: 'offline', loaded: (page: Page) => page.getByRole('table') },
  { tab: 'Sources', how: 'offline', loaded: (page: Page) => page.getByRole('heading', { name: 'About these figures' }) },
] as const;

for (const v of VIEWS) {
  test(`when the ${v.tab} view's code fails to load (${v.how}), the page stays and offers a retry that works`, async ({ page }) => {
    await settled(page);
    await failChunks(page, v.how);
    await page.getByRole('tab', { name: v.tab }).click();
    const panel = page.getByRole('tabpanel');
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText('could not be loaded');
    // the rest of the page is kept: heading, controls, tabs, and no error page
    await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Compare with' })).toBeVisible();
    await expect(page.getByText(/couldn.t load/)).toHaveCount(0);
    await expect(page.getByRole('tab', { name: v.tab })).toHaveAttribute('aria-selected', 'true');
    // back online: Retry loads the view in place
    await page.unroute('**/_next/static/chunks/**');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(v.loaded(page)).toBeVisible();
    await expect(panel.getByRole('alert')).toHaveCount(0);
  });
}

test('another view still works after one failed to load', async ({ page }) => {
  await settled(page);
  await failChunks(page);
  await page.getByRole('tab', { name: 'Map' }).click();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toBeVisible();
  await page.getByRole('tab', { name: 'Chart' }).click();
  await expect(page.locator('figure svg:visible').first()).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveCount(0);
});

/** Let every chunk through except the one holding the URL parser (found by a message only it has). */
async function failParserChunk(route: Route) {
  const res = await route.fetch();
  const body = await res.text();
  if (body.includes('is not a view (')) await route.abort('internetdisconnected');
  else await route.fulfill({ response: res, body });
}

test('when the URL parser fails to load, the page says the link was not read, and Retry applies it', async ({ page }) => {
  await page.route('**/_next/static/chunks/**', failParserChunk);
  await page.goto(`${REFERRALS}?view=rank&year=2015`);
  const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/couldn.t load/)).toHaveCount(0);
  await page.unroute('**/_next/static/chunks/**');
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('tab', { name: 'Rank' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('slider')).toHaveAttribute('aria-valuetext', '2014-15');
});

test('an embed whose URL parser fails to load shows the default chart and says so', async ({ page }) => {
  await page.route('**/_next/static/chunks/**', failParserChunk);
  await page.goto('/embed/referrals/?view=rank');
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  await expect(page.locator('figure svg:visible').first()).toBeVisible();
});

test('when the export code fails to load, a download says it failed and the page stays', async ({ page }) => {
  await settled(page);
  await failChunks(page);
  await page.getByRole('button', { name: 'Download', exact: true }).first().click();
  await page.getByRole('button', { name: 'CSV data' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'download failed' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
  await expect(page.locator('figure svg:visible').first()).toBeVisible();
  await expect(page.getByText(/couldn.t load/)).toHaveCount(0);
});
