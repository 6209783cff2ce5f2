import { describe, expect, it } from 'vitest';
import { memberIn } from '@/lib/areas/identity';
import { buildAreaProfile } from '@/lib/areas/profile';
import { rankAmong } from '@/lib/areas/headline';
import { meanOf } from '@/lib/areas/neighbours';
import { oneIn } from '@/lib/pathway';
import { profileByCode, profileIndex, profileInputs } from '@/lib/data/areas';
import { loadAreas, loadObservations } from '@/lib/data/load';
import { classify } from '@/lib/stats/funnel';

const inputs = profileInputs();
const profile = (code: string) => buildAreaProfile(inputs, profileByCode(code)!);
const obs = (measure: string, code: string, year: number) => loadObservations().find((o) => o.measure === measure && o.areaCode === code && o.year === year);
const value = (c: { kind: string; value?: number } | undefined) => (c?.kind === 'value' ? c.value : undefined);

describe('which page profiles which area', () => {
  const index = profileIndex();
  it('gives every area in areas.csv a page or a page that leads to one', () => {
    for (const a of loadAreas()) expect(index.byCode.has(a.code) || index.redirects.has(a.code), a.code).toBe(true);
  });
  it('leads the pre-2025 codes of Barnsley and Sheffield, and the 2013 codes, to the current code', () => {
    expect(index.redirects.get('E08000016')?.to).toBe('E08000038');
    expect(index.redirects.get('E08000019')?.to).toBe('E08000039');
    expect(index.redirects.get('E06000048')?.to).toBe('E06000057'); // Northumberland
    expect(index.redirects.get('E08000020')?.to).toBe('E08000037'); // Gateshead
    expect(index.redirects.get('E10000002')?.to).toBe('E06000060'); // Buckinghamshire county → unitary, same area
  });
  it('keeps a page for a council that was split, not a redirect', () => {
    expect(index.byCode.has('E10000021')).toBe(true); // Northamptonshire
    expect(index.byCode.has('E10000006')).toBe(true); // Cumbria
    expect(index.redirects.has('E10000021')).toBe(false);
  });
  it('uses the code in force each year', () => {
    const bucks = index.byCode.get('E06000060')!;
    expect(memberIn(bucks, 2020)).toBe('E10000002');
    expect(memberIn(bucks, 2021)).toBe('E06000060');
    expect(memberIn(index.byCode.get('E08000038')!, 2025)).toBe('E08000016');
  });
});

describe("Blackpool's profile against DfE's published figures", () => {
  const p = profile('E06000009');
  const h = (id: string) => p.headline.find((x) => x.measure === id)!;
  it('shows the latest figures with their year', () => {
    // DfE, Children looked after in England 2025: Blackpool 531 children, 184 per 10,000; England 67.
    expect(h('looked-after')).toMatchObject({ year: 2025, count: { kind: 'value', value: 531 }, rate: { kind: 'value', value: 184 }, england: { rate: { kind: 'value', value: 67 } } });
    // DfE, Children in need 2025, C4: Blackpool 904 section 47 enquiries.
    expect(h('s47-enquiries').count).toEqual({ kind: 'value', value: 904 });
    expect(h('looked-after').region).toMatchObject({ code: 'E12000002', rate: { kind: 'value', value: 90 } });
  });
  it('ranks it among the councils of that year, highest first', () => {
    const rates = loadObservations().filter((o) => o.measure === 'looked-after' && o.year === 2025 && loadAreas().find((a) => a.code === o.areaCode)?.level === 'la').map((o) => value(o.rate)).filter((v): v is number => v !== undefined);
    expect(h('looked-after').rank).toEqual({ position: 1 + rates.filter((r) => r > 184).length, of: rates.length, tied: rates.filter((r) => r === 184).length > 1, among: 'councils' });
    expect(h('looked-after').rank!.position).toBe(1);
  });
  it("gives the funnel verdict of its rate for its number of children, around England's rate", () => {
    const f = h('looked-after').funnel!;
    expect(f.centre).toBe(67);
    expect(f.verdict).toBe(classify(184, f.population, 67) === 'above998' ? 'above' : 'not above');
    expect(f.upper998).toBeGreaterThan(67);
    expect(f.lower998).toBeLessThan(67);
  });
  it("names DfE's ten statistical neighbours of the 2025 model, closest first", () => {
    expect(p.neighbours!.model).toBe('2025');
    expect(p.neighbours!.neighbours.map((n) => n.name)).toEqual(['Hartlepool', 'Middlesbrough', 'Sunderland', 'Liverpool', 'South Tyneside', 'Redcar and Cleveland', 'Rochdale', 'Torbay', 'Salford', 'Stoke-on-Trent']);
  });
  it("takes the neighbours' average as the plain mean of their rates", () => {
    const c = p.comparisons.find((x) => x.measure === 'looked-after')!;
    const rates = p.neighbours!.neighbours.map((n) => value(obs('looked-after', n.code, 2025)?.rate)!);
    expect(rates).toHaveLength(10);
    expect(c.average!.value).toBeCloseTo(rates.reduce((a, b) => a + b, 0) / 10, 10);
    expect(c.average!.n).toBe(10);
  });
  it('gives the pathway conversions from the counts of the year', () => {
    const y = p.pathway.years.find((x) => x.year === 2025)!;
    expect(y.count).toEqual([2707, 904, 347, 301]);
    expect(y.conversions[1]).toBeCloseTo(347 / 904, 12);
    expect(oneIn(y.conversions[1]!)).toBe('1 in 3');
  });
  it('draws Blackpool, the North West and England on every trend', () => {
    for (const t of p.trends) expect(t.series.map((s) => s.label)).toEqual(['England', 'North West', 'Blackpool']);
  });
});

describe('missing figures stay missing, with their reason', () => {
  it('Isles of Scilly: child protection plans on 31 March 2025 are suppressed, and the last published year is given', () => {
    const h = profile('E06000053').headline.find((x) => x.measure === 'child-protection-plans')!;
    expect(h.count).toEqual({ kind: 'missing', status: 'c' });
    expect(h.rank).toBeUndefined();
    expect(h.funnel).toBeUndefined();
    expect(h.lastValue?.year).toBe(2024);
  });
  it("a neighbour with no figure is left out of the average and counted out", () => {
    expect(meanOf([{ kind: 'value', value: 10 }, { kind: 'missing', status: 'c' }, undefined, { kind: 'value', value: 20 }])).toEqual({ value: 15, n: 2 });
    expect(meanOf([{ kind: 'missing', status: 'c' }])).toBeUndefined();
  });
  it('ties share a rank', () => {
    expect(rankAmong(5, [9, 5, 5, 1])).toEqual({ position: 2, tied: true });
  });
});

describe('former and renamed councils', () => {
  it('Northamptonshire stops in 2020-21 and leads to North and West Northamptonshire', () => {
    const p = profile('E10000021');
    expect(p.history!.former).toBe(true);
    expect(p.history!.successors.map((s) => s.name)).toEqual(['North Northamptonshire', 'West Northamptonshire']);
    expect(p.headline.every((h) => h.year === 2021)).toBe(true);
    expect(p.neighbours!.model).toBe('2021'); // DfE's "Old SNs" block
    expect(p.trends[0]!.series.at(-1)!.points.at(-1)!.year).toBe(2021);
  });
  it("Barnsley's page under its 2025 code shows the figures published under its old one", () => {
    const p = profile('E08000038');
    const h = p.headline.find((x) => x.measure === 'referrals')!;
    expect(h.dataCode).toBe('E08000016');
    expect(h.count).toEqual(obs('referrals', 'E08000016', 2025)!.count);
    expect(p.neighbours!.listedAs).toBe('E08000016');
  });
  it("Buckinghamshire's trend is one line across its change of code, with the change noted", () => {
    const t = profile('E06000060').trends.find((x) => x.measure === 'looked-after')!;
    expect(t.series.at(-1)!.points).toHaveLength(16);
    expect(t.codeChanges).toEqual([{ year: 2021, from: 'E10000002', to: 'E06000060' }]);
  });
});
