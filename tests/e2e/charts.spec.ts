import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readData } from './helpers';

/**
 * The chart layer in a real browser: the trend cursor reads every line (hover, touch and keyboard),
 * eight selected areas are eight different lines, and the ranked chart works by touch on a phone.
 */

const S47 = '/measures/s47-enquiries/';
const rows = readData('section-47.csv').filter((r) => r.measure === 's47-enquiries');
const names = new Map(readData('areas.csv').map((a) => [a.code, a.name]));
const rateOf = (code: string, year: number) => rows.find((r) => r.area_code === code && r.year === String(year));
const num = (s: string) => Number(s.replace(/,/g, ''));
const visibleLayout = (page: Page, view: 'chart' | 'rank' = 'chart') => page.locator(`main figure[aria-labelledby^="${view}-"] [data-layout]:visible`).first();
/** The page is static HTML of the default view until the client reads the URL: wait for the areas asked for. */
async function ready(page: Page, codes: readonly string[]) {
  const list = page.getByRole('list', { name: 'Areas compared' });
  for (const c of codes) await expect(list).toContainText(names.get(c)!);
}
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function pointAtYear(layout: Locator, year: number, fy = 0.45) {
  const tick = await layout.locator(`line[data-year="${year}"]`).boundingBox();
  const plot = await layout.locator('g[role="application"] rect').first().boundingBox();
  return { x: tick!.x + tick!.width / 2, y: plot!.y + plot!.height * fy };
}

test.describe('trend chart cursor (issue 12, item 4)', () => {
  const AREAS = ['E06000009', 'E09000012', 'E10000016'];

  test('hovering a year lists every line at that year with its DfE figure, beside the cursor and off the quote markers', async ({ page }) => {
    await page.goto(`${S47}?areas=${AREAS.join(',')}`);
    await ready(page, AREAS);
    const layout = visibleLayout(page);
    await layout.scrollIntoViewIfNeeded();
    // 2019-20: the year a BBC quote speaks of, so the cursor sits right over its marker
    const at = await pointAtYear(layout, 2020);
    await page.mouse.move(at.x - 3, at.y);
    await page.mouse.move(at.x, at.y);
    const tip = layout.locator('[data-tooltip]');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('2019-20');
    const listed = await tip.locator('[data-tt-series]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-tt-series'), e.querySelector('strong')?.textContent ?? '']));
    expect(listed.map((l) => l[0]).sort()).toEqual(['E92000001', ...AREAS].sort());
    for (const [code, text] of listed) expect(num(text!)).toBeCloseTo(Number(rateOf(code!, 2020)!.rate_per_10k), 1);
    // sorted by value, highest first
    const values = listed.map((l) => num(l[1]!));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    // it covers none of the quote markers under the axis, and none of the points at the cursor
    const box = (await tip.boundingBox())!;
    for (const q of await layout.locator('[data-quote]').all()) expect(overlaps(box, (await q.boundingBox())!)).toBe(false);
    for (const c of await layout.locator('circle[class*="cursor"]').all()) expect(overlaps(box, (await c.boundingBox())!)).toBe(false);
  });

  test('the keyboard moves the cursor by year and line, and the live region reads every line', async ({ page }) => {
    await page.goto(`${S47}?areas=${AREAS.join(',')}`);
    await ready(page, AREAS);
    const plot = visibleLayout(page).locator('g[role="application"]');
    await plot.focus();
    const live = page.locator('main figure div[aria-live="polite"][aria-atomic="true"]').first();
    await page.keyboard.press('End');
    await expect(live).toContainText('England, 2024-25:');
    await page.keyboard.press('ArrowLeft');
    await expect(live).toContainText('England, 2023-24:');
    for (const code of AREAS) await expect(live).toContainText(names.get(code)!);
    await page.keyboard.press('ArrowDown');
    await expect(live).toHaveText(new RegExp(`^${names.get(AREAS[0]!)}, 2023-24: [\\d,.]+ per 10,000 children aged 0 to 17\\. Also: `));
    await expect(visibleLayout(page).locator('[data-tooltip]')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(live).toHaveText('');
    await expect(visibleLayout(page).locator('[data-tooltip]')).toHaveCount(0);
  });

  test('eight selected areas and England: nine lines, no two with the same dash and marker', async ({ page }) => {
    const eight = ['E06000009', 'E06000001', 'E09000012', 'E10000016', 'E08000003', 'E08000025', 'E08000035', 'E06000004'];
    await page.goto(`${S47}?areas=${eight.join(',')}`);
    await ready(page, eight);
    const key = JSON.parse((await page.locator('main figure [data-export-legend]').first().getAttribute('data-export-legend'))!) as { items: { label: string; line?: { colour: string; dash?: string }; marker?: { d: string } }[] };
    const lines = key.items.filter((i) => i.line);
    expect(lines.map((l) => l.label)).toEqual(['England', ...eight.map((c) => names.get(c))]);
    const shape = (d: string) => d.replace(/[-\d.]+/g, '#');
    expect(new Set(lines.map((l) => `${l.line!.dash ?? 'solid'}|${shape(l.marker!.d)}`)).size).toBe(9);
    // and on the chart itself: Blackpool and Stockton-on-Tees drawn differently
    const look = (code: string) => visibleLayout(page).locator(`[data-series="${code}"] path[data-from]`).first().evaluate((e) => [e.getAttribute('stroke'), e.getAttribute('stroke-dasharray')]);
    expect(await look('E06000009')).not.toEqual(await look('E06000004'));
  });
});

test.describe('on a phone (375 px)', () => {
  test.use({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });

  test('tapping the trend chart shows every line at that year, inside the screen', async ({ page }) => {
    await page.goto(`${S47}?areas=E06000009,E09000012`);
    await ready(page, ['E06000009', 'E09000012']);
    const layout = visibleLayout(page);
    await layout.scrollIntoViewIfNeeded();
    const at = await pointAtYear(layout, 2016, 0.5);
    await page.touchscreen.tap(at.x, at.y);
    const tip = layout.locator('[data-tooltip]');
    await expect(tip).toBeVisible();
    await expect(tip.locator('[data-tt-series]')).toHaveCount(3);
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  test('rank: the selected councils and the highest and lowest are named; a tap shows a council, a second tap adds it', async ({ page }) => {
    await page.goto(`${S47}?view=rank&areas=E06000009,E09000012`);
    const layout = visibleLayout(page, 'rank');
    await expect(layout.locator('svg')).toBeVisible();
    await expect(layout).toHaveAttribute('data-layout', '360');
    const y2025 = rows.filter((r) => r.year === '2025' && r.rate_status === 'ok' && !/^E(12|92)/.test(r.area_code ?? '')).sort((a, b) => Number(a.rate_per_10k) - Number(b.rate_per_10k));
    const lowest = names.get(y2025[0]!.area_code)!;
    const highest = names.get(y2025[y2025.length - 1]!.area_code)!;
    const labels = await layout.locator('[data-label] text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Blackpool', 'Hackney', expect.stringContaining(highest), expect.stringContaining(lowest)]));
    // every name is inside the screen
    for (const t of await layout.locator('[data-label] text').all()) {
      const b = (await t.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(375);
    }

    await layout.scrollIntoViewIfNeeded();
    const plot = (await layout.locator('g[role="application"] rect').first().boundingBox())!;
    const x = plot.x + plot.width * 0.3;
    const y = plot.y + plot.height * 0.6;
    await page.touchscreen.tap(x, y);
    const tip = layout.locator('[data-tooltip]');
    await expect(tip).toBeVisible();
    const name = (await tip.locator('strong').first().textContent())!;
    expect(name).not.toMatch(/Blackpool|Hackney/);
    await expect(tip).toContainText('tap again');
    // a second tap a few pixels off (the dots are ~2 px apart) selects the council shown, not a neighbour
    await page.touchscreen.tap(x + 4, y);
    await expect(page.getByRole('list', { name: 'Areas compared' })).toContainText(name);
    await expect.poll(() => new URL(page.url()).searchParams.get('areas')?.split(',').length).toBe(3);
  });

  test('rank: every council is in a list of touch-sized buttons that add it to the comparison', async ({ page }) => {
    await page.goto(`${S47}?view=rank&areas=E06000009`);
    const list = page.locator('[data-rank-list]');
    await list.locator('summary').tap();
    const buttons = list.getByRole('button');
    await expect(buttons).toHaveCount(152);
    await expect(list.getByRole('button', { name: /Blackpool/ })).toHaveAttribute('aria-pressed', 'true');
    const leeds = list.getByRole('button', { name: /Leeds/ });
    const box = (await leeds.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await leeds.tap();
    await expect.poll(() => new URL(page.url()).searchParams.get('areas')).toBe('E06000009,E08000035');
    await expect(leeds).toHaveAttribute('aria-pressed', 'true');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
