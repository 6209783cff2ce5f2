import { expect, test, type APIRequestContext } from '@playwright/test';
import { DOWNLOAD_TABLES } from '../../lib/data/catalog';
import { areasTable, measuresTable, sourcesTable } from '../../lib/schema/tables';
import { SITE_URL } from '../../lib/site';
import { csvTable, expectRowsMatch, rowProblems } from './api-checks';
import { readData } from './helpers';

/** The static JSON API (/api/v1/), fetched from the served export and read back against data/. */

const measures = readData('measures.csv');
const areas = readData('areas.csv');
const latestPublished = (() => {
  // The data's own date, not the build's: the latest "Month YYYY" in sources.csv.
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const key = (p: string) => {
    const m = [...p.matchAll(/(?:([A-Z][a-z]+) )?(\d{4})/g)].pop();
    return m ? Number(m[2]) * 12 + (m[1] ? months.indexOf(m[1]) + 1 : 0) : -1;
  };
  return readData('sources.csv').reduce((a, b) => (key(b.published!) > key(a.published!) ? b : a)).published;
})();

async function getJson(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()['content-type'], path).toContain('application/json');
  return (await res.json()) as Record<string, unknown> & { rows?: Record<string, unknown>[] };
}

function expectEnvelope(body: Record<string, unknown>, resource: string) {
  expect(body).toMatchObject({
    api_version: 'v1',
    resource,
    documentation: `${SITE_URL}/data/#api`,
    datapackage: `${SITE_URL}/data/datapackage.json`,
    data_refreshed: latestPublished,
  });
}

test('measures.json is the catalogue: every row of measures.csv, typed', async ({ request }) => {
  const body = await getJson(request, '/api/v1/measures.json');
  expectEnvelope(body, 'measures');
  expect(body.item_url).toBe('/api/v1/measures/{id}.json');
  expectRowsMatch('measures.json', csvTable(measuresTable as never), body.measures as never, measures);
  const first = (body.measures as Record<string, unknown>[])[0]!;
  expect(typeof first.first_year).toBe('number');
  expect(typeof first.has_rate).toBe('boolean');
  expect(Array.isArray(first.sources)).toBe(true);
});

test('each measure file holds every area × year of its measure, equal to its CSV row for row, with the sources cited', async ({ request }) => {
  const sources = csvTable(sourcesTable as never);
  for (const m of measures) {
    const table = DOWNLOAD_TABLES.find((t) => t.file === m.file)!;
    const t = csvTable(table);
    const body = await getJson(request, `/api/v1/measures/${m.id}.json`);
    expectEnvelope(body, m.file!.replace(/\.csv$/, ''));
    expect(body.licence).toBe(table.licence);
    expect((body.measure as Record<string, unknown>).id).toBe(m.id);
    const csv = t.rows.filter((r) => r.measure === m.id);
    expect(csv.length, m.id).toBeGreaterThan(0);
    expectRowsMatch(`${m.id}.json`, t, body.rows!, csv);
    // every source a row cites, and every catalogue source, is in the file, as in sources.csv
    const cited = new Set([...csv.map((r) => r.source_id!), ...m.sources!.split('|')]);
    const inFile = sources.rows.filter((s) => cited.has(s.source_id!));
    expectRowsMatch(`${m.id}.json sources`, sources, body.sources as never, inFile);
  }
});

test('a suppressed figure is null with its DfE code, never 0; a published one is a number with its origin', async ({ request }) => {
  const csv = readData('looked-after.csv');
  const suppressed = csv.find((r) => r.measure === 'looked-after' && r.count_status === 'c')!;
  const england = csv.find((r) => r.measure === 'looked-after' && r.area_code === 'E92000001' && r.year === '2025')!;
  const rows = (await getJson(request, '/api/v1/measures/looked-after.json')).rows!;
  const find = (r: Record<string, string>) => rows.find((x) => x.area_code === r.area_code && x.year === Number(r.year));
  expect(find(suppressed)).toMatchObject({ count: null, count_status: 'c' });
  expect(find(england)).toMatchObject({ count: Number(england.count), count_status: 'ok', rate_per_10k: Number(england.rate_per_10k), rate_origin: england.rate_origin });
});

test('areas.json lists every area, and each area file holds its rows of every table cut by area', async ({ request }) => {
  const index = await getJson(request, '/api/v1/areas.json');
  expectEnvelope(index, 'areas');
  expect(index.item_url).toBe('/api/v1/areas/{code}.json');
  const areaT = csvTable(areasTable as never);
  expectRowsMatch('areas.json', areaT, index.areas as never, areas);

  const byArea = DOWNLOAD_TABLES.map(csvTable).filter((t) => t.fields.some((f) => f.name === 'area_code'));
  expect(byArea.map((t) => t.table.file)).toEqual(expect.arrayContaining(['children-in-need.csv', 'section-47.csv', 'looked-after.csv', 'population.csv']));
  const problems: string[] = [];
  const names = byArea.map((t) => t.table.file.replace(/\.csv$/, ''));
  for (const a of areas) {
    const body = await getJson(request, `/api/v1/areas/${a.code}.json`);
    expectEnvelope(body, 'areas');
    problems.push(...rowProblems(`${a.code}.json area`, areaT, [body.area as never], [a]));
    const tables = body.tables as Record<string, { licence: string; rows: Record<string, unknown>[] }>;
    if (Object.keys(tables).join() !== names.join()) problems.push(`${a.code}.json: tables ${Object.keys(tables).join()}`);
    byArea.forEach((t, i) => {
      const got = tables[names[i]!];
      if (got?.licence !== t.table.licence) problems.push(`${a.code}.json ${names[i]}: licence`);
      problems.push(...rowProblems(`${a.code}.json ${names[i]}`, t, got?.rows ?? [], t.rows.filter((r) => r.area_code === a.code)));
    });
  }
  expect(problems.slice(0, 10)).toEqual([]);
});

test('/data/ documents the API with sizes of the real files and an excerpt cut from them', { tag: '@phone' }, async ({ page, request }) => {
  await page.goto('/data/');
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'JSON API', level: 2 }) });
  // Read where a reader reads it: the page's sections are laid out (and have innerText) only near the screen.
  const block = section.getByTestId('api-excerpt');
  await block.scrollIntoViewIfNeeded();
  await expect.poll(() => block.innerText()).toContain('"rows"'); // laid out in the frame after the scroll
  const excerpt = JSON.parse((await block.innerText()).replace(/,\s*…/, '')) as { rows: Record<string, unknown>[] };
  const id = measures[0]!.id!;
  const rows = (await getJson(request, `/api/v1/measures/${id}.json`)).rows!;
  expect(excerpt.rows).toHaveLength(2);
  for (const r of excerpt.rows) expect(rows).toContainEqual(r);
  expect(excerpt.rows[0]).toMatchObject({ area_code: 'E92000001', count_status: 'ok' });
  expect(excerpt.rows[1]).toMatchObject({ count: null });
  expect(excerpt.rows[1]!.count_status).not.toBe('ok');
  // the catalogue's size as stated is the size served
  const served = (await (await request.get('/api/v1/measures.json')).body()).length;
  await expect(section.getByRole('listitem').filter({ hasText: '/api/v1/measures.json' })).toContainText(`${Math.ceil(served / 1024)} kB`);
  await expect(section).toContainText(`curl -s ${SITE_URL}/api/v1/measures/${id}.json`);
  // nothing on the page scrolls sideways, at either width
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
});
