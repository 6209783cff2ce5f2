import { describe, expect, it } from 'vitest';
import { areaMap, ENGLAND, stateContextOf } from '@/lib/explorer/access';
import { buildMeasureData } from '@/lib/explorer/build';
import { buildTable } from '@/lib/explorer/table';
import type { MeasureData, SeriesBreak } from '@/lib/explorer/types';
import { defaultState, type ViewState } from '@/lib/view-state';
import { readData } from '../e2e/helpers';

const real = buildMeasureData('s47-enquiries');
// The first real break (data/breaks.csv): until 2011-12 DfE counted children who were the subject
// of an enquiry; from 2012-13 it counts enquiries. A fixture here, so the test does not depend on
// which breaks the data holds today.
const COUNTING = {
  year: 2013,
  kind: 'counting-change',
  appliesTo: 'count-and-rate',
  label: 'Counting changed',
  note: 'Until 2011-12 DfE counted children who were the subject of an enquiry; from 2012-13 it counts enquiries.',
  before: 'children, not enquiries',
  sourceId: 'dfe-cin-2025-c4',
  source: 'Department for Education, Children in need',
} as SeriesBreak;
// A new population base: it changes the rates, not the counts.
const REBASE = {
  year: 2013,
  kind: 'population-rebase',
  appliesTo: 'rate',
  label: 'New population base',
  note: 'From 2012-13 rates use the rebased estimates.',
  before: 'rates on the population estimates of the time',
  sourceId: 'ons-pop-cin-2025',
  source: 'Office for National Statistics',
} as SeriesBreak;
const s47: MeasureData = { ...real, breaks: [COUNTING] };
const ctx = stateContextOf(s47);
const byCode = areaMap(s47);
const BLACKPOOL = 'E06000009';
const shown = [byCode.get(ENGLAND)!, byCode.get(BLACKPOOL)!];
const table = (patch: Partial<ViewState>) => buildTable(s47, { ...defaultState(ctx), view: 'table', areas: [BLACKPOOL], ...patch }, shown, 'England and Blackpool');

describe('the table view', () => {
  it('compared areas over time: the latest year is the first column after the name; oldest first on request', () => {
    const t = table({});
    expect(t.columns.map((c) => c.label).slice(0, 3)).toEqual(['Area', '2024-25', '2023-24']);
    expect(t.columns.at(-1)!.label).toBe('2009-10');
    expect(t.rows.map((r) => r.key)).toEqual([ENGLAND, BLACKPOOL]);
    const oldest = table({ order: 'oldest' });
    expect(oldest.columns.map((c) => c.label).slice(0, 2)).toEqual(['Area', '2009-10']);
    expect(oldest.years).toEqual([...t.years].reverse());
  });

  it('shows the figures of the data, and a missing one as its DfE code', () => {
    const t = table({ unit: 'count' });
    const england2025 = readData('section-47.csv').find((r) => r.measure === 's47-enquiries' && r.area_code === ENGLAND && r.year === '2025')!;
    expect(t.rows[0]!.cells['2025']).toEqual({ kind: 'value', value: Number(england2025.count) });
    const hackney = buildTable(s47, { ...defaultState(ctx), table: 'areas', areas: ['E09000012'] }, [byCode.get('E09000012')!], 'Hackney');
    expect(hackney.rows[0]!.cells['2022']).toEqual({ kind: 'missing', status: 'x' });
  });

  it('marks the years before a break, with a note saying how they were counted', () => {
    const t = table({});
    const marked = t.columns.filter((c) => c.marks?.length).map((c) => c.year);
    expect(marked).toEqual([2012, 2011, 2010]);
    expect(t.columns.find((c) => c.year === 2013)!.marks).toEqual([]);
    expect(t.notes).toEqual([{ mark: '*', year: 2013, text: `Up to 2011-12: children, not enquiries. ${COUNTING.note}` }]);
  });

  it('says nothing of a break when no year before it is shown', () => {
    expect(table({ from: 2013 }).notes).toEqual([]);
    expect(table({ table: 'councils', year: 2013 }).notes).toEqual([]);
    expect(buildTable({ ...real, breaks: [] }, { ...defaultState(ctx), areas: [BLACKPOOL] }, shown, 'England and Blackpool').notes).toEqual([]);
  });

  it('two breaks: each has its mark, and a year before both carries both', () => {
    const firstCensus = { ...COUNTING, year: 2011, kind: 'system-change', label: 'First census year', before: 'the first, experimental census year', note: 'DfE treats 2010-11 onwards as the more robust base.' } as SeriesBreak;
    const t = buildTable({ ...s47, breaks: [COUNTING, firstCensus] }, { ...defaultState(ctx), areas: [BLACKPOOL] }, shown, 'England and Blackpool');
    expect(t.notes.map((n) => [n.mark, n.year])).toEqual([['*', 2011], ['†', 2013]]);
    expect(t.columns.find((c) => c.year === 2010)!.marks).toEqual(['*', '†']);
    expect(t.columns.find((c) => c.year === 2012)!.marks).toEqual(['†']);
  });

  it('two changes in the same year share one mark; a new population base marks the rates, not the counts', () => {
    const both = { ...s47, breaks: [COUNTING, REBASE] };
    const rates = buildTable(both, { ...defaultState(ctx), areas: [BLACKPOOL] }, shown, 'England and Blackpool');
    expect(rates.notes).toEqual([{ mark: '*', year: 2013, text: `Up to 2011-12: children, not enquiries; rates on the population estimates of the time. ${COUNTING.note} ${REBASE.note}` }]);
    expect(rates.columns.find((c) => c.year === 2012)!.marks).toEqual(['*']);
    const counts = buildTable(both, { ...defaultState(ctx), unit: 'count', areas: [BLACKPOOL] }, shown, 'England and Blackpool');
    expect(counts.notes.map((n) => n.text)).toEqual([`Up to 2011-12: children, not enquiries. ${COUNTING.note}`]);
    expect(buildTable({ ...s47, breaks: [REBASE] }, { ...defaultState(ctx), unit: 'count' }, shown, 'England').notes).toEqual([]);
  });

  it('all councils in a year: the figure comes straight after the name, largest first; a year before the break is marked', () => {
    const t = table({ table: 'councils', year: 2012 });
    expect(t.columns.map((c) => c.key)).toEqual(['area', 'value', 'region', 'code']);
    expect(t.columns[1]!.label).toBe('2011-12');
    expect(t.columns[1]!.marks).toEqual(['*']);
    expect(t.initialSort).toEqual({ key: 'value', dir: 'desc' });
    expect(t.rows[0]!.key).toBe(ENGLAND);
    expect(t.notes).toHaveLength(1);
  });

  it('the CSV holds exactly the rows shown', () => {
    const councils = table({ table: 'councils', year: 2025 });
    expect(councils.csv.rows.map((r) => r[0])).toEqual(councils.rows.map((r) => r.key));
    const areas = table({});
    expect(new Set(areas.csv.rows.map((r) => r[0]))).toEqual(new Set([ENGLAND, BLACKPOOL]));
    expect(areas.csv.rows).toHaveLength(2 * areas.years.length);
  });
});
