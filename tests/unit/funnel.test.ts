import { describe, expect, it } from 'vitest';
import { classify, funnelCurve, funnelLimits, normalQuantile, PER, poissonCdf, poissonQuantile, poissonSmoothQuantile } from '@/lib/stats/funnel';

/** Reference Poisson, computed the slow obvious way (fine for small λ). */
const pmf = (k: number, l: number) => {
  let p = Math.exp(-l);
  for (let i = 1; i <= k; i++) p *= l / i;
  return p;
};
const cdf = (k: number, l: number) => {
  let s = 0;
  for (let i = 0; i <= k; i++) s += pmf(i, l);
  return s;
};

describe('Poisson distribution', () => {
  it('CDF matches hand values', () => {
    // P(X ≤ 2 | λ = 3) = e^-3 (1 + 3 + 9/2)
    expect(poissonCdf(2, 3)).toBeCloseTo(Math.exp(-3) * 8.5, 12);
    expect(poissonCdf(0, 1)).toBeCloseTo(Math.exp(-1), 12);
    expect(poissonCdf(-1, 5)).toBe(0);
    for (const [k, l] of [[4, 10], [16, 10], [17, 10], [30, 25.5]] as const) expect(poissonCdf(k, l)).toBeCloseTo(cdf(k, l), 12);
  });

  it('known quantiles: λ = 10 has 2.5% and 97.5% quantiles 4 and 17', () => {
    expect(poissonQuantile(0.025, 10)).toBe(4);
    expect(poissonQuantile(0.975, 10)).toBe(17);
    expect(poissonQuantile(0.5, 1)).toBe(1);
    // λ = 100: 2.5% and 97.5% quantiles are 81 and 120 (R: qpois(c(.025,.975), 100))
    expect(poissonQuantile(0.025, 100)).toBe(81);
    expect(poissonQuantile(0.975, 100)).toBe(120);
  });

  it('quantile is the smallest r with P(X ≤ r) ≥ p', () => {
    for (const l of [0.7, 3, 12.5, 64, 400]) {
      for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) {
        const r = poissonQuantile(p, l);
        expect(cdf(r, l)).toBeGreaterThanOrEqual(p);
        if (r > 0) expect(cdf(r - 1, l)).toBeLessThan(p);
      }
    }
  });

  it('smoothed quantile is r_p − α (Spiegelhalter 2005), inside (r_p − 1, r_p]', () => {
    const l = 10;
    const a = (cdf(17, l) - 0.975) / pmf(17, l);
    expect(poissonSmoothQuantile(0.975, l)).toBeCloseTo(17 - a, 10);
    expect(poissonSmoothQuantile(0.975, l)).toBeGreaterThan(16);
    const b = (cdf(4, l) - 0.025) / pmf(4, l);
    expect(poissonSmoothQuantile(0.025, l)).toBeCloseTo(4 - b, 10);
  });

  it('rejects nonsense', () => {
    expect(() => poissonQuantile(0, 5)).toThrow();
    expect(() => poissonQuantile(0.5, -1)).toThrow();
    expect(() => funnelLimits(70, 0)).toThrow();
  });

  it('normal quantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

describe('funnel limits', () => {
  it('turn count quantiles back into rates per 10,000', () => {
    // p0 = 70 per 10,000, n = 1,000 children → λ = 7
    const l = funnelLimits(70, 1000);
    expect(l.expected).toBeCloseTo(7, 12);
    expect(l.upper95).toBeCloseTo((poissonSmoothQuantile(0.975, 7) * PER) / 1000, 10);
    expect(l.lower95).toBeCloseTo((poissonSmoothQuantile(0.025, 7) * PER) / 1000, 10);
    expect(l.upper998).toBeCloseTo((poissonSmoothQuantile(0.999, 7) * PER) / 1000, 10);
    expect(l.lower998).toBeCloseTo((poissonSmoothQuantile(0.001, 7) * PER) / 1000, 10);
  });

  it('are ordered lower99.8 ≤ lower95 < p0 < upper95 < upper99.8', () => {
    for (const n of [500, 5000, 50_000, 500_000]) {
      const l = funnelLimits(174, n);
      expect(l.lower998).toBeLessThanOrEqual(l.lower95);
      expect(l.lower95).toBeLessThan(174);
      expect(l.upper95).toBeGreaterThan(174);
      expect(l.upper998).toBeGreaterThan(l.upper95);
      expect(l.lower998).toBeGreaterThanOrEqual(0);
    }
  });

  it('narrow as n grows (λ from 10 to 100,000)', () => {
    const p0 = 70;
    const curve = funnelCurve(p0, (10 / p0) * PER, (1e5 / p0) * PER, 300);
    for (let i = 1; i < curve.length; i++) {
      const a = curve[i - 1]!;
      const b = curve[i]!;
      expect(b.n).toBeGreaterThan(a.n);
      // Spiegelhalter's interpolation is smooth but not strictly monotone at small λ: allow 0.1% wiggle.
      expect(b.upper95).toBeLessThanOrEqual(a.upper95 * 1.001);
      expect(b.upper998).toBeLessThanOrEqual(a.upper998 * 1.001);
      expect(b.lower95).toBeGreaterThanOrEqual(a.lower95 * 0.999);
      expect(b.lower998).toBeGreaterThanOrEqual(a.lower998 * 0.999);
    }
    // Across a factor of 10 in n, the width shrinks by about √10.
    const w = (n: number) => funnelLimits(p0, n).upper95 - funnelLimits(p0, n).lower95;
    expect(w(10_000) / w(100_000)).toBeGreaterThan(2.9);
    expect(w(10_000) / w(100_000)).toBeLessThan(3.4);
  });

  it('approach p0 ± z·√(p0·10,000/n) for large n', () => {
    // Rate R = X·10,000/n with X ~ Poisson(λ = p0·n/10,000): Var R = λ·(10,000/n)² = p0·10,000/n.
    const p0 = 70;
    for (const n of [1e6, 1e7]) {
      const sd = Math.sqrt((p0 * PER) / n);
      const l = funnelLimits(p0, n);
      const tol = (z: number) => 0.01 * z * sd;
      expect(Math.abs(l.upper95 - (p0 + 1.959964 * sd))).toBeLessThan(tol(1.96));
      expect(Math.abs(l.lower95 - (p0 - 1.959964 * sd))).toBeLessThan(tol(1.96));
      expect(Math.abs(l.upper998 - (p0 + 3.090232 * sd))).toBeLessThan(tol(3.09));
      expect(Math.abs(l.lower998 - (p0 - 3.090232 * sd))).toBeLessThan(tol(3.09));
      // and are nearly symmetric
      expect((l.upper95 - p0) / (p0 - l.lower95)).toBeCloseTo(1, 2);
    }
  });

  it('small councils are skewed: the upper limit is further from p0 than the lower', () => {
    // (at 99.8% the skew, (z² − 1)/6 ≈ 1.4 events, outweighs the half-event shift of the interpolation)
    const l = funnelLimits(70, 2000); // λ = 14
    expect(l.upper998 - 70).toBeGreaterThan(70 - l.lower998);
  });

  it('curve spacing is log by default and hits both ends', () => {
    const c = funnelCurve(100, 1000, 100_000, 3);
    expect(c.map((x) => Math.round(x.n))).toEqual([1000, 10_000, 100_000]);
    expect(funnelCurve(100, 1000, 3000, 3, 'linear').map((x) => Math.round(x.n))).toEqual([1000, 2000, 3000]);
  });
});

describe('classify', () => {
  // p0 = 70, n = 50,000 → λ = 350, SD of the rate √14 ≈ 3.74: 95% ≈ 62.7–77.3, 99.8% ≈ 58.6–81.7
  it('hand-made cases around England’s rate', () => {
    expect(classify(70, 50_000, 70)).toBe('within');
    expect(classify(75, 50_000, 70)).toBe('within');
    expect(classify(79, 50_000, 70)).toBe('above95');
    expect(classify(85, 50_000, 70)).toBe('above998');
    expect(classify(60, 50_000, 70)).toBe('below95');
    expect(classify(55, 50_000, 70)).toBe('below998');
  });

  it('the same rate means more in a big council than a small one', () => {
    // 85 per 10,000 is far out for 50,000 children, unremarkable for 2,000 (λ = 14)
    expect(classify(85, 2_000, 70)).toBe('within');
    expect(classify(85, 500_000, 70)).toBe('above998');
    // double England's rate with 1,000 children (14 events where 7 expected) is beyond 95% but not 99.8%
    expect(classify(140, 1_000, 70)).toBe('above95');
  });

  it('a rate on a limit counts as inside it', () => {
    const l = funnelLimits(70, 50_000);
    expect(classify(l.upper95, 50_000, 70)).toBe('within');
    expect(classify(l.upper998, 50_000, 70)).toBe('above95');
  });
});
