import { describe, expect, it } from 'vitest';
import { claimDateOf, combine, compare, ENGLAND, evaluateClaim, verdictLabel } from '@/lib/claims/engine';
import { publishedBy } from '@/lib/claims/releases';
import { claimSpecSchema, type CheckSpec, type ClaimSpec } from '@/lib/claims/spec';
import type { ClaimBreak, ClaimData, CwipPoint, MeasureInfo, ObservedFigure, ReleaseInfo } from '@/lib/claims/types';

/**
 * The claim engine on a made-up series, so every rule can be tested against arithmetic done by
 * hand: each form's arithmetic, the verdict rules (holds, holds with a caveat, does not hold,
 * can't be checked), base years side by side, breaks, like-for-like series, figures of the time.
 */

type Series = Record<number, number>;

function fakeData(opts: {
  measures: Record<string, { series: Series; period?: MeasureInfo['period']; unit?: string; source?: string }>;
  breaks?: Record<string, ClaimBreak[]>;
  earlier?: Record<string, { year: number; value: number; source: string }[]>;
  releases?: Record<string, string>;
  cwip?: Record<string, number[]>;
}): ClaimData {
  const releases: Record<string, string> = { now: 'November 2025', ...opts.releases };
  return {
    measure(id) {
      const m = opts.measures[id];
      if (!m) return undefined;
      const years = Object.keys(m.series).map(Number);
      return { id, label: `Label of ${id}`, shortLabel: `Short ${id}`, period: m.period ?? 'reporting-year', countUnit: m.unit ?? 'children', hasRate: false, firstYear: Math.min(...years), lastYear: Math.max(...years) };
    },
    figure(measure, area, year) {
      const v = opts.measures[measure]?.series[year];
      return area === ENGLAND && v !== undefined ? { cell: { kind: 'value', value: v }, sourceId: opts.measures[measure]!.source ?? 'now' } : undefined;
    },
    earlier(measure, _area, year): ObservedFigure[] {
      return (opts.earlier?.[measure] ?? []).filter((e) => e.year === year).map((e) => ({ cell: { kind: 'value', value: e.value }, sourceId: e.source }));
    },
    breaks: (measure) => opts.breaks?.[measure] ?? [],
    release(id): ReleaseInfo | undefined {
      const p = releases[id];
      return p === undefined ? undefined : { id, citation: `Release ${id}`, url: '', published: p, publishedBy: publishedBy(p) };
    },
    areaName: () => 'England',
    cwip(country, measure): CwipPoint[] {
      const rates = opts.cwip?.[`${country}|${measure}`];
      // Listed from decile 1 (most deprived) to 10.
      return (rates ?? []).map((value, i) => ({ decile: i + 1, value, halfWidth: 0.5, sourceId: 'cwip', measureLabel: `${measure} (test)`, year: 2015, certainty: '' }));
    },
  };
}

const claim = (checks: CheckSpec[], extra: Partial<ClaimSpec> = {}): ClaimSpec => claimSpecSchema.parse({ quote: 'test', checks, ...extra });
const counting: ClaimBreak = { year: 2013, appliesTo: 'count-and-rate', label: 'Counting changed', before: 'children', kind: 'counting-change', note: 'Children were counted before; enquiries after.' };

describe('tests on a figure and what the claim says', () => {
  const x = (v: number, half = 0) => ({ v, lo: v - half, hi: v + half });
  it('"about" holds when the figure rounds to the claimed number at its precision', () => {
    expect(compare(x(201_000), { comparator: 'about', value: 201_000, roundedTo: 1000 })).toBe('yes');
    expect(compare(x(201_499), { comparator: 'about', value: 201_000, roundedTo: 1000 })).toBe('yes');
    expect(compare(x(201_500), { comparator: 'about', value: 201_000, roundedTo: 1000 })).toBe('no');
    expect(compare(x(134_620), { comparator: 'about', value: 135_000, roundedTo: 1000 })).toBe('yes');
  });
  it('"more than" is strict, and a figure whose rounding straddles the number is unclear', () => {
    expect(compare(x(80_000), { comparator: 'more-than', value: 80_000 })).toBe('no');
    expect(compare(x(80_010), { comparator: 'more-than', value: 80_000 })).toBe('yes');
    expect(compare(x(80_000, 5), { comparator: 'more-than', value: 80_000 })).toBe('unclear');
  });
  it('"almost" accepts up to 10% below the number and nothing above it', () => {
    expect(compare(x(2.98), { comparator: 'almost', value: 3 })).toBe('yes');
    expect(compare(x(2.69), { comparator: 'almost', value: 3 })).toBe('no');
    expect(compare(x(3.01), { comparator: 'almost', value: 3 })).toBe('no');
  });
  it('"one in N" compares N: 133 per 10,000 is one in 75, not about one in 60', () => {
    expect(compare(x(133, 0.5), { comparator: 'about', value: 60, roundedTo: 10, scale: 'one-in' })).toBe('no');
    expect(compare(x(166.7), { comparator: 'about', value: 60, roundedTo: 10, scale: 'one-in' })).toBe('yes');
  });
});

describe('level', () => {
  const data = fakeData({ measures: { s47: { series: { 2010: 87_700, 2020: 201_000 } } } });
  it('holds when the figure is the claimed one', () => {
    const r = evaluateClaim(data, claim([{ form: 'level', says: 'the words', quantity: { measure: 's47' }, year: 2020, claimed: { comparator: 'about', value: 201_000, roundedTo: 1000 } }]), '2021-06-17');
    expect(r.verdict).toBe('holds');
    expect(r.checks[0]!.steps.some((s) => s.kind === 'figure' && s.text.includes('201,000'))).toBe(true);
  });
  it('must fail when the claimed figure is not the published one (89,300 claimed, 87,700 published)', () => {
    const r = evaluateClaim(data, claim([{ form: 'level', says: 'the words', quantity: { measure: 's47' }, year: 2010, claimed: { comparator: 'exactly', value: 89_300 } }]), '');
    expect(r.verdict).toBe('fails');
    expect(r.label).toBe('Does not hold');
    expect(r.checks[0]!.steps.at(-1)).toMatchObject({ kind: 'test', outcome: 'no', text: '87,700 is not exactly 89,300.' });
  });
  it("can't be checked for a year the data do not cover, and says so", () => {
    const r = evaluateClaim(data, claim([{ form: 'level', says: 'the words', quantity: { measure: 's47' }, year: 2005, claimed: { comparator: 'exactly', value: 1 } }]), '');
    expect(r.verdict).toBe('cannot');
    expect(r.reason).toMatch(/no figure .* 2004-05/);
  });
});

describe('change: base years side by side, breaks, like for like', () => {
  const data = fakeData({
    measures: { s47: { series: { 2010: 87_700, 2011: 111_700, 2012: 124_590, 2013: 127_190, 2020: 201_000 } }, kids: { series: { 2010: 87_700, 2011: 111_700, 2012: 124_590, 2013: 117_350, 2020: 177_840 } } },
    breaks: { s47: [counting] },
  });
  const doubled: CheckSpec = { form: 'change', says: 'the words', quantity: { measure: 's47' }, bases: [2010, 2011], to: 2020, claimed: { type: 'factor', comparator: 'more-than', value: 2 }, likeForLike: { measure: 'kids' } };

  it('holds only with a caveat when it holds against one defensible base and not the other', () => {
    const r = evaluateClaim(data, claim([doubled]), '2021-06-17');
    const c = r.checks[0]!;
    expect(c.verdict).toBe('caveat');
    const bases = c.alternatives.filter((a) => a.role === 'base');
    expect(bases.map((a) => [a.result, a.outcome])).toEqual([
      ['2.29 times', 'yes'],
      ['1.80 times', 'no'],
    ]);
    expect(c.alternatives.filter((a) => a.role === 'like-for-like').map((a) => a.result)).toEqual(['2.03 times', '1.59 times']);
    expect(c.caveats.join(' ')).toMatch(/holds only from 2009-10, not from 2010-11/);
    expect(c.caveats.join(' ')).toMatch(/counting changed between 2011-12 and 2012-13/);
  });
  it('holds at best with a caveat when it crosses a break, even on every base', () => {
    const r = evaluateClaim(data, claim([{ ...doubled, bases: [2010], likeForLike: undefined }]), '');
    expect(r.verdict).toBe('caveat');
  });
  it('does not hold when it fails on every base', () => {
    const r = evaluateClaim(data, claim([{ ...doubled, bases: [2011, 2012] }]), '');
    expect(r.verdict).toBe('fails');
  });
  it('a percentage: (201,000 − 87,700) ÷ 87,700 = +129.2%', () => {
    const r = evaluateClaim(data, claim([{ form: 'change', says: 'the words', quantity: { measure: 's47' }, bases: [2010], to: 2020, claimed: { type: 'percent', comparator: 'about', value: 129, roundedTo: 1 } }]), '');
    expect(r.checks[0]!.steps.find((s) => s.kind === 'calc')!.text).toBe('(201,000 − 87,700) ÷ 87,700 = +129.2%');
    expect(r.verdict).toBe('caveat');
  });
  it('a rise every year: the enquiries rose each year; the children, counted the same way, fell once', () => {
    const c: CheckSpec = { form: 'change', says: 'the words', quantity: { measure: 's47' }, bases: [2010], to: 2013, claimed: { type: 'every-year', value: 'up' }, likeForLike: { measure: 'kids' } };
    const r = evaluateClaim(data, claim([c]), '');
    const alts = r.checks[0]!.alternatives;
    expect(alts.map((a) => a.outcome)).toEqual(['yes', 'no']);
    expect(r.checks[0]!.steps.some((s) => s.kind === 'test' && s.text.includes('2011-12 to 2012-13 (124,590 to 117,350)'))).toBe(true);
    expect(r.verdict).toBe('caveat');
  });
});

describe('share, ratio and record', () => {
  const data = fakeData({
    measures: {
      s47: { series: { 2010: 87_700, 2018: 198_090, 2020: 201_000 } },
      plans: { series: { 2010: 44_300, 2018: 68_770, 2020: 66_380 }, unit: 'plans' },
      cla: { series: { 2010: 64_460, 2011: 65_500, 2012: 67_070, 2013: 66_000 }, period: '31-march' },
    },
  });
  it('a share of a difference of two counts holds only with a caveat (201,000 − 66,380 = 134,620, 67.0%)', () => {
    const r = evaluateClaim(data, claim([{ form: 'share', says: 'the words', part: { minus: ['s47', 'plans'] }, whole: { measure: 's47' }, year: 2020, claimed: { part: { comparator: 'about', value: 135_000, roundedTo: 1000 } } }]), '');
    const c = r.checks[0]!;
    expect(c.steps.filter((s) => s.kind === 'calc').map((s) => s.text)).toEqual(['Label of s47 minus label of plans, 2019-20: 201,000 − 66,380 = 134,620', '134,620 ÷ 201,000 = 67.0%']);
    expect(c.verdict).toBe('caveat');
    expect(c.caveats[0]).toMatch(/difference of two counts/);
  });
  it('a ratio at two years and its direction (44,300 ÷ 87,700 = 50.5%; 68,770 ÷ 198,090 = 34.7%)', () => {
    const spec: CheckSpec = {
      form: 'ratio',
      says: 'the words',
      numerator: { measure: 'plans' },
      denominator: { measure: 's47' },
      points: [
        { year: 2010, claimed: { comparator: 'about', value: 50, roundedTo: 1 } },
        { year: 2018, claimed: { comparator: 'about', value: 35, roundedTo: 1 } },
      ],
      direction: 'down',
    };
    const r = evaluateClaim(data, claim([spec]), '');
    expect(r.checks[0]!.short).toBe('50.5% in 2009-10, 34.7% in 2017-18');
    // 50.5% does not round to 50% at the nearest whole per cent: the claim, read that way, fails.
    expect(r.verdict).toBe('fails');
  });
  it('a record within the years held holds; one reaching back before them cannot be checked; one beaten fails', () => {
    const rec = (year: number, since: number | null): CheckSpec => ({ form: 'record', says: 'the words', quantity: { measure: 'cla' }, year, since, claimed: 'highest' });
    expect(evaluateClaim(data, claim([rec(2012, 2010)]), '').verdict).toBe('holds');
    const before = evaluateClaim(data, claim([rec(2012, 1992)]), '');
    expect(before.verdict).toBe('cannot');
    expect(before.reason).toMatch(/highest of 31 March 2010 to 31 March 2012, the years these data hold/);
    const beaten = evaluateClaim(data, claim([rec(2013, null)]), '');
    expect(beaten.verdict).toBe('fails');
    expect(beaten.reason).toMatch(/31 March 2012 \(67,070\)/);
  });
});

describe('gradient (CWIP rates by decile, rounded to whole numbers)', () => {
  const data = fakeData({ measures: {}, cwip: { 'England|CLA': [133, 88, 67, 55, 40, 29, 29, 23, 14, 12], 'England|CPP': [113, 71, 51, 47, 35, 32, 23, 21, 14, 9] } });
  it('a level step in the rounded rates cannot show a rise: holds only with a caveat', () => {
    const r = evaluateClaim(data, claim([{ form: 'gradient', says: 'the words', country: 'England', measures: ['CLA', 'CPP'], claimed: { type: 'every-step', value: 'up' } }]), '');
    expect(r.verdict).toBe('caveat');
    expect(r.checks[0]!.steps.find((s) => s.kind === 'test' && s.outcome === 'unclear')!.text).toMatch(/decile 7 to 6 \(29 to 29\)/);
  });
  it('the most over the least deprived, within rounding: 133 ÷ 12 is between 10.6 and 11.6 times, so more than 10', () => {
    const r = evaluateClaim(data, claim([{ form: 'gradient', says: 'the words', country: 'England', measures: ['CLA'], claimed: { type: 'ratio', comparator: 'more-than', value: 10 } }]), '');
    expect(r.verdict).toBe('holds');
    expect(r.checks[0]!.steps.find((s) => s.kind === 'test')!.text).toBe('11.08 times (between 10.60 times and 11.61 times at the precision published) is more than 10 times.');
  });
  it('"one in 60" against 133 per 10,000 (one in 75) must fail', () => {
    const r = evaluateClaim(
      data,
      claim([{ form: 'gradient', says: 'the words', country: 'England', measures: ['CLA'], claimed: { type: 'levels', most: { comparator: 'about', value: 60, roundedTo: 10, scale: 'one-in' }, least: { comparator: 'about', value: 660, roundedTo: 10, scale: 'one-in' } } }]),
      '',
    );
    expect(r.verdict).toBe('fails');
    expect(r.reason).toMatch(/one in 75 in the most deprived tenth, one in 833 in the least/);
  });
});

describe('figures of the time and projections', () => {
  const data = fakeData({
    measures: { cla: { series: { 2010: 64_460, 2012: 67_070, 2020: 80_000, 2022: 82_090, 2025: 81_770 }, period: '31-march' } },
    earlier: {
      cla: [
        { year: 2010, value: 64_400, source: 'r2010' },
        { year: 2020, value: 80_080, source: 'r2020' },
        { year: 2012, value: 67_050, source: 'r2012' },
        { year: 2022, value: 82_170, source: 'r2022' },
      ],
    },
    releases: { r2010: 'September 2010', r2020: 'November 2020', r2012: '2012', r2022: 'November 2022' },
  });
  it('judged on the figure of the time (80,080) it held; on today\u2019s (80,000) it does not: "Does not hold now"', () => {
    const r = evaluateClaim(data, claim([{ form: 'level', says: 'the words', quantity: { measure: 'cla' }, year: 2020, claimed: { comparator: 'more-than', value: 80_000 } }]), '2021-06-17');
    expect(r.verdict).toBe('fails');
    expect(r.thenVerdict).toBe('holds');
    expect(r.label).toBe('Does not hold now');
    const f = r.checks[0]!.figures[0]!;
    expect(f.now).toEqual({ text: '80,000', sourceId: 'now' });
    expect(f.then).toEqual({ text: '80,080', sourceId: 'r2020' });
  });
  it('a release published after the claim is not a figure of the time', () => {
    const r = evaluateClaim(data, claim([{ form: 'level', says: 'the words', quantity: { measure: 'cla' }, year: 2020, claimed: { comparator: 'more-than', value: 80_000 } }]), '2020-10-01');
    expect(r.checks[0]!.figures[0]!.then).toBeUndefined();
    expect(r.checks[0]!.thenUnknown).toBe(true);
    expect(r.label).toBe('Does not hold now');
  });
  it('on course at the time (+2.05% a year against +1.80% needed), not now (−0.13% a year since)', () => {
    const r = evaluateClaim(data, claim([{ form: 'projection', says: 'the words', quantity: { measure: 'cla' }, target: 100_000, by: 2033, from: 2022, trend: 10 }]), '2023-02-02');
    expect(r.verdict).toBe('fails');
    expect(r.thenVerdict).toBe('caveat');
    expect(r.label).toBe('Does not hold now');
    expect(r.checks[0]!.then!.short).toBe('+2.1% a year in the 10 years to 31 March 2022, against +1.8% a year needed');
    expect(r.checks[0]!.short).toBe('−0.1% a year from 31 March 2022 to 31 March 2025, against +1.8% a year needed');
  });
});

describe('claims that cannot be checked, and how checks combine', () => {
  it("an unverifiable check can't be checked and says what data would", () => {
    const r = evaluateClaim(fakeData({ measures: {} }), claim([{ form: 'unverifiable', says: 'one in 16', why: 'Annual counts cannot follow a birth cohort.', needs: 'Linked child-level records by birth cohort.' }]), '2019-01');
    expect(r.verdict).toBe('cannot');
    expect(r.label).toBe('Can\u2019t be checked with these data');
    expect(r.checks[0]!.needs).toBe('Linked child-level records by birth cohort.');
  });
  it('a claim does not hold if any part does not; holds with a caveat if a part cannot be checked', () => {
    expect(combine(['holds', 'fails', 'cannot'])).toBe('fails');
    expect(combine(['holds', 'cannot'])).toBe('caveat');
    expect(combine(['cannot', 'cannot'])).toBe('cannot');
    expect(combine(['holds', 'holds'])).toBe('holds');
    expect(verdictLabel('caveat', 'fails')).toBe('Holds, with a caveat now');
  });
  it('a reviewer\u2019s caveat turns "holds" into "holds with a caveat"', () => {
    const data = fakeData({ measures: { m: { series: { 2017: 1, 2020: 2 } } } });
    const r = evaluateClaim(data, claim([{ form: 'change', says: 'the words', quantity: { measure: 'm' }, bases: [2017], to: 2020, claimed: { type: 'direction', value: 'up' }, caveat: 'A proxy for what the claim speaks of.' }]), '');
    expect(r.verdict).toBe('caveat');
    expect(r.caveats).toContain('A proxy for what the claim speaks of.');
  });
});

describe('dates', () => {
  it('a release is counted as published at the end of the month or year it gives', () => {
    expect(publishedBy('November 2025')).toBe(20251130);
    expect(publishedBy('2018')).toBe(20181231);
    expect(publishedBy('2017 to 2021')).toBe(20211231);
    expect(publishedBy('IoD2019 (26 September 2019)')).toBe(20190926);
    expect(publishedBy('')).toBeUndefined();
  });
  it('a claim is dated from the earliest day its date can mean', () => {
    expect(claimDateOf('2021-06-17')).toBe(20210617);
    expect(claimDateOf('2021-06')).toBe(20210601);
    expect(claimDateOf('')).toBeUndefined();
  });
  it('a spec with a bad reading is refused with its path', () => {
    const bad = claimSpecSchema.safeParse({ quote: 'x', checks: [{ form: 'level', says: 'abc', quantity: { measure: 'm' }, year: 2020, claimed: { comparator: 'about', value: 5 } }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path.join('.')).toBe('checks.0.claimed.roundedTo');
  });
});
