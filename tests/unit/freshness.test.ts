import { describe, expect, it } from 'vitest';
import { currentReleases, latestSource, publishedOrder } from '@/lib/freshness';

const src = (id: string, series: string, published: string) => ({ id, series, published, publisher: 'DfE', release: id, url: `https://example.org/${id}` });

describe('freshness from sources.csv', () => {
  it('orders published dates by their last month and year', () => {
    expect(publishedOrder('November 2025')).toBeGreaterThan(publishedOrder('October 2025')!);
    expect(publishedOrder('April 2026')).toBeGreaterThan(publishedOrder('November 2025')!);
    expect(publishedOrder('2025')).toBeLessThan(publishedOrder('January 2025')!); // a bare year sorts before its months
    expect(publishedOrder('2017 to 2021')).toBe(publishedOrder('2021'));
    expect(publishedOrder('2021 and 2023')).toBe(publishedOrder('2023'));
    expect(publishedOrder('')).toBeUndefined();
  });

  it('takes the latest published source as the refresh date', () => {
    expect(latestSource([src('a', 'A', 'October 2010'), src('b', 'B', 'April 2026'), src('c', 'A', 'November 2025')])?.id).toBe('b');
    expect(latestSource([])).toBeUndefined();
  });

  it('gives the latest release of each cited series, in the order the series are first cited', () => {
    const s = [src('cin-2010', 'Children in need', 'October 2010'), src('cin-2025', 'Children in need', 'November 2025'), src('cla-2024', 'Looked after', 'November 2024'), src('cla-2025', 'Looked after', 'November 2025'), src('iod', 'IoD', 'September 2019')];
    expect(currentReleases(s, ['cla-2024', 'cin-2010', 'cin-2025', 'cla-2025']).map((r) => r.id)).toEqual(['cla-2025', 'cin-2025']);
    expect(() => currentReleases(s, ['nope'])).toThrow('source nope is cited but not in sources.csv');
  });
});
