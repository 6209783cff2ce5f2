import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CouncilDeprivation } from '@/components/inequalities/CouncilDeprivation';
import { councilDeprivation } from '@/lib/inequalities/council';
import { readData } from '../e2e/helpers';

describe('a council’s deprivation section (for its council page)', () => {
  it('Blackpool: its children by decile against England’s, its point on the scatter, its observed and expected numbers', () => {
    const d = councilDeprivation('E06000009');
    const rows = readData('deprivation-deciles.csv').filter((r) => r.index === 'imd-2019' && r.area_code === 'E06000009');
    expect(d.profile!.rows.map((r) => r.children)).toEqual(rows.map((r) => Number(r.children_0_15)));
    expect(d.profile!.rows[0]!.share).toBeCloseTo(Number(rows[0]!.share_of_children) * 100, 1);
    expect(d.scatter.chart.selected).toEqual(['E06000009']);
    expect(d.scatter.chart.points.some((p) => p.code === 'E06000009')).toBe(true);
    const la = d.verdicts.find((v) => v.measureId === 'looked-after')!;
    expect(la.observed).toBe(Number(readData('looked-after.csv').find((r) => r.measure === 'looked-after' && r.year === '2025' && r.area_code === 'E06000009')!.count));
    expect(la.ratio).toBeCloseTo(la.observed! / la.expected!, 12);
    expect(la.verdict).toMatch(/above the 99.8% limit/);
    expect(d.links.adjusted).toBe('/inequalities/?areas=E06000009#adjusted');

    const html = renderToStaticMarkup(createElement(CouncilDeprivation, { code: 'E06000009' }));
    expect(html).toContain('Where Blackpool’s children live');
    expect(html).toMatch(/href="\/inequalities\/?\?areas=E06000009#adjusted"/);
    expect(html).toMatch(/data-selected=""[^>]*|data-code="E06000009"/);
    expect(html).toContain('Descriptive, not a judgement of performance');
  });

  it('an abolished council without an IMD score is placed by its share of children in the most deprived 10%, in its last year', () => {
    const d = councilDeprivation('E10000009'); // Dorset county council, to 2019
    expect(d.scatter.chart.scale).toBe('share');
    expect(d.scatter.frame.title).toContain('31 March 2019');
    // Dorset's 2019 figure is not available (x): listed with its reason, never drawn as a value
    expect(readData('looked-after.csv').find((r) => r.measure === 'looked-after' && r.year === '2019' && r.area_code === 'E10000009')!.rate_status).toBe('x');
    expect(d.scatter.chart.missing.find((m) => m.code === 'E10000009')?.reason).toBe('not available');
    expect(d.verdicts.every((v) => v.period.endsWith('2019'))).toBe(true);
  });
});
