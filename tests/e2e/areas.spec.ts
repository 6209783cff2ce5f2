import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { readData } from './helpers';

/** The area pages (issue 9): finding a council, what its page shows, former and renamed councils, keyboard, axe. */

const search = (page: Page) => page.getByRole('searchbox', { name: 'Find a council' });
const status = (page: Page) => page.getByTestId('search-status');

test.describe('finding a council', () => {
  test('by postcode: the lookup of that postcode area alone is fetched, only once a postcode is typed', { tag: '@phone' }, async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/postcodes/')) fetched.push(new URL(r.url()).pathname);
    });
    await page.goto('/areas/');
    await search(page).fill('Black');
    await expect(page.getByTestId('search-results').getByRole('link', { name: 'Blackpool' })).toBeVisible();
    expect(fetched).toEqual([]);
    await search(page).fill('fy1 1aa');
    await expect(status(page)).toHaveText('FY1 1AA is in Blackpool.');
    expect(fetched).toEqual(['/postcodes/FY.json']);
    await page.getByTestId('postcode-results').getByRole('link', { name: 'Blackpool' }).click();
    await expect(page).toHaveURL(/\/areas\/E06000009\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blackpool');
  });

  test('by outward code: one council, or several with a request for the full postcode', async ({ page }) => {
    await page.goto('/areas/');
    await search(page).fill('FY1');
    await expect(status(page)).toHaveText('Postcode district FY1 is in Blackpool.');
    await search(page).fill('FY5');
    await expect(status(page)).toContainText('covers parts of Blackpool and Lancashire');
    await expect(status(page)).toContainText('Type the full postcode');
    await expect(page.getByTestId('postcode-results').getByRole('link')).toHaveText(['Blackpool', 'Lancashire']);
  });

  test('a postcode outside England says which nation it is in; a malformed or unknown one says so', async ({ page }) => {
    await page.goto('/areas/');
    await search(page).fill('CF10 1EP');
    await expect(status(page)).toContainText('CF10 1EP is in Wales. This site covers councils in England.');
    await search(page).fill('EH1 1YZ');
    await expect(status(page)).toContainText('is in Scotland');
    await search(page).fill('BT1 5GS');
    await expect(status(page)).toContainText('is in Northern Ireland');
    await search(page).fill('FY1 1AAA');
    await expect(status(page)).toContainText('is not a postcode we can read');
    await search(page).fill('QQ1 1AA');
    await expect(status(page)).toContainText('No UK postcode starts “QQ”');
  });

  test('by town: a district leads to the council that runs its children’s services', { tag: '@phone' }, async ({ page }) => {
    await page.goto('/areas/');
    await search(page).fill('Harrogate');
    const hit = page.getByTestId('search-results').getByRole('link', { name: 'Harrogate' });
    await expect(hit).toBeVisible();
    await expect(page.getByTestId('search-results')).toContainText('now part of North Yorkshire');
    await hit.click();
    await expect(page).toHaveURL(/\/areas\/E06000065\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('North Yorkshire');
  });

  test('by a region word: "north" lists the regions, then the councils', async ({ page }) => {
    await page.goto('/areas/');
    await search(page).fill('north');
    const results = page.getByTestId('search-results');
    await expect(results.getByRole('heading', { name: 'Regions' })).toBeVisible();
    const regions = results.getByRole('list').first().getByRole('link');
    await expect(regions).toHaveText(['North East', 'North West']);
    for (const name of ['North Yorkshire', 'North Tyneside', 'North Somerset']) await expect(results.getByRole('link', { name, exact: true })).toBeVisible();
    await search(page).fill('zzzz');
    await expect(status(page)).toContainText('No council, region, town or district matches');
  });
});

test.describe("a council's page", () => {
  test("Blackpool's page shows its latest figures in the HTML, without JavaScript, and names its ten neighbours", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/areas/E06000009/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blackpool');
    // DfE, Children looked after in England 2025: Blackpool 531 children, 184 per 10,000 (England 67).
    const cla = page.locator('[data-measure="looked-after"]');
    await expect(cla.getByTestId('figure-looked-after')).toContainText('184');
    await expect(cla).toContainText('531 children');
    await expect(cla).toContainText('31 March 2025');
    await expect(cla).toContainText('England67');
    await expect(cla).toContainText('the highest of 151 councils');
    await expect(cla).toContainText('Above the 99.8% limits');
    await expect(page.getByTestId('neighbours').getByRole('listitem')).toHaveCount(10);
    await expect(page.getByTestId('neighbours').getByRole('link')).toHaveText(['Hartlepool', 'Middlesbrough', 'Sunderland', 'Liverpool', 'South Tyneside', 'Redcar and Cleveland', 'Rochdale', 'Torbay', 'Salford', 'Stoke-on-Trent']);
    // The charts are in the HTML too, in place (no part streamed out of order, which only a script puts in place).
    await expect(page.locator('template[id^="B:"], div[hidden][id^="S:"]')).toHaveCount(0);
    await expect(page.locator('#pathway-chart-chart svg').first()).toBeAttached();
    await expect(page.locator('#similar-chart-chart svg').first()).toBeAttached();
    await expect(page.locator('[id^="trend-"][id$="-chart"] svg')).not.toHaveCount(0);
    // its deprivation: the inequalities section for the council, and the IMD 2019 summary under Context
    await expect(page.locator('[data-council-deprivation="E06000009"]')).toBeAttached();
    await expect(page.locator('section[aria-labelledby="context"]')).toContainText('IMD 2019 rank1 of 151 upper-tier councils');
    await context.close();
  });

  test('each headline figure links to its measure page with the area selected', async ({ page }) => {
    await page.goto('/areas/E06000009/');
    await page.locator('[data-measure="s47-enquiries"]').getByRole('link', { name: 'Section 47 enquiries' }).click();
    await expect(page).toHaveURL(/\/measures\/s47-enquiries\/\?areas=E06000009$/);
    await expect(page.getByRole('listitem').filter({ hasText: 'Blackpool' }).first()).toBeVisible();
  });

  test('a suppressed figure shows as missing with its reason, and the last published year', { tag: '@phone' }, async ({ page }) => {
    await page.goto('/areas/E06000053/');
    const cpp = page.locator('[data-measure="child-protection-plans"]');
    await expect(cpp.getByTestId('figure-child-protection-plans')).toHaveText('suppressed c');
    await expect(cpp).toContainText('Suppressed by DfE to protect confidentiality');
    await expect(cpp).toContainText('Last published figure: 31 March 2024');
    await expect(cpp).not.toContainText('highest of');
  });

  test('the pathway has a year control; the share kit follows the year', async ({ page }) => {
    await page.goto('/areas/E06000009/');
    const frame = page.locator('figure').filter({ has: page.getByRole('heading', { name: /The child protection pathway in Blackpool/ }) });
    await expect(frame.getByRole('heading', { level: 2 })).toContainText('2024-25');
    await frame.getByLabel('Year').selectOption('2020');
    await expect(frame.getByRole('heading', { level: 2 })).toContainText('2019-20');
    await expect(page).toHaveURL(/\?year=2020#?/);
    await expect(frame.locator('[data-step="referrals"] [data-series="area"]').first()).toHaveAttribute('data-value', /\d/);
  });

  test('the static charts are drawn on load, on a change of year and after client-side navigation', async ({ page }) => {
    // On load the build's drawing is kept (not hydrated); a change of state or a page reached by a
    // link inside the site has no such drawing and must be drawn in the browser.
    await page.goto('/areas/E06000009/');
    const pathway = page.locator('figure').filter({ has: page.getByRole('heading', { name: /The child protection pathway in Blackpool/ }) });
    const referrals = pathway.locator('[data-layout]:visible [data-step="referrals"] [data-series="area"]').first();
    const latest = await referrals.getAttribute('data-value');
    await pathway.getByLabel('Year').selectOption('2020');
    await expect(referrals).not.toHaveAttribute('data-value', latest!);
    await expect(pathway.locator('details table caption')).toContainText('2019-20');
    // A council's page reached by a link of the areas index (client-side navigation: the marker set
    // on the page survives): every static part has its drawing or its words.
    await page.goto('/areas/');
    await page.evaluate(() => ((window as unknown as { __stayed: boolean }).__stayed = true));
    await page.getByRole('link', { name: 'Hartlepool', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hartlepool');
    expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);
    const parts = page.locator('[data-static-part]');
    expect(await parts.count()).toBeGreaterThanOrEqual(20);
    for (const part of await parts.all()) expect(((await part.textContent()) ?? '').trim().length + (await part.locator('svg').count())).toBeGreaterThan(0);
    expect(await page.locator('figure [id$="-chart"] > [data-static-part]').count()).toBeGreaterThanOrEqual(5);
    for (const part of await page.locator('figure [id$="-chart"] > [data-static-part]').all()) expect(await part.locator('svg, table').count()).toBeGreaterThan(0);
    await expect(page.locator('section[aria-labelledby="similar"] [data-layout]:visible svg').first()).toBeVisible();
    await expect(page.getByTestId('figure-looked-after')).toHaveText(/\d/);
  });

  test('a trend card is drawn in the browser when the keyboard reaches it, keeps the focus and reads its cursor', async ({ page }) => {
    await page.goto('/areas/E06000009/');
    await page.waitForLoadState('networkidle');
    const card = page.locator('figure').filter({ has: page.getByRole('heading', { name: /^Children looked after/ }) }).first();
    // Far below the first screen: still the build's drawing, not hydrated.
    const chart = card.locator('[id$="-chart"] > [data-static-part]');
    await expect(chart).toHaveAttribute('data-static-part', '');
    const plot = card.locator('g[role="application"]:visible').first();
    await plot.focus();
    await expect(chart).toHaveAttribute('data-static-part', 'drawn');
    // The focus is on the redrawn chart's plot, where the arrow keys move the cursor.
    await expect(card.locator('g[role="application"]:visible').first()).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(chart.locator('[aria-live="polite"]')).toContainText(/31 March 2024: [0-9.]+ per 10,000 children.*Blackpool [0-9.]+/);
  });

  test("a trend card's break label opens its note under the chart, though the caption's words were kept from the build", async ({ page }) => {
    await page.goto('/areas/E06000009/');
    const card = page.locator('figure').filter({ has: page.locator('[data-break]') }).first();
    await card.scrollIntoViewIfNeeded();
    await expect(card.locator('[id$="-chart"] > [data-static-part]')).toHaveAttribute('data-static-part', 'drawn');
    const caption = card.locator('figcaption');
    await expect(caption).not.toContainText('Break in the series,');
    const mark = card.locator('[data-layout]:visible [data-break]').first();
    await mark.click();
    await expect(caption.locator('[aria-live="polite"]')).toContainText(/^Break in the series, \d{4}/);
    await expect(mark).toHaveAttribute('aria-pressed', 'true');
    await mark.click();
    await expect(caption).not.toContainText('Break in the series,');
    await expect(caption).toContainText(/Breaks? in the series:/);
  });

  test("the scatter's CSV, fetched from the file the build wrote, holds every council drawn with its published rate", async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.csv')) fetched.push(new URL(r.url()).pathname);
    });
    await page.goto('/areas/E06000009/');
    const frame = page.locator('figure').filter({ has: page.locator('#scatter-frame-title') });
    await frame.getByRole('button', { name: 'Download' }).click();
    expect(fetched).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'CSV data' }).click()]);
    expect(fetched).toEqual(['/inequalities/data/looked-after-rate-against-imd-councils-2025.csv']);
    expect(download.suggestedFilename()).toBe('looked-after-rate-against-imd-councils-2025.csv');
    const csv = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8'), { header: true, skipEmptyLines: true, delimiter: ',' });
    expect(csv.errors).toEqual([]);
    const layout = frame.locator('[data-layout]:visible').first();
    const drawn = await layout.locator('[data-codes], [data-selected][data-code]').evaluateAll((els) => els.flatMap((e) => (e.getAttribute('data-codes') ?? e.getAttribute('data-code') ?? '').split(' ').filter(Boolean)));
    expect(csv.data.filter((r) => r.status === 'ok' && r.area_code !== 'E92000001').map((r) => r.area_code).sort()).toEqual(drawn.sort());
    const published = readData('looked-after.csv').find((r) => r.measure === 'looked-after' && r.year === '2025' && r.area_code === 'E06000009')!.rate_per_10k;
    expect(csv.data.find((r) => r.area_code === 'E06000009')!.rate_per_10k).toBe(published);
    await expect(frame.getByRole('status')).toHaveText('Downloaded looked-after-rate-against-imd-councils-2025.csv');
  });

  test("the pathway's CSV download holds exactly the figures shown for the year chosen", async ({ page }) => {
    await page.goto('/areas/E06000009/?year=2020');
    const frame = page.locator('figure').filter({ has: page.getByRole('heading', { name: /The child protection pathway in Blackpool, 2019-20/ }) });
    await frame.getByRole('button', { name: 'Download' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'CSV data' }).click()]);
    expect(download.suggestedFilename()).toBe('blackpool-pathway-2020.csv');
    const text = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('area_code,area_name,year,period,measure,unit,value,status,status_meaning,rate_origin,source_id,source,break_note');
    expect(lines.filter((l) => l.startsWith('E06000009,Blackpool,2020,2019-20,')).length).toBe(8);
    expect(lines.some((l) => l.startsWith('E92000001,England,2020,2019-20,referrals,'))).toBe(true);
  });

  test("a former council's page leads to its successors", { tag: '@phone' }, async ({ page }) => {
    await page.goto('/areas/E10000021/');
    const note = page.getByTestId('former');
    await expect(note).toContainText('Northamptonshire no longer exists');
    await expect(note).toContainText('2009-10 to 2020-21');
    await note.getByRole('link', { name: 'West Northamptonshire' }).click();
    await expect(page).toHaveURL(/\/areas\/E06000062\/$/);
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    await expect(page.locator('section[aria-labelledby="history"]')).toContainText('Northamptonshire');
  });

  test("an older code (Barnsley's E08000016) leads to the current page, with and without JavaScript", async ({ browser, page }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto('/areas/E08000016/');
    await expect(noJs).toHaveURL(/\/areas\/E08000038\/$/);
    await context.close();
    const res = await page.request.get('/areas/E08000016/');
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/areas/E08000038/"');
    expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/areas\/E08000038\/"/);
    await page.goto('/areas/E08000016/');
    await expect(page).toHaveURL(/\/areas\/E08000038\/$/);
    await expect(page.locator('[data-measure="referrals"]')).toContainText('2024-25');
    await expect(page.locator('[data-council-deprivation="E08000016"]')).toBeAttached();
  });

  test('England and a region have their own pages', async ({ page }) => {
    await page.goto('/areas/E92000001/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('England');
    await expect(page.getByRole('heading', { name: 'The regions' })).toBeVisible();
    await page.getByRole('link', { name: 'North West', exact: true }).first().click();
    await expect(page).toHaveURL(/\/areas\/E12000002\/$/);
    await expect(page.getByRole('heading', { name: 'Councils in North West' })).toBeVisible();
    await expect(page.locator('[data-measure="looked-after"]')).toContainText(/of 9 regions/);
  });
});

test('keyboard only: from the home page to a council, its pathway year and its share kit', async ({ page }) => {
  await page.goto('/');
  /** Press Tab until the focused element passes `is` (evaluated in the page). */
  const tabUntil = async (is: (el: Element) => boolean, what: string, max = 60, key = 'Tab') => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(key);
      if (await page.evaluate((src) => new Function('el', `return (${src})(el)`)(document.activeElement), is.toString())) return;
    }
    throw new Error(`Tab never reached ${what} (${max} presses)`);
  };
  await tabUntil((el) => el.textContent === 'Areas' && el.tagName === 'A', 'the Areas link');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/areas\/$/);
  await tabUntil((el) => el.getAttribute('type') === 'search', 'the search box');
  await page.keyboard.type('Blackpool');
  await expect(page.getByTestId('search-results').getByRole('link', { name: 'Blackpool' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/areas\/E06000009\/$/);
  await tabUntil((el) => el.textContent === 'The pathway' && el.tagName === 'A', 'the pathway link');
  await page.keyboard.press('Enter');
  await tabUntil((el) => el.tagName === 'SELECT', 'the year control');
  await page.keyboard.press('ArrowDown'); // one year back
  await expect(page.getByRole('heading', { name: /The child protection pathway in Blackpool, 2023-24/ })).toBeVisible();
  // Back to the pathway's share kit (before the chart), and cite the year chosen.
  await tabUntil((el) => el.tagName === 'BUTTON' && el.textContent === 'Cite', "the pathway's Cite button", 8, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('pre[data-format="apa"]').filter({ hasText: 'child protection pathway, Blackpool' })).toContainText('2023-24');
});

test('the area embed shows the chart asked for, with its source and a link back', async ({ page }) => {
  await page.goto('/embed/areas/E06000009/?chart=pathway');
  await expect(page.getByRole('heading', { name: /The child protection pathway in Blackpool/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /and its 10 statistical neighbours/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Open this chart in/ })).toHaveAttribute('href', /\/areas\/E06000009\/#pathway$/);
  await page.goto('/embed/areas/E06000009/?chart=nonsense');
  await expect(page.getByRole('status')).toContainText('no chart “nonsense”');
  const oembed = await (await page.request.get('/oembed/areas/E06000009.json')).json();
  expect(oembed).toMatchObject({ type: 'rich', version: '1.0' });
  expect(oembed.html).toContain('/embed/areas/E06000009/');
  const card = await page.request.get('/og/areas/E06000009.png');
  expect(card.headers()['content-type']).toContain('image/png');
});

for (const url of ['/areas/', '/areas/E06000009/', '/areas/E92000001/', '/areas/E12000002/', '/areas/E10000021/', '/areas/E06000053/', '/areas/E08000016/', '/embed/areas/E06000009/']) {
  test(`axe-core finds no violations on ${url}`, { tag: '@phone' }, async ({ page }) => {
    if (url === '/areas/E08000016/') {
      // The page of an older code moves on at once (meta refresh, which React also renders once it runs): check it as it stands, without the refresh or scripts.
      const html = (await (await page.request.get(url)).text()).replace(/<meta http-equiv="refresh"[^>]*>/, '').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
      await page.route(`**${url}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    }
    await page.goto(url);
    if (url === '/areas/') await search(page).fill('north');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  });
}

test('no area page scrolls sideways on a phone', { tag: '@phone-only' }, async ({ page }) => {
  for (const url of ['/areas/', '/areas/E06000009/', '/areas/E92000001/', '/areas/E12000002/', '/areas/E10000021/', '/areas/E06000053/']) {
    await page.goto(url);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(over, url).toBeLessThanOrEqual(0);
    // every headline figure is on screen horizontally
    for (const box of await page.locator('[data-testid^="figure-"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(375);
  }
});
