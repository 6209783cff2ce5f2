import { describe, expect, it } from 'vitest';
import { defaultState, MAX_AREAS, parseViewState, serializeViewState, type StateContext, type ViewState } from '@/lib/url-state';

const ctx: StateContext = {
  firstYear: 2010,
  lastYear: 2025,
  areaCodes: new Set(['E12000007', 'E09000012', 'E06000009', 'E06000008', 'E10000021', 'E06000061', 'E06000062', 'E09000001', 'E06000053', 'E08000025']),
  hasRate: true,
  hasCount: true,
};
const parse = (qs: string, c = ctx) => parseViewState(new URLSearchParams(qs), c);

describe('URL state', () => {
  it('an empty query string is the default view, and the default serialises to nothing', () => {
    const { state, notices } = parse('');
    expect(state).toEqual(defaultState(ctx));
    expect(notices).toEqual([]);
    expect(serializeViewState(state, ctx)).toBe('');
  });

  it('round-trips every non-default setting, writing only what differs', () => {
    const s: ViewState = { view: 'map', areas: ['E09000012', 'E06000009'], year: 2019, from: 2012, to: 2020, unit: 'count', regions: true, plot: 'dots', table: 'councils', order: 'oldest' };
    const qs = serializeViewState(s, ctx);
    expect(qs).toBe('?view=map&areas=E09000012,E06000009&year=2019&from=2012&to=2020&unit=count&regions=1&table=councils&order=oldest');
    expect(parse(qs.slice(1))).toEqual({ state: s, notices: [] });
    const funnel: ViewState = { ...defaultState(ctx), view: 'rank', plot: 'funnel' };
    expect(serializeViewState(funnel, ctx)).toBe('?view=rank&plot=funnel');
    expect(parse('view=rank&plot=funnel').state).toEqual(funnel);
  });

  it('the table mode, year and order can be linked to: all councils in a year, years oldest first', () => {
    const councils = parse('view=table&table=councils&year=2019');
    expect(councils).toEqual({ state: { ...defaultState(ctx), view: 'table', table: 'councils', year: 2019 }, notices: [] });
    expect(serializeViewState(councils.state, ctx)).toBe('?view=table&year=2019&table=councils');
    // the defaults (compared areas, newest first) are not written
    expect(serializeViewState({ ...defaultState(ctx), view: 'table' }, ctx)).toBe('?view=table');
    expect(parse('view=table&order=oldest').state.order).toBe('oldest');
  });

  it('keeps the order areas were added in, de-duplicated and upper-cased', () => {
    expect(parse('areas=e09000012,E06000009,E09000012').state.areas).toEqual(['E09000012', 'E06000009']);
  });

  const bad: [string, string, Partial<ViewState>][] = [
    ['view=pie', 'view', { view: 'chart' }],
    ['areas=E09000012,E99999999', 'areas', { areas: ['E09000012'] }],
    ['areas=W06000001', 'areas', { areas: [] }],
    ['year=2031', 'year', { year: 2025 }],
    ['year=1999', 'year', { year: 2025 }],
    ['year=20x5', 'year', { year: 2025 }],
    ['year=2020.5', 'year', { year: 2025 }],
    ['from=2020&to=2012', 'from', { from: 2010, to: 2025 }],
    ['unit=percent', 'unit', { unit: 'rate' }],
    ['regions=maybe', 'regions', { regions: false }],
    ['plot=funnel&unit=count', 'plot', { plot: 'dots', unit: 'count' }],
    ['colour=red', 'colour', {}],
    ['year=2019&year=2018', 'year', { year: 2019 }],
    ['view=table&table=everything', 'table', { view: 'table', table: 'areas' }],
    ['view=table&order=random', 'order', { view: 'table', order: 'newest' }],
  ];
  for (const [qs, param, expected] of bad) {
    it(`falls back with a notice on ${qs}`, () => {
      const { state, notices } = parse(qs);
      expect(state).toMatchObject(expected);
      expect(notices.map((n) => n.param)).toContain(param);
    });
  }

  it('a measure without rates refuses unit=rate; one without counts refuses unit=count', () => {
    const noRate = { ...ctx, hasRate: false };
    expect(defaultState(noRate).unit).toBe('count');
    expect(parse('unit=rate', noRate)).toMatchObject({ state: { unit: 'count' }, notices: [{ param: 'unit' }] });
    const noCount = { ...ctx, hasCount: false };
    expect(parse('unit=count', noCount)).toMatchObject({ state: { unit: 'rate' }, notices: [{ param: 'unit' }] });
  });

  it(`caps the comparison at ${MAX_AREAS} areas`, () => {
    const all = [...ctx.areaCodes].join(',');
    const { state, notices } = parse(`areas=${all}`);
    expect(state.areas).toHaveLength(MAX_AREAS);
    expect(notices.some((n) => n.param === 'areas')).toBe(true);
  });

  it('hostile input is shortened and never crashes; notices carry it as plain text', () => {
    const evil = '<script>alert(1)</script>'.repeat(5);
    const { state, notices } = parse(`view=${encodeURIComponent(evil)}&areas=${encodeURIComponent(evil)}&%3Cimg%20src%3Dx%3E=1`);
    expect(state).toEqual(defaultState(ctx));
    for (const n of notices) expect(n.message.length).toBeLessThan(200);
    // 40 characters, then an ellipsis: shown as text (React escapes it), never as markup
    expect(notices.map((n) => n.message).join(' ')).toContain('“<script>alert(1)</script><script>alert(1…”');
  });
});
