import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart, type BarRow } from '@/components/charts/BarChart';
import { factorsOf, factorYears } from '@/lib/data/factors';
import { factorsDescription } from '@/lib/explorer/factors';

const rows: BarRow[] = [
  { key: 'a', label: 'Neglect', value: { kind: 'value', value: 17.6 }, compare: { kind: 'value', value: 20 } },
  { key: 'b', label: 'Gangs', value: { kind: 'value', value: 0 }, compare: { kind: 'value', value: 1.7 } },
  { key: 'c', label: 'Trafficking', value: { kind: 'missing', status: 'c' }, compare: { kind: 'value', value: 0.4 } },
];
const render = (r = rows) => renderToStaticMarkup(createElement(BarChart, { rows: r, seriesLabel: 'Blackpool', compareLabel: 'England', unitLabel: '%', formatValue: (n: number) => `${n}%`, tableCaption: 'Factors', width: 600 }));

describe('BarChart: bars, a comparison tick, and no zero for a missing figure', () => {
  it('draws a zero as a zero-length bar with its value, and a suppressed figure as words, no bar', () => {
    const html = render();
    expect(html).toMatch(/data-row="b" data-value="0"><text[^>]*>Gangs<\/text><rect[^>]*width="0"/);
    const c = /<g data-row="c" data-value="">(.*?)<\/g>/.exec(html)![1]!;
    expect(c).not.toContain('<rect');
    expect(c).toContain('suppressed');
    // England's tick is drawn even where the area has no figure
    expect(c).toContain('data-compare="0.4"');
  });
  it('has a table with every figure and the reason for a missing one', () => {
    const html = render();
    expect(html).toContain('<th scope="row">Trafficking</th><td>suppressed</td><td>0.4%</td>');
    expect(html).toContain('<th scope="row">Neglect</th><td>17.6%</td><td>20%</td>');
  });
});

describe('what assessments find (England, latest year), from data/', () => {
  const year = factorYears().at(-1)!;
  const f = factorsOf('E92000001', year)!;
  it('most common first, with the shares of data/assessment-factors.csv', () => {
    expect(year).toBe(2025);
    expect(f.factors[0]!.label).toBe('Mental health: concerns about parent');
    expect(f.factors[0]!.share).toEqual({ kind: 'value', value: 33.5 });
    expect(f.factors[1]!.label).toBe('Domestic abuse: concerns parent is victim');
    const shares = f.factors.map((x) => (x.share.kind === 'value' ? x.share.value : -1));
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
  });
  it('is described with its base and the most common factors', () => {
    expect(factorsDescription(f, 'England')).toMatch(/^Bar chart of the 12 factors most often recorded at the end of assessments in England, 2024-25, as a percentage of the 513,250 assessments with factor information; an assessment can record several factors\. Most common: Mental health: concerns about parent 33\.5%; Domestic abuse: concerns parent is victim 31\.7%/);
  });
});
