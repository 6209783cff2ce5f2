import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { missingItems, RankChart, rankItems, type RankChartProps, type RankItem } from '@/components/charts/RankChart';
import { formatRate } from '@/lib/format';
import { funnelLimits } from '@/lib/stats/funnel';
import type { Cell } from '@/lib/status';

const v = (value: number): Cell => ({ kind: 'value', value });

const items: RankItem[] = [
  { code: 'A', name: 'Avon', regionCode: 'E12000009', cell: v(120), population: 40_000 },
  { code: 'B', name: 'Barset', regionCode: 'E12000009', cell: v(300), population: 60_000 },
  { code: 'C', name: 'Casterbridge', regionCode: 'E12000008', cell: v(80), population: 25_000 },
  { code: 'D', name: 'Deira', regionCode: 'E12000001', cell: v(150), population: 90_000 },
  { code: 'E', name: 'Elmet', regionCode: 'E12000003', cell: v(150), population: 55_000 },
  { code: 'F', name: 'Forden', regionCode: 'E12000003', cell: { kind: 'missing', status: 'x' }, population: 30_000 },
  { code: 'G', name: 'Gwent Parva', cell: undefined, population: 20_000 },
  { code: 'H', name: 'Hexton', regionCode: 'E12000001', cell: v(200), population: 150_000 },
  { code: 'I', name: 'Isle', regionCode: 'E12000008', cell: { kind: 'missing', status: 'c' } },
];

const base: RankChartProps = {
  items,
  england: 160,
  regions: [
    { code: 'E12000009', name: 'South West', value: 170 },
    { code: 'E12000001', name: 'North East', value: 180 },
  ],
  selected: ['E12000001', 'B'],
  mode: 'dots',
  unitLabel: 'per 10,000 children aged 0 to 17',
  formatValue: formatRate,
  width: 600,
};

const render = (p: Partial<RankChartProps> = {}) => renderToStaticMarkup(createElement(RankChart, { ...base, ...p }));
const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1];
const drawn = (html: string) =>
  [...html.matchAll(/<(?:circle|path)[^>]*data-code="([^"]+)"[^>]*>/g)].map((m) => ({ code: m[1]!, rank: Number(attr(m[0], 'data-rank')), cx: Number(attr(m[0], 'cx') ?? NaN), tag: m[0] }));

describe('RankChart: ranking', () => {
  it('ranks from the highest, ties sharing the better rank', () => {
    expect(rankItems(items).map((r) => [r.code, r.rank])).toEqual([
      ['B', 1],
      ['H', 2],
      ['D', 3],
      ['E', 3],
      ['A', 5],
      ['C', 6],
    ]);
    expect(rankItems(items)[0]!.of).toBe(6);
  });

  it('draws councils left to right from lowest to highest', () => {
    const html = render({ selected: [] });
    const dots = drawn(html);
    expect(dots.map((d) => d.code)).toEqual(['C', 'A', 'D', 'E', 'H', 'B']);
    const xs = dots.map((d) => d.cx);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(dots.map((d) => d.rank)).toEqual([6, 5, 3, 3, 2, 1]);
  });

  it('the tooltip and live region give value, rank of all drawn councils, and region', () => {
    const html = render({ cursor: 'D', onCursorChange: () => {} });
    expect(html).toMatch(/aria-live="polite"[^>]*>Deira: 150 per 10,000 children aged 0 to 17; joint 3rd highest of 6; North East\.</);
    expect(html).toContain('joint 3rd highest of 6');
  });

  it('y axis from zero, England as a labelled reference line, regions labelled', () => {
    const html = render();
    expect(html).toContain('data-y-tick="0"');
    expect(html).toContain('England 160');
    expect(html).toMatch(/data-region="E12000001"/);
    expect(html).toContain('North East');
  });
});

describe('RankChart: missing figures', () => {
  it('lists councils without a figure, and does not draw them', () => {
    const html = render();
    const codes = drawn(html).map((d) => d.code);
    expect(codes).not.toContain('F');
    expect(codes).not.toContain('G');
    expect(codes).not.toContain('I');
    expect(html).toContain('Not shown: Forden (not available), Gwent Parva (no figure published), Isle (suppressed).');
  });

  it('missingItems gives the same list to a parent; a funnel also needs a population', () => {
    expect(missingItems(items).map((m) => m.code)).toEqual(['F', 'G', 'I']);
    const noPop = [...items, { code: 'J', name: 'Jorvik', cell: v(100) }];
    expect(missingItems(noPop, 'funnel').find((m) => m.code === 'J')?.reason).toBe('no child population figure');
    expect(missingItems(noPop, 'dots').find((m) => m.code === 'J')).toBeUndefined();
  });
});

describe('RankChart: selection and keyboard affordances', () => {
  it('highlights and names selected councils (styles skip region codes)', () => {
    const html = render();
    const b = drawn(html).find((d) => d.code === 'B')!;
    expect(b.tag).toContain('data-selected');
    // first selected council (after skipping the region code) takes the first area colour
    expect(b.tag).toContain('fill="#C08000"');
    expect(html).toMatch(/<text[^>]*>Barset<\/text>/);
  });

  it('is one tab stop when interactive, none when static', () => {
    expect(render({ onCursorChange: () => {}, onSelect: () => {} }).match(/tabindex="0"/g)).toHaveLength(1);
    expect(render()).not.toContain('tabindex');
  });
});

describe('RankChart: funnel', () => {
  it('draws the four limit lines and England’s centre line', () => {
    const html = render({ mode: 'funnel' });
    const limits = [...html.matchAll(/<path[^>]*data-limit="(\w+)"[^>]*>/g)];
    expect(limits.map((m) => m[1])).toEqual(['upper998', 'upper95', 'lower95', 'lower998']);
    for (const m of limits) expect(attr(m[0], 'd')!.length).toBeGreaterThan(20);
    expect(html).toContain('England 160');
    expect(html).toContain('99.8% limits');
    expect(html).toContain('unlikely to differ only by chance');
  });

  it('the upper 95% limit sits between the centre line and the upper 99.8% limit', () => {
    const html = render({ mode: 'funnel' });
    const firstY = (key: string) => Number(html.match(new RegExp(`d="M[\\d.]+,([\\d.]+)[^"]*" data-limit="${key}"`))![1]);
    // smaller y = higher on screen
    expect(firstY('upper998')).toBeLessThan(firstY('upper95'));
    expect(firstY('lower95')).toBeLessThan(firstY('lower998'));
  });

  it('classifies councils in the tooltip', () => {
    const html = render({ mode: 'funnel', cursor: 'B', onCursorChange: () => {} });
    // Barset: 300 per 10,000 with 60,000 children vs England 160 → far above the 99.8% limit
    expect(funnelLimits(160, 60_000).upper998).toBeLessThan(300);
    expect(html).toContain('above the 99.8% limit');
    expect(html).toContain('60,000 children aged 0 to 17');
  });

  it('says so instead of drawing when there are no populations, or no England rate', () => {
    const noPop = render({ mode: 'funnel', items: items.map((i) => ({ ...i, population: undefined })) });
    expect(noPop).not.toContain('<svg');
    expect(noPop).toContain('A funnel plot needs each council’s number of children');
    const noEngland = render({ mode: 'funnel', england: undefined });
    expect(noEngland).not.toContain('data-limit');
    expect(noEngland).toContain('needs England’s rate');
  });

  it('leaves out councils without a population, and says so', () => {
    const html = render({ mode: 'funnel' });
    expect(drawn(html).map((d) => d.code)).not.toContain('I');
    expect(html).toContain('Isle (suppressed)');
  });
});

describe('RankChart: layouts', () => {
  it('three layouts without a width', () => {
    const html = render({ width: undefined });
    expect([...html.matchAll(/data-layout="(\d+)"/g)].map((m) => m[1])).toEqual(['360', '600', '920']);
  });
});

describe('RankChart on a phone (issue 12, item 6)', () => {
  const many: RankItem[] = Array.from({ length: 150 }, (_, i) => ({ code: `L${i}`, name: `Council ${String(i).padStart(3, '0')}`, cell: v(50 + i * 3), population: 20_000 + i * 500 }));
  const phone = (p: Partial<RankChartProps> = {}) => render({ items: many, selected: ['L40', 'L90'], width: 360, regions: [], ...p });

  it('names the highest and the lowest council (with their values) as well as the selected ones', () => {
    const html = phone();
    const labelled = [...html.matchAll(/<g data-label="([^"]+)"( data-extreme="")?>.*?<text[^>]*>([^<]+)<\/text>/g)].map((m) => [m[1], !!m[2], m[3]]);
    expect(labelled).toEqual(
      expect.arrayContaining([
        ['L40', false, 'Council 040'],
        ['L90', false, 'Council 090'],
        ['L149', true, 'Council 149 497'],
        ['L0', true, 'Council 000 50'],
      ]),
    );
    expect(phone({ mode: 'funnel', england: 200 })).toContain('data-extreme');
  });

  it('draws ~150 dots at least 2.4 units across each on a 360-unit layout (not 3-4 px specks)', () => {
    const radii = [...phone().matchAll(/<circle[^>]* r="([\d.]+)"[^>]*data-code="[^"]+"/g)].map((m) => Number(m[1]));
    expect(radii).toHaveLength(148);
    expect(Math.min(...radii)).toBeGreaterThanOrEqual(2.4);
  });

  it('lists every council, highest first, as touch-sized buttons that toggle the selection', () => {
    const html = phone({ onSelect: () => {}, onCursorChange: () => {} });
    const list = html.match(/<details[^>]*data-rank-list="">(.*?)<\/details>/)![1]!;
    expect(list).toContain('All 150 councils as a list, highest first');
    const rows = [...list.matchAll(/<li data-code="([^"]+)"><button type="button"[^>]*aria-pressed="(true|false)"/g)].map((m) => [m[1], m[2]]);
    expect(rows).toHaveLength(150);
    expect(rows[0]).toEqual(['L149', 'false']);
    expect(rows[149]).toEqual(['L0', 'false']);
    expect(rows.filter((r) => r[1] === 'true').map((r) => r[0]).sort()).toEqual(['L40', 'L90']);
    // without onSelect (an embed) the list reads but offers no buttons; a static chart has no list
    expect(phone({ onCursorChange: () => {} })).not.toMatch(/data-rank-list[^]*<button/);
    expect(phone()).not.toContain('data-rank-list');
  });

  it('a selected region does not shift the councils’ styles (they match the trend chart)', () => {
    const html = phone({ selected: ['E12000001', 'L40'] });
    expect(html).toMatch(/<path[^>]*fill="#C08000"[^>]*data-code="L40"/);
  });
});
