import { describe, expect, it } from 'vitest';
import { poissonQuantile, poissonSmoothQuantile } from '@/lib/stats/funnel';
import { classifyRatio, decileShares, deprivationIndex, expectedCount, expectedRate, ratioCurve, ratioLimits } from '@/lib/stats/standardise';

// CWIP's England rates of children looked after per 10,000 by decile, 1 = most deprived (data/cwip.csv).
const CLA = [133, 88, 67, 55, 40, 29, 29, 23, 14, 12];

describe('indirect standardisation: a hand-worked example', () => {
  // A council whose 4,000 children aged 0-15 live half in decile 1, a quarter in decile 2, a quarter in decile 10,
  // in an "England" whose children are spread evenly over the ten deciles, with England's rate 70 per 10,000.
  const council = [2000, 1000, 0, 0, 0, 0, 0, 0, 0, 1000];
  const england = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

  it('shares of children by decile', () => {
    expect(decileShares(council)).toEqual([0.5, 0.25, 0, 0, 0, 0, 0, 0, 0, 0.25]);
  });

  it('index = Σ share × decile rate: council 0.5·133 + 0.25·88 + 0.25·12 = 91.5; England (490)/10 = 49', () => {
    expect(deprivationIndex(decileShares(council), CLA)).toBeCloseTo(91.5, 12);
    expect(deprivationIndex(decileShares(england), CLA)).toBeCloseTo(49, 12);
  });

  it('expected rate = 70 × 91.5 / 49 = 130.714…; with 5,000 children aged 0-17, expected 65.357… children; 80 observed → ratio 1.224', () => {
    const rate = expectedRate({ areaShares: decileShares(council), englandShares: decileShares(england), decileRates: CLA, englandRate: 70 });
    expect(rate).toBeCloseTo((70 * 91.5) / 49, 10);
    expect(rate).toBeCloseTo(130.7143, 4);
    const e = expectedCount(rate, 5000);
    expect(e).toBeCloseTo(65.3571, 4);
    expect(80 / e).toBeCloseTo(1.2240, 4);
  });

  it('an area with England’s own profile is expected at England’s rate, whatever the decile rates', () => {
    const shares = decileShares([9, 8, 7, 6, 5, 5, 6, 7, 8, 9]);
    expect(expectedRate({ areaShares: shares, englandShares: shares, decileRates: CLA, englandRate: 71.3 })).toBeCloseTo(71.3, 12);
  });

  it('refuses input that would give a wrong number', () => {
    expect(() => decileShares([1, 2, 3])).toThrow(/10 deciles/);
    expect(() => decileShares([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/no children/);
    expect(() => deprivationIndex(decileShares(council), [1, 2, 3, 4, 5, 6, 7, 8, 9, Number.NaN])).toThrow(/finite/);
    expect(() => expectedRate({ areaShares: decileShares(council), englandShares: decileShares(england), decileRates: new Array(10).fill(0), englandRate: 70 })).toThrow(/index is 0/);
    expect(() => expectedCount(50, 0)).toThrow(/children/);
  });
});

describe('funnel limits for observed ÷ expected', () => {
  it('are the Poisson(expected) quantiles ÷ expected (Spiegelhalter interpolation)', () => {
    for (const e of [3.2, 10, 65.357, 480, 2600]) {
      const l = ratioLimits(e);
      expect(l.lower95).toBeCloseTo(poissonSmoothQuantile(0.025, e) / e, 10);
      expect(l.upper95).toBeCloseTo(poissonSmoothQuantile(0.975, e) / e, 10);
      expect(l.lower998).toBeCloseTo(poissonSmoothQuantile(0.001, e) / e, 10);
      expect(l.upper998).toBeCloseTo(poissonSmoothQuantile(0.999, e) / e, 10);
    }
  });

  it('expected 10: the 95% band sits just inside the exact quantiles 4 and 17 (÷ 10)', () => {
    const l = ratioLimits(10);
    expect(poissonQuantile(0.025, 10)).toBe(4);
    expect(l.lower95).toBeGreaterThan(0.3);
    expect(l.lower95).toBeLessThanOrEqual(0.4);
    expect(l.upper95).toBeGreaterThan(1.6);
    expect(l.upper95).toBeLessThanOrEqual(1.7);
  });

  it('narrow towards 1 as the expected count grows, and stay ordered', () => {
    const curve = ratioCurve(5, 5000, 40);
    for (const l of curve) expect(l.lower998 <= l.lower95 && l.lower95 < 1 && 1 < l.upper95 && l.upper95 <= l.upper998).toBe(true);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.upper95).toBeLessThanOrEqual(curve[i - 1]!.upper95 + 1e-12);
      expect(curve[i]!.lower95).toBeGreaterThanOrEqual(curve[i - 1]!.lower95 - 1e-12);
    }
    const wide = ratioLimits(5000);
    expect(wide.upper95 - 1).toBeLessThan(0.03); // ≈ 1.96/√5000 = 0.028
  });

  it('classifies observed counts against those limits', () => {
    // expected 100: the 95% limits are about 0.81 and 1.20, the 99.8% limits about 0.72 and 1.32
    expect(classifyRatio(100, 100)).toBe('within');
    expect(classifyRatio(125, 100)).toBe('above95');
    expect(classifyRatio(140, 100)).toBe('above998');
    expect(classifyRatio(78, 100)).toBe('below95');
    expect(classifyRatio(60, 100)).toBe('below998');
  });
});
