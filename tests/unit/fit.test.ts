import { describe, expect, it } from 'vitest';
import { fitPairs, median, pearson, ranks, spearman, strengthWord, theilSen } from '@/lib/stats/fit';

// Anscombe, F. J. (1973) "Graphs in statistical analysis", The American Statistician 27(1): 17-21.
// All four sets share r = 0.816 and the least-squares line y = 3.00 + 0.500x (to the digits published).
const ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const ANSCOMBE_Y1 = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
const ANSCOMBE_Y3 = [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73];

describe('ranks', () => {
  it('ranks from 1, ties sharing the mean of their ranks', () => {
    expect(ranks([30, 10, 20])).toEqual([3, 1, 2]);
    expect(ranks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]);
    expect(ranks([5, 5, 5])).toEqual([2, 2, 2]);
  });
  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('Pearson r', () => {
  it("reproduces Anscombe's published r = 0.816 for his first and third data sets", () => {
    expect(pearson(ANSCOMBE_X, ANSCOMBE_Y1)!).toBeCloseTo(0.816, 3);
    expect(pearson(ANSCOMBE_X, ANSCOMBE_Y3)!).toBeCloseTo(0.816, 3);
  });
  it('is undefined for a constant variable or fewer than 3 pairs', () => {
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeUndefined();
    expect(pearson([1, 2], [1, 2])).toBeUndefined();
  });
  it('refuses mismatched or non-finite input', () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(/length/);
    expect(() => pearson([1, Number.NaN, 3], [1, 2, 3])).toThrow(/finite/);
  });
});

describe("Spearman's rank correlation", () => {
  it('IQ against hours of television (the textbook example): ρ = 1 − 6·194/(10·99) = −29/165', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)!).toBeCloseTo(-29 / 165, 12);
    expect(spearman(iq, tv)!).toBeCloseTo(-0.1758, 4);
  });
  it('with ties: Pearson r of mean ranks (x = 1,2,2,3; y = 1,3,2,4 gives 3/√10)', () => {
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])!).toBeCloseTo(3 / Math.sqrt(10), 12);
  });
  it('is 1 for any increasing relationship, however curved, and −1 for a decreasing one', () => {
    const x = [1, 2, 3, 4, 5, 6];
    expect(spearman(x, x.map((v) => Math.exp(v)))).toBeCloseTo(1, 12);
    expect(spearman(x, x.map((v) => -(v ** 3)))).toBeCloseTo(-1, 12);
  });
  it("is not moved by how far out an outlier lies, only by its rank (Anscombe's third set)", () => {
    const moved = [...ANSCOMBE_Y3];
    moved[2] = 1000; // the outlier, much further out: same ranks, same ρ
    expect(spearman(ANSCOMBE_X, moved)).toBeCloseTo(spearman(ANSCOMBE_X, ANSCOMBE_Y3)!, 12);
    expect(pearson(ANSCOMBE_X, moved)!).toBeLessThan(0.5);
  });
});

describe('Theil–Sen line', () => {
  it('is exact on a straight line', () => {
    const l = theilSen([1, 2, 3, 4], [3, 5, 7, 9])!;
    expect(l.slope).toBeCloseTo(2, 12);
    expect(l.intercept).toBeCloseTo(1, 12);
  });
  it('hand-worked: (1,1) (2,3) (3,2) (4,5): slopes 2, 0.5, 4/3, −1, 1, 3 → median 7/6; intercept median of residuals', () => {
    const l = theilSen([1, 2, 3, 4], [1, 3, 2, 5])!;
    expect(l.slope).toBeCloseTo(7 / 6, 12);
    // y − 7/6·x = −1/6, 2/3, −3/2, 1/3 → median (−1/6 + 1/3)/2 = 1/12
    expect(l.intercept).toBeCloseTo(1 / 12, 12);
  });
  it("is not tilted by Anscombe's outlier: it recovers the line through the other ten points (y ≈ 4.0 + 0.345x), where least squares gives 3.0 + 0.5x", () => {
    const l = theilSen(ANSCOMBE_X, ANSCOMBE_Y3)!;
    // scipy.stats.theilslopes gives slope 0.34556 (median of the 55 pairwise slopes)
    expect(l.slope).toBeCloseTo(0.34556, 5);
    expect(l.intercept).toBeCloseTo(4.0, 2);
  });
  it('skips pairs with the same x, and is undefined when every x is the same', () => {
    expect(theilSen([1, 1, 2], [0, 2, 3])!.slope).toBeCloseTo(2, 12); // slopes 3 and 1 → median 2
    expect(theilSen([2, 2, 2], [1, 2, 3])).toBeUndefined();
  });
});

describe('fitPairs and words', () => {
  it('gives n, ρ and the line of the pairs', () => {
    const f = fitPairs([{ x: 1, y: 2 }, { x: 2, y: 4 }, { x: 3, y: 6 }]);
    expect(f.n).toBe(3);
    expect(f.rho).toBeCloseTo(1, 12);
    expect(f.line!.slope).toBeCloseTo(2, 12);
  });
  it('words for the strength of ρ', () => {
    expect(strengthWord(0.1)).toBe('very weak or no');
    expect(strengthWord(-0.5)).toBe('moderate negative');
    expect(strengthWord(0.72)).toBe('strong positive');
    expect(strengthWord(0.9)).toBe('very strong positive');
  });
});
