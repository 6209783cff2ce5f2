import { expect, test } from '@playwright/test';
import { readData } from './helpers';

/**
 * Every page says when the data were last refreshed and from which releases, read from
 * sources.csv (never the build date), and when DfE says it will next update the figures, as DfE's
 * LAIT data dictionary states (updates.csv), with a warning that a passed date may mean newer figures.
 */
const sources = readData('sources.csv');
const measures = readData('measures.csv');
const population = readData('population.csv');
const updates = readData('updates.csv');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const order = (published: string) => {
  const m = [...published.matchAll(/(?:([A-Z][a-z]+) )?(\d{4})/g)].pop();
  return m ? Number(m[2]) * 12 + (m[1] ? MONTHS.indexOf(m[1]) + 1 : 0) : -1;
};
const latest = (rows: Record<string, string>[]) => rows.reduce((a, b) => (order(b.published!) > order(a.published!) ? b : a));

// The series the statistics come from: the catalogue's sources and the population denominators'.
const cited = new Set([...measures.flatMap((m) => m.sources!.split('|')), ...population.map((p) => p.source_id!)]);
const series = [...new Set(sources.filter((s) => cited.has(s.source_id!)).map((s) => s.series!))];

for (const url of ['/', '/measures/', '/measures/looked-after/', '/data/', '/methodology/', '/no-such-page/']) {
  test(`${url} says when the data were last refreshed, from which releases, and DfE's next update dates`, async ({ page }) => {
    await page.goto(url);
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByTestId('freshness')).toContainText(`Data last refreshed ${latest(sources).published}`);
    // one entry per series, naming a release of the latest month published in that series, linked to its page
    const ids = await footer.locator('[data-source]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')!));
    const shown = ids.map((id) => sources.find((s) => s.source_id === id)!);
    expect(shown.map((s) => s.series).sort()).toEqual([...series].sort());
    for (const s of shown) {
      expect(order(s.published!)).toBe(order(latest(sources.filter((x) => x.series === s.series)).published!));
      const entry = footer.locator(`[data-source="${s.source_id}"]`);
      await expect(entry).toContainText(`${s.series} (${s.published})`);
      if (s.url) await expect(entry.getByRole('link', { name: s.series })).toHaveAttribute('href', s.url);
    }
    const next = footer.getByTestId('next-release');
    await expect(next).toContainText("DfE’s LAIT data dictionary gives the next updates as");
    // children in need and children looked after, as the dictionary dates them (YYYY-MM-DD → "October 2026")
    for (const id of ['children-in-need', 'looked-after']) {
      const [y, m] = updates.find((u) => u.measure === id)!.next_update!.split('-');
      await expect(next).toContainText(`${MONTHS[Number(m) - 1]} ${y}`);
    }
    await expect(next).toContainText('If a date has passed, newer figures may be out that this site does not yet hold');
  });
}
