import { describe, expect, it } from 'vitest';
import { loadAreas } from '@/lib/data/load';
import { councilsIn } from '@/lib/explorer/access';
import type { AreaMeta, MeasureData, Packed } from '@/lib/explorer/types';
import { adjustedFor } from '@/lib/inequalities/adjusted';
import { councilScatter } from '@/lib/inequalities/council';
import { serverCsvFiles, withCsvFile } from '@/lib/inequalities/csv-files';
import { scatterView } from '@/lib/inequalities/views';
import { buildGradient, buildInequalitiesData, cwipDecileRates, imdDecileChildren, ineqMeasureFile } from '@/lib/inequalities/build';
import { computeGap, fifthSize, gapRatio } from '@/lib/inequalities/gap';
import { scatterFor } from '@/lib/inequalities/scatter';
import { adjustedCsv, councilMap, gapCsv, scatterCsv } from '@/lib/inequalities/share';
import { chartPaths, contextOf, defaultIneqState, serializeIneqState } from '@/lib/inequalities/state';
import type { IneqCouncil } from '@/lib/inequalities/types';
import { parseIneqState } from '@/lib/inequalities/url';
import { decileShares, expectedCount, expectedRate } from '@/lib/stats/standardise';
import { readData } from '../e2e/helpers';

const ENGLAND = 'E92000001';
const data = buildInequalitiesData();
const councils = councilMap(data.councils);
const ineqMeasureData = (id: string) => ineqMeasureFile(id).data;
const adjustedInput = ineqMeasureFile('looked-after').adjusted!;

describe('indirect standardisation on the real deciles', () => {
  const deciles = imdDecileChildren();
  const england = deciles.get(ENGLAND)!;
  const sum = (v: readonly number[]) => v.reduce((s, x) => s + x, 0);

  for (const year of [2015, 2025]) {
    it(`the councils of ${year} hold all England's children in the deciles (so they partition England)`, () => {
      const codes = loadAreas().filter((a) => a.level === 'la' && a.firstYear <= year && (a.lastYear === undefined || a.lastYear >= year)).map((a) => a.code);
      for (let d = 0; d < 10; d++) expect(codes.reduce((s, c) => s + deciles.get(c)![d]!, 0), `decile ${d + 1}`).toBe(england[d]);
    });

    for (const measure of ['looked-after', 'plans'] as const) {
      it(`applied to the councils' own decile children, the expected counts of ${year}'s councils add up to England's (${measure})`, () => {
        const { rates } = cwipDecileRates('England', measure);
        const englandRate = 67.3; // any rate: the property holds by construction
        const codes = loadAreas().filter((a) => a.level === 'la' && a.firstYear <= year && (a.lastYear === undefined || a.lastYear >= year)).map((a) => a.code);
        const total = codes.reduce((s, c) => {
          const children = deciles.get(c)!;
          if (sum(children) === 0) return s;
          return s + expectedCount(expectedRate({ areaShares: decileShares(children), englandShares: decileShares(england), decileRates: rates, englandRate }), sum(children));
        }, 0);
        expect(total).toBeCloseTo((englandRate * sum(england)) / 10_000, 6);
      });
    }
  }

  it('uses CWIP’s England rates by decile as published in data/cwip.csv (most deprived first)', () => {
    expect(cwipDecileRates('England', 'looked-after').rates).toEqual([133, 88, 67, 55, 40, 29, 29, 23, 14, 12]);
    expect(cwipDecileRates('England', 'plans').rates).toEqual([113, 71, 51, 47, 35, 32, 23, 21, 14, 9]);
  });

  it('relative index is above 1 for a deprived council and below 1 for an affluent one', () => {
    const rel = adjustedInput.relative;
    expect(rel['E06000009']!).toBeGreaterThan(1.5); // Blackpool
    expect(rel['E06000041']!).toBeLessThan(0.5); // Wokingham
  });

  it('the adjusted comparison of 2025: every council drawn or listed, ratios = observed ÷ expected, expected totals near observed', () => {
    const d = ineqMeasureData('looked-after');
    const r = adjustedFor(d, adjustedInput, councils, 2025);
    expect(r.points.length + r.missing.length).toBe(councilsIn(d, 2025).length);
    for (const p of r.points) {
      expect(p.ratio).toBeCloseTo(p.observed / p.expected, 12);
      expect(p.expected).toBeCloseTo((r.englandRate! * adjustedInput.relative[p.code]! * p.children) / 10_000, 9);
    }
    const o = r.points.reduce((s, p) => s + p.observed, 0);
    const e = r.points.reduce((s, p) => s + p.expected, 0);
    // Not equal by construction (2015 decile shares of children 0-15 against 2024 populations 0-17), but close.
    expect(Math.abs(e / o - 1)).toBeLessThan(0.02);
    expect(r.missing.map((m) => m.name)).toEqual(['City of London', 'Isles of Scilly']);
  });
});

describe('the CWIP gradient', () => {
  const g = buildGradient();
  it('has ten deciles for each country and measure, rates as in data/cwip.csv', () => {
    expect(g.series.map((s) => `${s.country} ${s.measure} ${s.points.length}`)).toEqual(['England plans 10', 'Wales plans 10', 'England looked-after 10', 'Wales looked-after 10']);
    const csv = readData('cwip.csv').filter((r) => r.source_id === 'cwip-final-report');
    for (const s of g.series) for (const p of s.points) expect(Number(csv.find((r) => Number(r.row_ref) === p.rowRef)!.rate_per_10k)).toBe(p.rate);
  });
  it('keeps ratios as ratios: no published ratio is given a rate, and the "1 in N" figures keep their words', () => {
    for (const f of [...g.figures, ...g.otherFigures]) {
      if (f.kind === 'ratio') expect(f.ratio).toBeGreaterThan(0);
    }
    expect(g.figures.some((f) => f.kind === 'rate' && /one in 60/.test(f.valueAsStated))).toBe(true);
    expect(g.figures.filter((f) => f.country === 'England' && f.kind === 'ratio').map((f) => f.asStated)).toEqual(['>10', '10', '12']);
    expect(g.inverseLaw?.asStated).toBe('~1.5');
  });
});

// A small hand-made measure: ten councils with scores 10..100, 1,000 children each.
function toyMeasure(counts: Packed[]): { d: MeasureData; cs: IneqCouncil[] } {
  const codes = counts.map((_, i) => `E0600009${i}`);
  const areas: AreaMeta[] = [
    { code: ENGLAND, name: 'England', level: 'country', regionCode: undefined, firstYear: 2010, lastYear: undefined, predecessors: [], successors: [], changeNote: '' },
    ...codes.map((code, i) => ({ code, name: `Council ${i}`, level: 'la' as const, regionCode: 'E12000001', firstYear: 2010, lastYear: undefined, predecessors: [], successors: [], changeNote: '' })),
  ];
  const d = {
    measure: { id: 'toy', label: 'Toy', shortLabel: 'Toy', definition: '', kind: 'snapshot', period: '31-march', countUnit: 'children', hasCount: true, hasRate: true, firstYear: 2020, lastYear: 2020, caveats: '', polarity: 'neutral', core: true, denominator: undefined },
    years: [2020],
    areas,
    count: Object.fromEntries(codes.map((c, i) => [c, [counts[i]!]])),
    rate: { [ENGLAND]: [50] },
    prov: {},
    provenance: [],
    sources: [],
    population: Object.fromEntries(codes.map((c) => [c, [1000]])),
    quotes: [],
    breaks: [],
  } as unknown as MeasureData;
  const cs: IneqCouncil[] = codes.map((code, i) => ({ code, name: `Council ${i}`, regionCode: 'E12000001', firstYear: 2010, lastYear: undefined, imd: (i + 1) * 10, idaci: undefined, share: undefined, scoreNote: undefined }));
  return { d, cs };
}

describe('the gap between the most and least deprived fifths of councils', () => {
  it('fifths of 150 councils hold 30', () => {
    expect(fifthSize(150)).toBe(30);
    expect(fifthSize(152)).toBe(30);
    expect(fifthSize(153)).toBe(31);
  });
  it('pools counts and children of the two most and two least deprived of ten councils', () => {
    const { d, cs } = toyMeasure([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const y = computeGap(d, cs).years[0]!;
    // most deprived: scores 100 and 90 → counts 10 + 9 over 2,000 children = 95 per 10,000; least: 1 + 2 → 15
    expect(y.most!.rate).toBeCloseTo(95, 12);
    expect(y.least!.rate).toBeCloseTo(15, 12);
    expect(gapRatio(y)).toBeCloseTo(95 / 15, 12);
    expect(y.england).toBe(50);
  });
  it('leaves a suppressed council out of its fifth’s numerator and denominator, and lists it', () => {
    const { d, cs } = toyMeasure([1, 2, 3, 4, 5, 6, 7, 8, 9, 'c']);
    const y = computeGap(d, cs).years[0]!;
    expect(y.most!.rate).toBeCloseTo(90, 12); // 9 / 1,000
    expect(y.most!.councils).toBe(1);
    expect(y.most!.excluded).toEqual([{ code: 'E06000099', name: 'Council 9', reason: 'suppressed' }]);
    const csv = gapCsv(d, computeGap(d, cs));
    expect(csv.rows.find((r) => r[3] === 'most deprived fifth of councils')![8]).toBe('Council 9 (suppressed)');
  });
  it('on the real data, the most deprived fifth has more children looked after than the least, every year; councils without a score are listed', () => {
    const g = ineqMeasureFile('looked-after').gap;
    for (const y of g.years) expect(gapRatio(y)!).toBeGreaterThan(1.5);
    expect(g.unranked.map((u) => u.name)).toEqual(expect.arrayContaining(['Bournemouth', 'Cumberland', 'North Northamptonshire']));
  });
});

describe('the scatter', () => {
  const d = ineqMeasureData('looked-after');
  it('draws every council with both figures and lists the others with their reason', () => {
    for (const scale of ['imd', 'idaci', 'share'] as const) {
      const r = scatterFor(d, councils, scale, 2025);
      expect(r.points.length + r.missing.length).toBe(councilsIn(d, 2025).length);
      for (const p of r.points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
    const imd = scatterFor(d, councils, 'imd', 2025);
    expect(imd.missing.find((m) => m.name === 'Cumberland')?.reason).toMatch(/no IMD 2019 score: created in April 2023/);
    expect(scatterFor(d, councils, 'share', 2025).points.some((p) => p.name === 'Cumberland')).toBe(true);
  });
  it('finds the strong positive association CWIP describes for children looked after', () => {
    const r = scatterFor(d, councils, 'imd', 2025);
    expect(r.fit.rho!).toBeGreaterThan(0.6);
    expect(r.fit.line!.slope).toBeGreaterThan(0);
  });
  it('its CSV holds England, every point and every council not shown', () => {
    const r = scatterFor(d, councils, 'imd', 2025);
    const csv = scatterCsv(d, r, data.regions);
    expect(csv.rows.length).toBe(1 + r.points.length + r.missing.length);
    const blackpool = csv.rows.find((row) => row[1] === 'Blackpool')!;
    expect(blackpool[6]).toBe(r.points.find((p) => p.name === 'Blackpool')!.y);
    expect(blackpool[2]).toBe('North West');
  });
  it('the adjusted CSV carries the limits and the verdict of each council', () => {
    const r = adjustedFor(d, adjustedInput, councils, 2025);
    const csv = adjustedCsv(d, r, adjustedInput, data.regions);
    expect(csv.rows.length).toBe(r.points.length + r.missing.length);
    const row = csv.rows[0]!;
    const [lo95, hi95] = [Number(row[15]), Number(row[16])];
    expect(lo95).toBeLessThan(1);
    expect(hi95).toBeGreaterThan(1);
  });
  it('lists councils by name, in the order the build sorted them (no locale comparison in the browser)', () => {
    const byName = (names: readonly string[]) => [...names].sort((a, b) => a.localeCompare(b, 'en-GB'));
    const names = (rows: readonly (readonly (string | number)[])[]) => rows.map((row) => String(row[1]));
    const scatter = scatterFor(d, councils, 'imd', 2010);
    expect(scatter.missing.length).toBeGreaterThan(1);
    expect(scatter.missing.map((m) => m.name)).toEqual(byName(scatter.missing.map((m) => m.name)));
    const shown = names(scatterCsv(d, scatter, data.regions).rows.slice(1, 1 + scatter.points.length));
    expect(shown).toEqual(byName(shown));
    const adjusted = adjustedFor(d, adjustedInput, councils, 2025);
    const rows = names(adjustedCsv(d, adjusted, adjustedInput, data.regions).rows.slice(0, adjusted.points.length));
    expect(rows).toEqual(byName(rows));
    expect(computeGap(d, [...councils.values()]).unranked.map((u) => u.name)).toEqual(byName(computeGap(d, [...councils.values()]).unranked.map((u) => u.name)));
  });
});

describe('view state in the query string', () => {
  const ctx = contextOf(data);
  const d = defaultIneqState(ctx);
  const parse = (q: string) => parseIneqState(new URLSearchParams(q), ctx);

  it('defaults are omitted: an unchanged view has no query string', () => {
    expect(serializeIneqState(d, ctx)).toBe('');
    expect(chartPaths('scatter', d, ctx)).toEqual({ path: '/inequalities/#scatter', embedPath: '/embed/inequalities/scatter/' });
  });
  it('round-trips a changed view, and each chart carries only its own parameters', () => {
    const s = { ...d, measure: 'child-protection-plans', x: 'share' as const, year: 2015, areas: ['E06000009', 'E08000025'], adj: 'child-protection-plans' as const, adjyear: 2019, gap: 'referrals' };
    const q = serializeIneqState(s, ctx);
    expect(q).toBe('?measure=child-protection-plans&x=share&year=2015&areas=E06000009,E08000025&adj=child-protection-plans&adjyear=2019&gap=referrals');
    expect(parse(q)).toEqual({ state: s, notices: [] });
    expect(chartPaths('gap', s, ctx).path).toBe('/inequalities/?gap=referrals#gap');
    expect(chartPaths('adjusted', s, ctx).embedPath).toBe('/embed/inequalities/adjusted/?areas=E06000009,E08000025&adj=child-protection-plans&adjyear=2019');
  });
  it('bad values fall back to the default, each with a notice; nothing is echoed unescaped or at length', () => {
    const { state, notices } = parse('measure=<script>&x=poverty&year=1999&region=E12&areas=E06000009,XX,E06000009&adj=referrals&adjyear=abc&gap=&zzz=1');
    expect(state).toEqual({ ...d, areas: ['E06000009'] });
    expect(notices.map((n) => n.param).sort()).toEqual(['adj', 'adjyear', 'areas', 'gap', 'measure', 'region', 'x', 'year', 'zzz'].sort());
    expect(notices.find((n) => n.param === 'year')!.message).toBe('“1999” is not a year with data (2010 to 2025); showing 2025.');
    const long = parse(`measure=${'a'.repeat(500)}`).notices[0]!.message;
    expect(long).toContain(`“${'a'.repeat(40)}…”`);
    expect(long).not.toContain('a'.repeat(41));
  });
  it('keeps at most eight councils', () => {
    const codes = data.councils.filter((c) => c.lastYear === undefined).slice(0, 10).map((c) => c.code);
    const { state, notices } = parse(`areas=${codes.join(',')}`);
    expect(state.areas).toEqual(codes.slice(0, 8));
    expect(notices[0]!.message).toMatch(/At most 8/);
  });
});

describe('the worked example on /methodology/', () => {
  it('is the chart’s own figure for Blackpool, step by step', async () => {
    const { workedExample } = await import('@/lib/inequalities/worked');
    const w = workedExample('E06000009', 'looked-after', 2025);
    expect(w.steps.map((s) => s.rate)).toEqual([133, 88, 67, 55, 40, 29, 29, 23, 14, 12]);
    expect(w.steps.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(w.index).toBeCloseTo(w.steps.reduce((s, x) => s + x.share * x.rate, 0), 12);
    expect(w.expectedRate).toBeCloseTo((w.englandRate * w.index) / w.englandIndex, 9);
    expect(w.expected).toBeCloseTo((w.expectedRate * w.children017) / 10_000, 9);
    const chart = adjustedFor(ineqMeasureData('looked-after'), adjustedInput, councils, 2025).points.find((p) => p.code === 'E06000009')!;
    expect(w.ratio).toBeCloseTo(chart.ratio, 12);
    expect(w.observed).toBe(Number(readData('looked-after.csv').find((r) => r.measure === 'looked-after' && r.year === '2025' && r.area_code === 'E06000009')!.count));
    expect(Math.abs(w.totals.expected / w.totals.observed - 1)).toBeLessThan(0.02);
  });
});

describe('the all-councils CSVs the build writes as files instead of carrying them in the page', () => {
  it("a council page's scatter links to the file of exactly its CSV", () => {
    const inline = councilScatter('E06000001').frame.share.csv;
    if ('href' in inline) throw new Error('the scatter builds its CSV inline');
    const linked = withCsvFile(councilScatter('E06000001')).frame.share.csv;
    expect(linked).toEqual({ filename: 'looked-after-rate-against-imd-councils-2025', href: '/inequalities/data/looked-after-rate-against-imd-councils-2025.csv' });
    expect(serverCsvFiles().get(inline.filename)).toEqual(inline);
    // every council with a figure, England's row first
    expect(inline.rows[0]![0]).toBe('E92000001');
    expect(inline.rows.filter((r) => r[7] === 'ok').length).toBeGreaterThan(140);
  });
  it('every council page (abolished councils too, with their own last year) has its file', () => {
    const names = new Set(buildInequalitiesData().councils.map((c) => withCsvFile(councilScatter(c.code)).frame.share.csv.filename));
    expect([...names].every((n) => serverCsvFiles().has(n))).toBe(true);
    expect(names.size).toBeGreaterThan(1);
  });
  it('refuses to link a CSV the build does not write', () => {
    const data = buildInequalitiesData();
    const ctx = contextOf(data);
    const view = scatterView({ md: ineqMeasureFile('looked-after').data, councils: councilMap(data.councils), regions: data.regions, iod: data.iodSource, state: { ...defaultIneqState(ctx), year: 2016 }, ctx, interactive: true });
    expect(() => withCsvFile(view)).toThrow('the build writes no looked-after-rate-against-imd-councils-2016.csv');
  });
});
