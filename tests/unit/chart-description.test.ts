import { describe, expect, it } from 'vitest';
import { areaMap } from '@/lib/explorer/access';
import { describeLine, describeMap, describeRank, describeTrend } from '@/lib/explorer/alt';
import { buildMeasureData } from '@/lib/explorer/build';

const s47 = buildMeasureData('s47-enquiries');
const cla = buildMeasureData('looked-after');
const a = (d: typeof s47, code: string) => areaMap(d).get(code)!;

describe('chart descriptions state what is shown with the key numbers', () => {
  it('a line: first and last figures and the change, from the data', () => {
    expect(describeLine(s47, 'rate', a(s47, 'E92000001'), 2020, 2025)).toBe('England: 170.5 in 2019-20, 189.3 in 2024-25 (+11%).');
    expect(describeLine(cla, 'count', a(cla, 'E92000001'), 2010, 2025)).toBe('England: 64,460 in 31 March 2010, 81,770 in 31 March 2025 (+27%).');
  });

  it('a change across a break in the series says so and gives the like-for-like change', () => {
    expect(describeLine(s47, 'count', a(s47, 'E92000001'), 2010, 2025)).toBe(
      'England: 87,700 in 2009-10, 230,590 in 2024-25 (+163%), across breaks in the series (first census year between 2009-10 and 2010-11; counting changed between 2011-12 and 2012-13); like for like, 127,190 in 2012-13 to 230,590 (+81%).',
    );
    // a break of the rates only (new population estimates) is named for rates, not for counts
    expect(describeLine(s47, 'rate', a(s47, 'E92000001'), 2012, 2014)).toContain('new population base between 2011-12 and 2012-13');
    expect(describeLine(s47, 'count', a(s47, 'E92000001'), 2014, 2025)).not.toContain('break');
  });

  it('names the years with no figure and why, never as zero', () => {
    const hackney = describeLine(s47, 'rate', a(s47, 'E09000012'), 2019, 2024);
    expect(hackney).toContain('no figure for 2020-21 (not available) and 2021-22 (not available)');
    expect(hackney).not.toMatch(/\b0 in/);
    expect(describeLine(s47, 'rate', a(s47, 'E10000014'), 2023, 2025)).toContain('2023-24 (low reliability)');
  });

  it('a reorganised council is described over the years it existed, and says so', () => {
    expect(describeLine(cla, 'count', a(cla, 'E10000021'), 2010, 2025)).toMatch(/^Northamptonshire \(abolished after 2021\): [\d,]+ in 31 March 2010, [\d,]+ in 31 March 2021/);
    expect(describeLine(cla, 'count', a(cla, 'E06000061'), 2010, 2025)).toMatch(/^North Northamptonshire \(created 2022\): [\d,]+ in 31 March 2022/);
  });

  it('a trend chart: type, measure, unit, years, then each line', () => {
    const d = describeTrend(s47, 'rate', [a(s47, 'E92000001'), a(s47, 'E06000009')], 2010, 2025, 2);
    expect(d).toMatch(/^Line chart of section 47 enquiries, per 10,000 children aged 0 to 17, 2009-10 to 2024-25\. England: /);
    expect(d).toContain('Blackpool: ');
    expect(d).toContain('2 markers on the year axis show what reports said.');
  });

  it('a ranking: highest, lowest, middle, England, the selected council\'s rank, councils with no figure', () => {
    const d = describeRank(s47, 'rate', 2024, ['E06000009'], 'dots');
    // 153 councils in 2023-24, two without a figure (Hampshire u, Isles of Scilly c)
    expect(d).toMatch(/^Dot plot ranking 151 councils by s47 enquiries/);
    expect(d).toMatch(/Highest: Isle of Wight 496\.7, .+\. Lowest: Essex 47\.8, .+\. Middle council: [\d.]+\. England: 186\.2\./);
    expect(d).toMatch(/Blackpool: [\d.]+, \d+(st|nd|rd|th) highest of 151\./);
    expect(d).toContain('No figure: Hampshire (low reliability) and Isles of Scilly (suppressed).');
  });

  it('maps: the bands and the same key numbers', () => {
    const d = describeMap(cla, 'rate', 2025, [], ['under 45', '45 to under 60', '90 and over']);
    expect(d).toContain("Two maps of England's 153 councils");
    expect(d).toContain('in 3 bands: under 45, 45 to under 60 and 90 and over');
    expect(d).toContain('England: 67.');
  });
});
