import { describe, expect, it } from 'vitest';
import { defaultState, embedNotice, MAX_AREAS, parseViewState, serializeViewState, shown, type StateContext, type ViewState } from '@/lib/url-state';

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

  it("England's own code is not an error: England is always shown, and the notice says so", () => {
    const { state, notices } = parse('areas=E92000001,E09000012');
    expect(state.areas).toEqual(['E09000012']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ param: 'areas', info: true });
    expect(notices[0]!.message).toContain('England is always shown');
    expect(notices[0]!.message).not.toContain('not in this data');
  });

  // Characters that can reorder or hide echoed text: C0/C1 controls, zero-width and bidi marks,
  // embeddings, overrides and isolates, the byte order mark.
  const unsafe = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff'];
  it('echoed input loses every control, zero-width and bidi character', () => {
    for (const c of unsafe) expect(shown(`a${c}b`), `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).toBe('ab');
    // the spoof: a right-to-left override makes "detcerroc erew…" read "…were corrected"
    const spoof = '\u202edetcerroc erew serugif esehT';
    const { notices } = parse(`view=${encodeURIComponent(spoof)}`);
    const text = notices.map((n) => n.message).join(' ');
    for (const c of unsafe) expect(text.includes(c)).toBe(false);
    expect(text).toContain('“detcerroc erew serugif esehT” is not a view');
  });

  it('an embed echoes nothing from the link: unknown names and all values are counted, not shown', () => {
    const spoof = '\u202edetcerroc erew serugif esehT';
    const one = embedNotice(parse(`view=${encodeURIComponent(spoof)}`).notices)!;
    expect(one).toBe('A setting in this link was ignored (“view”); the default is shown.');
    const many = embedNotice(parse(`${encodeURIComponent('These figures were corrected')}=1&year=1999&areas=E99999999&zz=1`).notices)!;
    expect(many).toBe('4 settings in this link were ignored (“areas”, “year” and 2 unknown ones); the defaults are shown.');
    expect(many).not.toMatch(/corrected|1999|E99999999|zz/);
    expect(embedNotice(parse('nonsense=1').notices)).toBe('A setting in this link was ignored; the default is shown.');
    // nothing to say: a clean link, or one that only named England
    expect(embedNotice(parse('view=map').notices)).toBeUndefined();
    expect(embedNotice(parse('areas=E92000001').notices)).toBeUndefined();
  });
});
