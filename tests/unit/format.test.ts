import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatFixed, formatNumber, formatRate } from '@/lib/format';

// lib/format writes numbers without Intl (its first use costs a phone ~50 ms); every figure must
// still read exactly as Intl.NumberFormat('en-GB') writes it.
const intl = (digits: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits });

/** Values a page shows: counts, rates (count / population × 10,000), halves and ties, carries, signs, extremes. */
function values(): number[] {
  const xs: number[] = [0, -0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.95, 1.05, 1.005, 2.675, 9.95, 99.95, 999.5, 999.95, 9999.95, 1e15 + 0.5, 123456789.25, 2 ** 53, 1e20, 1e21, 1e-7, 5e-324, Infinity, -Infinity, NaN];
  for (let i = 0; i <= 20000; i++) xs.push(i / 20, -i / 20, i / 100, i * 37.5);
  // A seeded sequence, so a failure can be reproduced.
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 20000; i++) {
    const count = Math.floor(rnd() * 100000);
    const population = 1000 + Math.floor(rnd() * 12000000);
    xs.push((count / population) * 10000, rnd() * 10 ** Math.floor(rnd() * 12), -rnd() * 1000, count);
  }
  return xs;
}

describe('numbers as Intl writes them in en-GB, without Intl', () => {
  it.each([0, 1, 2, 3])('at most %i decimals', (digits) => {
    const f = intl(digits);
    const wrong = values().filter((v) => formatFixed(v, digits) !== f.format(v));
    expect(wrong.map((v) => `${v}: ${formatFixed(v, digits)} vs ${f.format(v)}`)).toEqual([]);
  });

  it('keeps the wording of counts, rates and changes', () => {
    expect(formatNumber(81770)).toBe('81,770');
    expect(formatNumber(1234.56)).toBe('1,234.6');
    expect(formatRate(70.05)).toBe(intl(1).format(70.05));
    expect(formatCount(5_349_000_000, '£')).toBe('£5.3bn');
    expect(formatCount(28.14, '%')).toBe('28.1%');
    expect(formatChange(79.6, 189.3)).toBe('+138%');
    expect(formatChange(100, 95.5)).toBe('−4.5%');
  });
});
