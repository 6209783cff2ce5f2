import { describe, expect, it } from 'vitest';
import { binsFor } from '@/components/explorer/MapView';
import { valueAt } from '@/lib/explorer/access';
import { buildMeasureData } from '@/lib/explorer/build';
import { BLUES_5, BLUES_6, binLabels, binOf, makeBins, paletteFor, type Bins } from '@/lib/stats/bins';

/** Deterministic pseudo-random numbers (Park-Miller). */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** Lognormal-ish values like council rates (skewed, a long upper tail), rounded to 1 decimal. */
function sample(n: number, seed: number, scale = 60): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const g = (r() + r() + r() + r() - 2) * 1.2;
    return Number((scale * Math.exp(g * 0.45)).toPrecision(3));
  });
}

/** The class a value belongs to by the labels' definition, computed without binOf. */
function classByDefinition(v: number, t: readonly number[]): number {
  let found = -1;
  for (let i = 0; i <= t.length; i++) {
    const lo = i === 0 ? -Infinity : t[i - 1]!;
    const hi = i === t.length ? Infinity : t[i]!;
    if (lo <= v && v < hi) {
      if (found !== -1) throw new Error(`${v} falls in two classes`);
      found = i;
    }
  }
  return found;
}

/** A "nice" number: at most two significant figures, or a multiple of 2.5 × 10^k (12.5, 37.5, 0.25). */
function isNice(t: number): boolean {
  if (t === 0) return true;
  if (Number(t.toPrecision(2)) === t) return true;
  const e = Math.floor(Math.log10(Math.abs(t))) - 1;
  const q = t / (2.5 * 10 ** e);
  return Math.abs(q - Math.round(q)) < 1e-9;
}

function shares(values: readonly number[], bins: Bins): number[] {
  const counts = bins.colours.map(() => 0);
  for (const v of values) counts[binOf(v, bins)!]!++;
  return counts.map((c) => c / values.length);
}

// sRGB → relative luminance and CIE L*
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}
const lightness = (hex: string) => {
  const y = luminance(hex);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

describe('thresholds', () => {
  for (const [n, seed] of [
    [150, 1],
    [2400, 2],
    [40, 3],
    [2400, 4],
  ] as const) {
    it(`are strictly increasing, nice, inside the data and give 5 non-empty, roughly equal classes (n=${n}, seed ${seed})`, () => {
      const values = sample(n, seed);
      const b = makeBins(values);
      expect(b.thresholds).toHaveLength(4);
      expect(b.colours).toHaveLength(5);
      expect(b.labels).toHaveLength(5);
      for (let i = 1; i < b.thresholds.length; i++) expect(b.thresholds[i]!).toBeGreaterThan(b.thresholds[i - 1]!);
      for (const t of b.thresholds) {
        expect(isNice(t), `${t} is nice`).toBe(true);
        expect(t).toBeGreaterThan(b.domain![0]);
        expect(t).toBeLessThanOrEqual(b.domain![1]);
      }
      for (const s of shares(values, b)) {
        expect(s).toBeGreaterThan(0.08);
        expect(s).toBeLessThan(0.34);
      }
    });
  }

  it('makes 6 classes when asked, with the 6-class palette', () => {
    const b = makeBins(sample(1000, 9), { classes: 6 });
    expect(b.thresholds).toHaveLength(5);
    expect(b.colours).toEqual(BLUES_6);
  });

  it('does not depend on the order of the values', () => {
    const values = sample(500, 5);
    expect(makeBins([...values].reverse()).thresholds).toEqual(makeBins(values).thresholds);
  });

  it('for looked-after rates (all councils, all years) are 45, 60, 75, 90', () => {
    const data = buildMeasureData('looked-after');
    const b = binsFor(data, 'rate');
    expect(b.thresholds).toEqual([45, 60, 75, 90]);
    expect(b.labels).toEqual(['under 45', '45 to under 60', '60 to under 75', '75 to under 90', '90 and over']);
    const values = data.areas.filter((a) => a.level === 'la').flatMap((a) => data.years.map((y) => valueAt(data, 'rate', a.code, y)).filter((v): v is number => v !== undefined));
    expect(b.n).toBe(values.length);
    for (const s of shares(values, b)) expect(s).toBeGreaterThan(0.12);
  });

  it('are nice and give 5 classes for every core measure, in both units', () => {
    for (const id of ['referrals', 's47-enquiries', 'icpcs', 'children-in-need', 'child-protection-plans', 'looked-after', 'care-starts']) {
      const data = buildMeasureData(id);
      for (const unit of ['rate', 'count'] as const) {
        const b = binsFor(data, unit);
        expect(b.thresholds, `${id} ${unit}`).toHaveLength(4);
        for (const t of b.thresholds) expect(isNice(t), `${id} ${unit}: ${t}`).toBe(true);
      }
    }
  });
});

describe('binOf', () => {
  const b = makeBins([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);

  it('puts a value equal to a threshold in the higher class, as the labels say', () => {
    expect(b.thresholds.length).toBeGreaterThan(0);
    b.thresholds.forEach((t, i) => {
      expect(binOf(t, b)).toBe(i + 1);
      expect(binOf(t - 1e-9, b)).toBe(i);
      expect(b.labels[i + 1]!.startsWith(`${t} to under`) || b.labels[i + 1] === `${t} and over`).toBe(true);
    });
    expect(b.labels[0]).toBe(`under ${b.thresholds[0]}`);
  });

  it('puts every value in exactly one class, the one its label describes', () => {
    for (const values of [sample(3000, 11), sample(200, 12, 400), [0, 0, 0, 1, 2, 3, 3, 3, 500]]) {
      const bins = makeBins(values);
      for (const v of [...values, -1e9, 1e9, bins.domain![0], bins.domain![1]]) {
        const i = binOf(v, bins);
        expect(i).toBe(classByDefinition(v, bins.thresholds));
        expect(i! >= 0 && i! < bins.colours.length).toBe(true);
      }
    }
  });

  it('puts the smallest value in the first class and the largest in the last', () => {
    expect(binOf(10, b)).toBe(0);
    expect(binOf(100, b)).toBe(b.colours.length - 1);
  });

  it('never bins a missing value', () => {
    for (const v of [null, undefined, NaN, Infinity, -Infinity]) expect(binOf(v, b)).toBeUndefined();
    expect(binOf(5, makeBins([]))).toBeUndefined();
  });
});

describe('degenerate inputs', () => {
  it('skips missing values when computing classes', () => {
    const b = makeBins([1, null, 2, undefined, NaN, 3, Infinity, 4, 5, 6, 7, 8, 9, 10]);
    expect(b.n).toBe(10);
    expect(b.domain).toEqual([1, 10]);
  });

  it('no values: no classes', () => {
    const b = makeBins([null, undefined, NaN]);
    expect(b).toMatchObject({ thresholds: [], labels: [], colours: [], domain: undefined, n: 0 });
  });

  it('all values equal: one class labelled with the value', () => {
    const b = makeBins([7, 7, 7, 7, 7, 7, 7]);
    expect(b.thresholds).toEqual([]);
    expect(b.labels).toEqual(['7']);
    expect(b.colours).toHaveLength(1);
    expect(binOf(7, b)).toBe(0);
  });

  it('fewer distinct values than classes: one class per value, none empty', () => {
    const values = [1, 1, 2, 2, 2, 3];
    const b = makeBins(values);
    expect(b.thresholds).toEqual([2, 3]);
    expect(b.labels).toEqual(['under 2', '2 to under 3', '3 and over']);
    expect(new Set(values.map((v) => binOf(v, b)))).toEqual(new Set([0, 1, 2]));
  });

  it('two distinct values: two classes', () => {
    const b = makeBins([0, 0, 0, 0, 100, 100]);
    expect(b.colours).toHaveLength(2);
    expect(binOf(0, b)).toBe(0);
    expect(binOf(100, b)).toBe(1);
  });

  it('heavily tied values (60% zeros): fewer classes, none empty, thresholds deduplicated', () => {
    const values = [...Array(60).fill(0), ...sample(40, 21)];
    const b = makeBins(values);
    expect(b.colours.length).toBeGreaterThanOrEqual(2);
    expect(b.colours.length).toBeLessThanOrEqual(5);
    expect(new Set(b.thresholds).size).toBe(b.thresholds.length);
    for (const s of shares(values, b)) expect(s).toBeGreaterThan(0);
  });

  it('small ranges and negative values still get nice thresholds', () => {
    const small = makeBins(sample(500, 31, 0.06));
    for (const t of small.thresholds) expect(isNice(t), String(t)).toBe(true);
    expect(small.thresholds).toHaveLength(4);
    const neg = makeBins(sample(500, 32).map((v) => v - 80));
    expect(neg.thresholds).toHaveLength(4);
    for (let i = 1; i < neg.thresholds.length; i++) expect(neg.thresholds[i]!).toBeGreaterThan(neg.thresholds[i - 1]!);
  });
});

describe('labels and palette', () => {
  it('labels say which class a boundary value is in', () => {
    expect(binLabels([40, 60, 100])).toEqual(['under 40', '40 to under 60', '60 to under 100', '100 and over']);
    expect(binLabels([1000, 2500], (n) => `£${n}`)).toEqual(['under £1000', '£1000 to under £2500', '£2500 and over']);
    expect(binLabels([], String, [3, 9])).toEqual(['3 to 9']);
  });

  it('palettes go light to dark with clear steps between adjacent classes (colour-blind safe: lightness carries the order)', () => {
    for (const p of [BLUES_5, BLUES_6, paletteFor(3), paletteFor(4)]) {
      for (let i = 1; i < p.length; i++) expect(lightness(p[i - 1]!) - lightness(p[i]!), `${p[i - 1]} → ${p[i]}`).toBeGreaterThan(11);
    }
  });

  it('the lightest class stands out from a white page and the darkest takes white text', () => {
    for (const p of [BLUES_5, BLUES_6]) {
      expect(contrast(p[0]!, '#ffffff')).toBeGreaterThan(1.2);
      expect(contrast(p[p.length - 1]!, '#ffffff')).toBeGreaterThan(7);
    }
  });

  it('has one colour per class for 1 to 6 classes', () => {
    for (let k = 0; k <= 6; k++) expect(paletteFor(k)).toHaveLength(k);
    expect(() => paletteFor(7)).toThrow(RangeError);
  });
});
