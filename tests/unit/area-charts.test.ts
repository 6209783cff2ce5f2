import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NeighboursChart, type NeighbourStrip } from '@/components/charts/NeighboursChart';
import { PathwayChart } from '@/components/charts/PathwayChart';
import { describePathway, neighboursShare, pathwayShare } from '@/lib/areas/share';
import { stepConversionText } from '@/lib/areas/words';
import { areaPageData } from '@/lib/data/area-page';
import { formatRate } from '@/lib/format';

const v = (value: number) => ({ kind: 'value' as const, value });

describe('PathwayChart: a bar per series and step, a zero drawn, a missing figure in words', () => {
  const html = renderToStaticMarkup(
    createElement(PathwayChart, {
      series: [
        { key: 'area', label: 'Isles of Scilly' },
        { key: 'england', label: 'England' },
      ],
      steps: [
        { key: 'referrals', label: 'Referrals', values: [v(1003.1), v(519.4)] },
        { key: 'icpcs', label: 'ICPCs', values: [v(0), v(59.2)] },
        { key: 'cpp-starts', label: 'Plans started', values: [{ kind: 'missing', status: 'c' }, v(50.8)] },
      ],
      conversions: ['1 conference for every 4 referrals', undefined],
      unitLabel: 'per 10,000 children',
      formatValue: formatRate,
      width: 600,
    }),
  );
  const group = (step: string, series: string) => new RegExp(`<g data-step="${step}">.*?<g data-series="${series}" data-value="([^"]*)">(.*?)</g>`).exec(html);
  it('draws every figure as a bar with its value', () => {
    expect(group('referrals', 'area')![1]).toBe('1003.1');
    expect(group('referrals', 'area')![2]).toMatch(/<rect[^>]*>(<\/rect>)?<text[^>]*>1,003.1<\/text>/);
  });
  it('draws a zero as a bar of no length, labelled 0', () => {
    expect(group('icpcs', 'area')![1]).toBe('0');
    expect(group('icpcs', 'area')![2]).toMatch(/<rect[^>]*width="0"/);
  });
  it('never draws a suppressed figure: its place says so', () => {
    const g = group('cpp-starts', 'area')!;
    expect(g[1]).toBe('');
    expect(g[2]).not.toContain('<rect');
    expect(g[2]).toContain('Isles of Scilly: suppressed');
  });
  it('writes the conversion between steps, and nothing where it is not known', () => {
    expect(html).toContain('↓ 1 conference for every 4 referrals');
    expect((html.match(/↓/g) ?? []).length).toBe(1);
  });
});

describe('NeighboursChart: the area, each neighbour, their average and England on each strip', () => {
  const strip = (over: Partial<NeighbourStrip> = {}): NeighbourStrip => ({
    key: 'looked-after',
    label: 'Children in care',
    yearLabel: '31 March 2025',
    area: v(184),
    england: v(67),
    average: 124.5,
    neighbours: [
      { name: 'Hartlepool', cell: v(170) },
      { name: 'Torbay', cell: { kind: 'missing', status: 'c' } },
      { name: 'Rochdale', cell: v(0) },
    ],
    ...over,
  });
  const render = (s: NeighbourStrip[]) => renderToStaticMarkup(createElement(NeighboursChart, { areaLabel: 'Blackpool', strips: s, unitLabel: 'Rates per 10,000', formatValue: formatRate, width: 600 }));
  it('draws a neighbour with a figure (a zero too), and leaves one with no figure out', () => {
    const html = render([strip()]);
    expect(html).toContain('data-neighbour="Hartlepool" data-value="170"');
    expect(html).toContain('data-neighbour="Rochdale" data-value="0"');
    expect(html).not.toContain('data-neighbour="Torbay"');
    expect(html).toContain('data-average="124.5"');
    expect(html).toContain('data-england="67"');
    expect(html).toContain('data-area="184"');
  });
  it('says the area has no figure rather than drawing it', () => {
    const html = render([strip({ area: { kind: 'missing', status: 'c' } })]);
    expect(html).not.toContain('data-area=');
    expect(html).toContain('Blackpool: suppressed');
  });
});

describe('what the area charts share: their figures, wording and paths', () => {
  const page = areaPageData('E06000009')!;
  const area = { code: 'E06000009', name: 'Blackpool' };
  it('the pathway CSV holds the figures shown for the year, with status and source', () => {
    const s = pathwayShare(area, page.data.pathway, 2025, 2025, page.measures, page.sources, page.breaks);
    const rows = s.csv.rows.map((r) => r.join('|'));
    expect(rows).toContain(`E06000009|Blackpool|2025|2024-25|referrals|per 10,000 children aged 0 to 17|935.9|ok||computed|dfe-cin-2025-c1|${page.sources['dfe-cin-2025-c1']!.citation}|`);
    expect(rows).toContain(`E06000009|Blackpool|2025|2024-25|s47-enquiries|enquiries|904|ok|||dfe-cin-2025-c4|${page.sources['dfe-cin-2025-c4']!.citation}|`);
    expect(s.csv.columns.at(-1)).toBe('break_note');
    expect(s.path).toBe('/areas/E06000009/#pathway');
    expect(s.embedPath).toBe('/embed/areas/E06000009/?chart=pathway');
    expect(pathwayShare(area, page.data.pathway, 2020, 2025, page.measures, page.sources).embedPath).toBe('/embed/areas/E06000009/?chart=pathway&year=2020');
    // a year counted the earlier way says so in every row of the steps it affects
    const old = pathwayShare(area, page.data.pathway, 2012, 2025, page.measures, page.sources, page.breaks).csv.rows.find((r) => r[4] === 's47-enquiries');
    expect(old!.at(-1)).toMatch(/^Before the 2012-13 break in the series: children who were the subject of a section 47 enquiry/);
  });
  it("the pathway's description gives each step and the conversions from the counts", () => {
    const d = describePathway(area, page.data.pathway, 2025, page.measures);
    expect(d).toContain('Referrals: Blackpool 935.9, neighbours\' average 705.3, England 519.4');
    expect(d).toContain('1 enquiry for every 3 referrals (England 1 in 3)');
  });
  it('the neighbours CSV has the area, each neighbour, their average and England for each measure', () => {
    const s = neighboursShare(area, page.data.neighbours!, page.data.comparisons, page.measures, page.sources);
    expect(s.csv.rows).toHaveLength(7 * 13);
    expect(s.csv.rows.filter((r) => String(r[1]).startsWith('Average of'))).toHaveLength(7);
  });
  it('conversions read as words people use', () => {
    expect(stepConversionText(904 / 2707, 'referrals', 'enquiries')).toBe('1 enquiry for every 3 referrals');
    expect(stepConversionText(301 / 347, 'conferences', 'plans')).toBe('87 plans for every 100 conferences');
    expect(stepConversionText(1.24, 'conferences', 'plans')).toBe('1.2 plans for each conference');
    expect(stepConversionText(null, 'conferences', 'plans')).toMatch(/not known/);
  });
});
