import { describe, expect, it } from 'vitest';
import { areaByCode, breaksFor, loadFactorLabels, loadFactors, loadMeasure, loadNeighbours, observationsFor, pathwayFor } from '@/lib/data/load';
import { buildMeasureData } from '@/lib/explorer/build';
import { ENGLAND } from '@/lib/query';
import { EPISODES_WITH_FACTORS } from '@/lib/schema/pathway';
import type { Cell } from '@/lib/status';

/**
 * Data wave 2 against DfE's published figures. The national series are typed here from the
 * releases themselves (C4 and D3 of Children in need 2025, the 2009-10 to 2011-12 underlying data,
 * the 2025 placement stability file), on purpose: the test must not read them from data/.
 */

const show = (c: Cell | undefined) => (c === undefined ? 'no row' : c.kind === 'value' ? c.value : c.status);
function figure(measure: string, area: string, year: number): number | string {
  const o = observationsFor(measure).find((x) => x.areaCode === area && x.year === year);
  return show(o?.count);
}
const series = (measure: string, area = ENGLAND) => Object.fromEntries(observationsFor(measure).filter((o) => o.areaCode === area).sort((a, b) => a.year - b.year).map((o) => [o.year, show(o.count)]));

describe('the pathway measures equal DfE\'s published England figures', () => {
  it('children subject to section 47 enquiries, 2009-10 to 2024-25 (old files, then C4 Section47_child)', () => {
    expect(series('s47-children')).toEqual({
      2010: 87700, 2011: 111700, 2012: 124590, 2013: 117350, 2014: 132200, 2015: 146630, 2016: 156720, 2017: 167670,
      2018: 177110, 2019: 179160, 2020: 177840, 2021: 174210, 2022: 189430, 2023: 194150, 2024: 191360, 2025: 195250,
    });
  });
  it('children subject to initial child protection conferences (old files, then C4 ICPC_child)', () => {
    expect(series('icpc-children')).toEqual({
      2010: 43100, 2011: 53000, 2012: 56200, 2013: 59280, 2014: 64510, 2015: 70390, 2016: 72090, 2017: 75890,
      2018: 78490, 2019: 76360, 2020: 76340, 2021: 71740, 2022: 72800, 2023: 73270, 2024: 71140, 2025: 71070,
    });
  });
  it('child protection plans started (old files CPPIn/CPPStart, then D3 CPP_start)', () => {
    expect(series('cpp-starts')).toEqual({
      2010: 44300, 2011: 49000, 2012: 52100, 2013: 52680, 2014: 59780, 2015: 62210, 2016: 63310, 2017: 66410,
      2018: 68770, 2019: 66680, 2020: 66380, 2021: 63830, 2022: 64390, 2023: 63870, 2024: 62110, 2025: 61840,
    });
  });
  it('second or subsequent plans, % (D3 CPP_subsequent_percent, 2012-13 to 2024-25)', () => {
    expect(series('cpp-repeat')).toEqual({ 2013: 14.9, 2014: 15.8, 2015: 16.6, 2016: 17.9, 2017: 18.7, 2018: 20.2, 2019: 20.8, 2020: 21.9, 2021: 22.1, 2022: 22.7, 2023: 23.6, 2024: 24.7, 2025: 24.5 });
  });
  it('placement stability, % (2020-21 to 2024-25)', () => {
    expect(series('cla-placement-moves')).toEqual({ 2021: 9, 2022: 10, 2023: 11, 2024: 11, 2025: 10 });
    expect(series('cla-long-term-stability')).toEqual({ 2021: 70, 2022: 71, 2023: 68, 2024: 68, 2025: 69 });
  });
  it('councils, including suppressed and withheld cells', () => {
    expect(figure('cla-placement-moves', 'E06000009', 2025)).toBe(8); // Blackpool
    expect(figure('cla-long-term-stability', 'E06000009', 2025)).toBe(62);
    expect(figure('cpp-repeat', 'E08000017', 2022)).toBe('u'); // Doncaster: low reliability
    expect(figure('cpp-starts', 'E08000017', 2022)).toBe(437);
    expect(figure('cpp-repeat', 'E06000017', 2022)).toBe('c'); // Rutland: suppressed
    expect(figure('cpp-starts', 'E09000012', 2022)).toBe('x'); // Hackney: not available (cyber-attack)
    expect(figure('s47-children', 'E09000012', 2021)).toBe('x');
  });
  it('percentages have no rate per 10,000 and name their base', () => {
    for (const id of ['cpp-repeat', 'cla-placement-moves', 'cla-long-term-stability']) {
      const m = loadMeasure(id);
      expect(m.countUnit).toBe('%');
      expect(m.hasRate).toBe(false);
      for (const o of observationsFor(id)) expect(o.rate, `${id} ${o.year} ${o.areaCode}`).toEqual({ kind: 'missing', status: 'z' });
    }
    expect(loadMeasure('cpp-repeat').denominator).toBe('cpp-starts');
    expect(loadMeasure('cla-placement-moves').denominator).toBe('looked-after');
  });
});

describe('England rates share the councils\' denominators', () => {
  it('children looked after 2014 to 2019 use the rate DfE published (England 2016: 60, not 60.7 computed on a newer population)', () => {
    const o = observationsFor('looked-after').find((x) => x.areaCode === ENGLAND && x.year === 2016)!;
    expect(o.rate).toEqual({ kind: 'value', value: 60 });
    expect(o.rateOrigin).toBe('published');
    expect(o.rateSourceId).toBe('dfe-cla-2019-ud-cla');
    expect(o.sourceId).toBe('dfe-cla-2024-ts'); // the count stays the revised one
  });
  it('2010 to 2013 stay computed, like the councils of those years (DfE published no council rates then)', () => {
    const o = observationsFor('looked-after').find((x) => x.areaCode === ENGLAND && x.year === 2012)!;
    expect(o.rateOrigin).toBe('computed');
    const council = observationsFor('looked-after').find((x) => x.areaCode === 'E06000001' && x.year === 2012)!;
    expect(council.rateOrigin).toBe('computed');
  });
});

describe('breaks in the series', () => {
  it('section 47 enquiries and ICPCs change what they count in 2012-13; the children series do not', () => {
    for (const id of ['s47-enquiries', 'icpcs', 'cpp-starts']) {
      expect(breaksFor(id).find((b) => b.kind === 'counting-change')?.year, id).toBe(2013);
    }
    for (const id of ['s47-children', 'icpc-children']) expect(breaksFor(id).some((b) => b.kind === 'counting-change'), id).toBe(false);
  });
  it('the first, experimental census year is a break for every children in need measure, and not for children in care', () => {
    for (const id of ['referrals', 's47-enquiries', 'icpcs', 'children-in-need', 'child-protection-plans', 's47-children']) expect(breaksFor(id).some((b) => b.kind === 'system-change' && b.year === 2011), id).toBe(true);
    expect(breaksFor('looked-after')).toEqual([]);
  });
  it('the measure page data carries them', () => {
    const d = buildMeasureData('s47-enquiries');
    expect(d.breaks.map((b) => `${b.year} ${b.kind} ${b.appliesTo}`).sort()).toEqual(['2011 system-change count-and-rate', '2013 counting-change count-and-rate', '2013 population-rebase rate']);
    expect(d.breaks.find((b) => b.kind === 'counting-change')!.before).toMatch(/children/);
  });
});

describe("DfE's statistical neighbours", () => {
  const rows = loadNeighbours();
  const areas = areaByCode();
  it('the 2025 model gives all 153 councils of 2025 ten neighbours each', () => {
    const r25 = rows.filter((n) => n.model === '2025');
    expect(new Set(r25.map((n) => n.areaCode)).size).toBe(153);
    expect(r25.length).toBe(1530);
  });
  it("Blackpool's ten neighbours, closest first (2025 model)", () => {
    const names = rows.filter((n) => n.model === '2025' && n.areaCode === 'E06000009').sort((a, b) => a.rank - b.rank).map((n) => areas.get(n.neighbourCode)!.name);
    expect(names).toEqual(['Hartlepool', 'Middlesbrough', 'Sunderland', 'Liverpool', 'South Tyneside', 'Redcar and Cleveland', 'Rochdale', 'Torbay', 'Salford', 'Stoke-on-Trent']);
    expect(rows.find((n) => n.model === '2025' && n.areaCode === 'E06000009' && n.rank === 1)!.closeness).toBe('Very close');
  });
  it('the April 2021 model covers the 152 councils of 2021-22, plus four that had gone', () => {
    const r21 = rows.filter((n) => n.model === '2021');
    const codes = new Set(r21.map((n) => n.areaCode));
    expect(codes.size).toBe(152 + 4);
    expect(codes.has('E10000021')).toBe(true); // Northamptonshire
    expect(rows.find((n) => n.model === '2021' && n.areaCode === 'E10000021')!.note).toMatch(/Old SNs/);
    expect(rows.filter((n) => n.areaCode === 'E09000001').every((n) => n.closeness === 'Not close')).toBe(true); // City of London
  });
});

describe('factors identified at the end of assessment', () => {
  const rows = loadFactors();
  const labels = new Map(loadFactorLabels().map((f) => [f.factor, f]));
  it("carries DfE's own description of each factor", () => {
    expect(labels.get('domestic-abuse-parent')?.label).toBe('Domestic abuse: concerns parent is victim');
    expect(labels.get('domestic-abuse-parent')?.topic).toBe('Domestic abuse');
    expect(labels.get('neglect')?.label).toBe('Neglect');
  });
  it("England 2024-25: 513,250 episodes with factor information; 162,890 recorded domestic abuse with the parent as victim (31.7%)", () => {
    const get = (f: string) => rows.find((r) => r.factor === f && r.areaCode === ENGLAND && r.year === 2025)!;
    expect(get(EPISODES_WITH_FACTORS).assessments).toEqual({ kind: 'value', value: 513250 });
    expect(get('domestic-abuse-parent').assessments).toEqual({ kind: 'value', value: 162890 });
    expect(get('domestic-abuse-parent').share).toEqual({ kind: 'value', value: 31.7 });
  });
  it('covers 2017-18 to 2024-25 and keeps suppressed cells as codes', () => {
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]));
    const missing = rows.filter((r) => r.assessments.kind === 'missing');
    expect(missing.some((r) => r.assessments.kind === 'missing' && r.assessments.status === 'c')).toBe(true);
    for (const r of missing) expect(r.share.kind).toBe('missing');
  });
});

describe('the pathway of an area and year', () => {
  it("England 2024-25: referrals → enquiries → conferences → plans, per 10,000, with DfE's counts", () => {
    const p = pathwayFor(ENGLAND, 2025);
    expect(p.flows.map((s) => [s.measure, show(s.count)])).toEqual([
      ['referrals', 632830],
      ['s47-enquiries', 230590],
      ['s47-children', 195250],
      ['icpcs', 72100],
      ['icpc-children', 71070],
      ['cpp-starts', 61840],
    ]);
    expect(p.snapshots.map((s) => [s.measure, show(s.count)])).toEqual([
      ['children-in-need', 402400],
      ['child-protection-plans', 49420],
      ['looked-after', 81770],
    ]);
    for (const s of [...p.flows, ...p.snapshots]) expect(s.rate?.kind, s.measure).toBe('value');
    // conferences per enquiry: 72,100 / 230,590
    expect(p.conversions.find((c) => c.from === 's47-enquiries')!.ratio).toBeCloseTo(72100 / 230590, 10);
  });
  it('a missing step keeps its DfE code, and the conversions around it are not computed', () => {
    const p = pathwayFor('E09000012', 2022); // Hackney, no figures after the cyber-attack
    expect(p.flows.every((s) => s.count?.kind === 'missing' && s.count.status === 'x')).toBe(true);
    expect(p.conversions.every((c) => c.ratio === undefined)).toBe(true);
  });
  it('a council that did not exist that year has no figures (no rows), not zeros', () => {
    const p = pathwayFor('E06000063', 2020); // Cumberland, created 2023
    expect(p.flows.every((s) => s.count === undefined)).toBe(true);
  });
});
