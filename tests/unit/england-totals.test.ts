import { describe, expect, it } from 'vitest';
import { observationsFor } from '@/lib/data/load';
import { ENGLAND } from '@/lib/query';

/**
 * England totals for every core measure and year equal the "latest" column of
 * ../shared/data/raw/headline-checks.md (F1-F6: the most recent DfE release holding each year).
 * The figures are typed here from that table on purpose: the test must not read them from data/.
 */
const HEADLINE: Record<number, [number, number, number, number, number, number]> = {
  //    referrals  s47      icpcs   cin      cpp     cla
  2010: [603700, 87700, 43100, 375900, 39100, 64460],
  2011: [615000, 111700, 53000, 382400, 42700, 65500],
  2012: [605100, 124590, 56200, 369400, 42900, 67070],
  2013: [593470, 127190, 60080, 378030, 43140, 68060],
  2014: [657780, 142710, 65190, 395480, 48300, 68790],
  2015: [635620, 160490, 71410, 390130, 49690, 69460],
  2016: [621470, 172510, 73050, 393910, 50310, 70400],
  2017: [646120, 185680, 76930, 389040, 51080, 72600],
  2018: [655630, 198090, 79470, 404710, 53790, 75360],
  2019: [650930, 201170, 77440, 399510, 52260, 78140],
  2020: [642980, 201000, 77470, 389260, 51510, 80000],
  2021: [597760, 198790, 72580, 388490, 50010, 80780],
  2022: [650270, 217800, 73790, 404310, 50920, 82090],
  2023: [640430, 225400, 74380, 403090, 50780, 83750],
  2024: [621880, 224520, 72250, 399460, 49900, 83530],
  2025: [632830, 230590, 72100, 402400, 49420, 81770],
};
const MEASURES = ['referrals', 's47-enquiries', 'icpcs', 'children-in-need', 'child-protection-plans', 'looked-after'] as const;

function englandCount(measure: string, year: number): number | string {
  const o = observationsFor(measure).find((x) => x.areaCode === ENGLAND && x.year === year);
  if (!o) return 'no row';
  return o.count.kind === 'value' ? o.count.value : `missing (${o.count.status})`;
}

describe('England totals equal the published DfE headline figures', () => {
  for (const [year, figures] of Object.entries(HEADLINE)) {
    it(`${year}`, () => {
      const got = MEASURES.map((m) => englandCount(m, Number(year)));
      expect(got).toEqual(figures);
    });
  }

  it('covers every year the data hold for these measures', () => {
    for (const m of MEASURES) {
      const years = observationsFor(m).filter((o) => o.areaCode === ENGLAND).map((o) => o.year).sort();
      expect(years).toEqual(Object.keys(HEADLINE).map(Number));
    }
  });

  it('the "more than doubled" anchor: S47 2019-20 is 201,000, 2.29x 2009-10 but 1.80x 2010-11', () => {
    const s47 = (y: number) => englandCount('s47-enquiries', y) as number;
    expect(s47(2020)).toBe(201000);
    expect(s47(2020) / s47(2010)).toBeCloseTo(2.29, 2);
    expect(s47(2020) / s47(2011)).toBeCloseTo(1.8, 2);
  });

  it('computed England rates reproduce the rates DfE states (S47 2025 = 189.3, CIN 2025 = 330.3, CIN 2024 = 331.2)', () => {
    const rate = (m: string, y: number) => observationsFor(m).find((o) => o.areaCode === ENGLAND && o.year === y)?.rate;
    expect(rate('s47-enquiries', 2025)).toEqual({ kind: 'value', value: 189.3 });
    expect(rate('children-in-need', 2025)).toEqual({ kind: 'value', value: 330.3 });
    expect(rate('children-in-need', 2024)).toEqual({ kind: 'value', value: 331.2 });
  });
});
