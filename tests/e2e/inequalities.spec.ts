import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { checkExportedSvg } from './export-checks';
import { readData } from './helpers';

const PAGE = '/inequalities/';

/** Councils that existed in a year (areas.csv). */
const councilsIn = (year: number) => readData('areas.csv').filter((a) => a.level === 'la' && Number(a.first_year) <= year && (a.last_year === '' || Number(a.last_year) >= year));

/** Council codes drawn in the chart's visible layout: one-path dot lists (data-codes) and single marks. */
async function drawn(chart: Locator): Promise<string[]> {
  const layout = chart.locator('[data-layout]:visible').first();
  const lists = await layout.locator('[data-codes]').evaluateAll((els) => els.flatMap((e) => (e.getAttribute('data-codes') ?? '').split(' ').filter(Boolean)));
  const single = await layout.locator('[data-selected][data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!));
  return [...lists, ...single].sort();
}

/** Wait until a chart's interactive version has replaced the server-drawn one. */
async function live(page: Page, chart: 'gradient' | 'scatter' | 'adjusted' | 'gap') {
  const island = page.locator(`[data-island="${chart}"]`);
  await island.scrollIntoViewIfNeeded();
  await expect(island).toHaveAttribute('data-live', '');
  return island;
}

test('the default charts are in the HTML before any script runs', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(PAGE);
  for (const id of ['gradient-frame', 'scatter-frame', 'adjusted-frame', 'gap-frame']) await expect(page.locator(`#${id}-chart svg`).first()).toBeAttached();
  await expect(page.locator('#scatter-frame-title')).toContainText('Children looked after at 31 March: rate per 10,000 children against IMD 2019 average score, every council, 31 March 2025');
  await ctx.close();
});

test('the gradient draws ten deciles for each country and measure, with CWIP’s rates', async ({ page }) => {
  await page.goto(PAGE);
  const rows = readData('cwip.csv').filter((r) => r.source_id === 'cwip-final-report');
  const chart = page.locator('#gradient-frame-chart');
  for (const [panel, pattern] of [
    ['plans', /^CP[PR]/],
    ['looked-after', /^CLA/],
  ] as const) {
    for (const country of ['England', 'Wales']) {
      const marks = chart.locator(`[data-gradient-panel="${panel}"] [data-layout]:visible path[data-country="${country}"]`);
      await expect(marks).toHaveCount(10);
      const got = await marks.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-decile')), Number(e.getAttribute('data-value'))]));
      const want = rows.filter((r) => r.country === country && pattern.test(r.measure ?? '')).map((r) => [Number(r.decile), Number(r.rate_per_10k)]);
      expect(got.sort((a, b) => a[0]! - b[0]!)).toEqual(want.sort((a, b) => a[0]! - b[0]!));
    }
  }
  // the published ratios stay ratios, beside the chart, with their citations
  const figure = page.locator('[data-figure="cwip-published-ratios-3-1"]');
  await expect(figure).toContainText('more than 10 times');
  await expect(figure.getByRole('link')).toHaveAttribute('href', /basw\.co\.uk/);
  await expect(page.locator('[data-figure="cwip-published-ratios-1-1"]')).toContainText('around one in 60');
});

test('the scatter draws every council with a figure for the year and lists those without', async ({ page }) => {
  await page.goto(PAGE);
  const la = new Map(readData('looked-after.csv').filter((r) => r.measure === 'looked-after' && r.year === '2025').map((r) => [r.area_code, r]));
  const areas = councilsIn(2025);
  const withBoth = areas.filter((a) => la.get(a.code)?.rate_status === 'ok' && a.imd_avg_score !== '').map((a) => a.code).sort();
  const without = areas.filter((a) => !withBoth.includes(a.code)).map((a) => String(a.name));
  const chart = page.locator('#scatter-frame-chart');
  expect(await drawn(chart)).toEqual(withBoth);
  const notShown = chart.locator('[data-missing]');
  for (const name of without) await expect(notShown).toContainText(name);
  await expect(notShown).toContainText('City of London (suppressed)');
  await expect(notShown).toContainText('Cumberland (no IMD 2019 score: created in April 2023)');

  // With the share of children in the most deprived 10% (computed for every council), Cumberland is drawn.
  await live(page, 'scatter');
  await page.getByText('Most deprived 10%', { exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('x')).toBe('share');
  await expect.poll(async () => (await drawn(chart)).includes('E06000063')).toBe(true);
});

test('the year slider redraws the scatter and the year is kept in the link', async ({ page }) => {
  await page.goto(PAGE);
  await live(page, 'scatter');
  const slider = page.locator('#scatter').getByRole('slider');
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#scatter-frame-title')).toContainText('31 March 2015');
  await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2015');
  const la = readData('looked-after.csv').filter((r) => r.measure === 'looked-after' && r.year === '2015' && r.rate_status === 'ok');
  const scored = new Set(readData('areas.csv').filter((a) => a.imd_avg_score !== '').map((a) => a.code));
  const want = la.filter((r) => scored.has(r.area_code) && councilsIn(2015).some((a) => a.code === r.area_code)).map((r) => r.area_code).sort();
  await expect.poll(async () => drawn(page.locator('#scatter-frame-chart'))).toEqual(want);
});

test('keyboard: the scatter is one tab stop, arrows read councils aloud, Enter labels one and puts it in the link', async ({ page }) => {
  await page.goto(PAGE);
  const island = await live(page, 'scatter');
  const plot = island.locator('[data-layout]:visible [role="application"]');
  await plot.focus();
  await page.keyboard.press('Home');
  const liveText = island.locator('[aria-live="polite"][aria-atomic="true"]').first();
  await expect(liveText).toContainText(/per 10,000 children aged 0 to 17; IMD 2019 average score/);
  const first = (await liveText.textContent())!.split(':')[0]!;
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('areas')).toMatch(/^E\d{8}$/);
  await expect(island.locator(`[data-layout]:visible [data-label]`).filter({ hasText: first }).first()).toBeVisible();
  // the label is shared with the adjusted comparison
  const adjusted = await live(page, 'adjusted');
  await expect(adjusted.locator('[data-layout]:visible [data-selected]')).toHaveCount(1);
});

test('keyboard: tabbing into a drawn chart as its interactive version swaps in keeps focus on the same button', { tag: '@phone' }, async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.locator('[data-island="gradient"]')).toHaveAttribute('data-live', '');
  // Hold back what the gap chart loads (its code and figures) until the reader is on its button.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/(_next\/static\/chunks\/.*\.js|inequalities\/data\/.*\.json)$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.locator('#gap select').focus();
  await page.keyboard.press('Tab');
  const island = page.locator('[data-island="gap"]');
  await expect(island).not.toHaveAttribute('data-live', '');
  await expect(page.locator(':focus')).toHaveText('Copy link');
  release();
  await expect(island).toHaveAttribute('data-live', '');
  // The drawn button is gone; focus is on the interactive chart's, not left on the page.
  await expect(island.locator(':focus')).toHaveText('Copy link');
  await page.keyboard.press('Tab');
  await expect(island.locator(':focus')).toHaveText('Embed');
});

test('the adjusted comparison: every council drawn or listed, its funnel limits, and the caveat beside the chart', async ({ page }) => {
  await page.goto(PAGE);
  const chart = page.locator('#adjusted-frame-chart');
  await expect(chart.getByTestId('adjusted-caveat')).toContainText('Descriptive, not a judgement of performance');
  await expect(chart.getByTestId('adjusted-caveat')).toContainText('inverse intervention law');
  for (const key of ['upper998', 'upper95', 'lower95', 'lower998']) await expect(chart.locator(`[data-layout]:visible [data-limit="${key}"]`)).toHaveCount(1);
  const la = new Map(readData('looked-after.csv').filter((r) => r.measure === 'looked-after' && r.year === '2025').map((r) => [r.area_code, r]));
  const areas = councilsIn(2025);
  const drawnCodes = await drawn(chart);
  expect(drawnCodes).toEqual(areas.filter((a) => la.get(a.code)?.count_status === 'ok').map((a) => a.code).sort());
  await expect(chart.locator('[data-missing]')).toContainText('City of London (suppressed)');

  // The funnel narrows: at the smallest expected number the 95% band is wider than at the largest.
  const d = await chart.locator('[data-layout]:visible [data-limit="upper95"]').getAttribute('d');
  const ys = [...d!.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
  expect(ys[0]!).toBeLessThan(ys[ys.length - 1]!);

  // The table agrees with the chart: ratio = observed ÷ expected for every council.
  await page.getByText('Table of every council’s observed and expected numbers').click();
  const table = page.locator('#adjusted table');
  await expect(table.locator('tbody tr')).toHaveCount(areas.length);
  const row = table.locator('tbody tr', { hasText: 'Blackpool' });
  const cells = await row.locator('td').allTextContents();
  const [observed, expected, ratio] = [Number(cells[1]!.replace(/,/g, '')), Number(cells[2]!.replace(/,/g, '')), Number(cells[3])];
  expect(Math.abs(observed / expected - ratio)).toBeLessThan(0.02);
});

test('the gap chart compares the most and least deprived fifths of councils, and crosses breaks visibly', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.locator('#gap figure')).toContainText('A comparison of councils, not of neighbourhoods');
  await live(page, 'gap');
  await page.locator('#gap').getByLabel('Measure').selectOption('s47-enquiries');
  await expect.poll(() => new URL(page.url()).searchParams.get('gap')).toBe('s47-enquiries');
  await expect(page.locator('#gap-frame-title')).toContainText('Section 47 enquiries');
  await expect(page.locator('#gap figure')).toContainText('Break in the series, 2011-12 to 2012-13');
  await expect(page.locator('#gap-frame-chart [data-layout]:visible [data-break]').first()).toBeAttached();
});

test('a link with bad settings shows the defaults and says what was not understood; good settings are applied', async ({ page }) => {
  await page.goto(`${PAGE}?measure=%3Cscript%3E&x=poverty&year=1999&adj=referrals&zzz=1`);
  const notice = page.getByRole('status').filter({ hasText: 'not understood' });
  await expect(notice).toContainText('is not a measure on this page');
  await expect(notice).toContainText('“1999” is not a year with data');
  await expect(notice).toContainText('Ignored unknown setting “zzz”');
  await expect(page.locator('#scatter-frame-title')).toContainText('Children looked after');
  expect(await page.locator('script:not([src])').evaluateAll((els) => els.some((e) => e.textContent === 'x'))).toBe(false);

  await page.goto(`${PAGE}?measure=referrals&year=2016&x=idaci&areas=E06000009#scatter`);
  await expect(page.locator('#scatter-frame-title')).toContainText(/^Referrals to children.s social care: rate per 10,000 children against IDACI 2019/);
  await expect(page.locator('#scatter-frame-title')).toContainText('2015-16');
  await expect(page.locator('#scatter-frame-chart [data-layout]:visible [data-selected][data-code="E06000009"]')).toHaveCount(1);
});

test('the scatter’s CSV holds exactly the figures shown, and its SVG carries title and source', async ({ page }) => {
  await page.goto(PAGE);
  const island = await live(page, 'scatter');
  await island.getByRole('button', { name: 'Download', exact: true }).click();
  const [d] = await Promise.all([page.waitForEvent('download'), island.getByRole('button', { name: 'CSV data' }).click()]);
  const csv = Papa.parse<Record<string, string>>(readFileSync((await d.path())!, 'utf8'), { header: true, skipEmptyLines: true, delimiter: ',' });
  expect(csv.errors).toEqual([]);
  const shown = await drawn(island);
  expect(csv.data.filter((r) => r.status === 'ok' && r.area_code !== 'E92000001').map((r) => r.area_code).sort()).toEqual(shown);
  expect(csv.data.filter((r) => (r.status ?? '').startsWith('not shown')).length + shown.length + 1).toBe(csv.data.length);
  const blackpool = csv.data.find((r) => r.area_code === 'E06000009')!;
  expect(blackpool.rate_per_10k).toBe(readData('looked-after.csv').find((r) => r.measure === 'looked-after' && r.year === '2025' && r.area_code === 'E06000009')!.rate_per_10k);

  const [s] = await Promise.all([page.waitForEvent('download'), island.getByRole('button', { name: 'SVG image' }).click()]);
  const title = (await page.locator('#scatter-frame-title').textContent())!;
  await checkExportedSvg(page, readFileSync((await s.path())!, 'utf8'), { title, source: 'Department for Education, Children looked after in England including adoptions' });
});

test('each chart has an embed that shows the same view, minimal chrome and a link back', async ({ page }) => {
  await page.goto('/embed/inequalities/scatter/?measure=child-protection-plans&areas=E06000009');
  await expect(page.locator('header.site-header')).toHaveCount(0);
  await expect(page.locator('#scatter-frame-title')).toContainText('Children on a child protection plan');
  await expect(page.getByRole('link', { name: /Open this chart/ })).toHaveAttribute('href', /\/inequalities\/\?measure=child-protection-plans&areas=E06000009#scatter$/);
  for (const chart of ['gradient', 'adjusted', 'gap']) {
    await page.goto(`/embed/inequalities/${chart}/`);
    await expect(page.locator(`#${chart}-frame-chart svg:visible`).first()).toBeVisible();
  }
});

for (const url of [PAGE, '/embed/inequalities/adjusted/']) {
  test(`axe-core finds no violations on ${url} (charts live, a table open)`, { tag: '@phone' }, async ({ page }) => {
    await page.goto(`${url}${url === PAGE ? '?areas=E06000009' : ''}`);
    if (url === PAGE) {
      for (const chart of ['gradient', 'scatter', 'adjusted', 'gap'] as const) await live(page, chart);
      await page.getByText('Table of every council’s figures').click();
      await expect(page.locator('#scatter table')).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  });
}

test('at 375 px nothing scrolls sideways', { tag: '@phone-only' }, async ({ page }) => {
  await page.goto(PAGE);
  for (const chart of ['gradient', 'scatter', 'adjusted', 'gap'] as const) await live(page, chart);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('with a council labelled, its neighbourhood profile is drawn against England’s (and its embed shows it)', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.locator('[data-profile-prompt]')).toBeVisible();
  await page.goto(`${PAGE}?areas=E06000009#profile`);
  const frame = page.locator('#profile');
  await expect(frame.locator('#profile-frame-title')).toContainText('Where Blackpool’s children live');
  const rows = readData('deprivation-deciles.csv').filter((r) => r.index === 'imd-2019' && r.area_code === 'E06000009');
  await frame.getByText('Show as a table').click();
  const first = frame.locator('table tbody tr').first();
  await expect(first).toContainText(`${(Number(rows[0]!.share_of_children) * 100).toFixed(1)}%`);
  await expect(frame.locator('table tbody tr')).toHaveCount(10);
  await page.goto('/embed/inequalities/profile/?areas=E06000009');
  await expect(page.locator('#profile-frame-title')).toContainText('Blackpool');
});
