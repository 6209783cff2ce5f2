import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TrendChart, trendCursorText, type TrendChartProps } from '@/components/charts/TrendChart';
import { AREA_STYLES, ENGLAND_STYLE, seriesStyles, spreadLabels } from '@/components/charts/palette';
import type { Series } from '@/lib/explorer/types';
import { formatRate } from '@/lib/format';
import { STATUS_MEANING, type Cell } from '@/lib/status';

const v = (value: number): Cell => ({ kind: 'value', value });
const c: Cell = { kind: 'missing', status: 'c' };
const x: Cell = { kind: 'missing', status: 'x' };

function series(key: string, label: string, kind: Series['kind'], cells: Record<number, Cell | undefined>, note?: string): Series {
  return { key, label, kind, points: Object.entries(cells).map(([y, cell]) => ({ year: Number(y), cell })), note };
}

const england = series('E92000001', 'England', 'england', { 2010: v(50), 2011: v(55), 2012: v(60), 2013: v(62), 2014: v(64) });
const gappy = series('E09000012', 'Hackney', 'area', { 2010: v(40), 2011: v(45), 2012: c, 2013: v(70), 2014: v(72) });
const lonely = series('E06000001', 'Hartlepool', 'area', { 2010: v(30), 2011: x, 2012: v(35), 2013: c, 2014: v(38) });
const abolished = series('E10000021', 'Northamptonshire', 'area', { 2010: v(45), 2011: v(47), 2012: v(49), 2013: undefined, 2014: undefined }, 'Abolished after 31 March 2012.');

const base: TrendChartProps = {
  series: [england, gappy],
  unitLabel: 'per 10,000 children aged 0 to 17',
  period: '31-march',
  from: 2010,
  to: 2014,
  formatValue: formatRate,
  width: 600,
};

const render = (p: Partial<TrendChartProps> = {}) => renderToStaticMarkup(createElement(TrendChart, { ...base, ...p }));

/** Parse "M x,y L x,y …" into points. */
const pointsOf = (d: string) => [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1];
const tags = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[0]);

function geometry(html: string) {
  const xOf = new Map(tags(html, /<line[^>]*data-year="\d+"[^>]*>/g).map((t) => [Number(attr(t, 'data-year')), Number(attr(t, 'x1'))]));
  const zero = tags(html, /<g data-y-tick="0">.*?<\/g>/g)[0]!;
  const yZero = Number(attr(zero, 'y1'));
  return { xOf, yZero };
}

function linesOf(html: string, key: string) {
  const group = html.match(new RegExp(`<g data-series="${key}">(.*?)</g>`))![1]!;
  return tags(group, /<path[^>]*data-from[^>]*>/g).map((t) => ({ from: Number(attr(t, 'data-from')), to: Number(attr(t, 'data-to')), pts: pointsOf(attr(t, 'd')!) }));
}

describe('TrendChart: missing figures are gaps, never zeros', () => {
  it('a suppressed middle year splits the line into two segments', () => {
    const html = render();
    const segs = linesOf(html, 'E09000012');
    expect(segs.map((s) => [s.from, s.to])).toEqual([
      [2010, 2011],
      [2013, 2014],
    ]);
    // England has no gap: one segment through all five years
    expect(linesOf(html, 'E92000001').map((s) => s.pts.length)).toEqual([5]);
  });

  it('draws no point for the missing year, and nothing at y = 0', () => {
    const html = render();
    const { xOf, yZero } = geometry(html);
    const x2012 = xOf.get(2012)!;
    expect(x2012).toBeGreaterThan(0);
    for (const s of linesOf(html, 'E09000012')) {
      for (const [px, py] of s.pts) {
        expect(px).not.toBeCloseTo(x2012, 3);
        expect(py).toBeLessThan(yZero - 1);
      }
    }
  });

  it('marks the missing year in the lane with its reason', () => {
    const html = render();
    const lane = html.match(/<g data-lane="E09000012">(.*?)<\/g>/)![1]!;
    const marks = tags(lane, /<path[^>]*data-year="\d+"[^>]*>.*?<\/path>/g);
    expect(marks).toHaveLength(1);
    expect(attr(marks[0]!, 'data-year')).toBe('2012');
    expect(attr(marks[0]!, 'data-reason')).toBe('suppressed');
    expect(marks[0]).toContain('<title>Hackney, 31 March 2012: suppressed.');
    expect(marks[0]).toContain(STATUS_MEANING.c.slice(0, 40));
    // England has no missing years, so no lane row
    expect(html).not.toContain('data-lane="E92000001"');
  });

  it('an undefined cell is "no figure published", with the series note', () => {
    const html = render({ series: [england, abolished] });
    const lane = html.match(/<g data-lane="E10000021">(.*?)<\/g>/)![1]!;
    const marks = tags(lane, /<path[^>]*data-year="\d+"[^>]*>.*?<\/path>/g);
    expect(marks.map((m) => attr(m, 'data-year'))).toEqual(['2013', '2014']);
    expect(marks.every((m) => attr(m, 'data-reason') === 'no figure published')).toBe(true);
    expect(marks[0]).toContain('Abolished after 31 March 2012.');
    // the line stops at 2012, with an end cap there
    expect(linesOf(html, 'E10000021').map((s) => [s.from, s.to])).toEqual([[2010, 2012]]);
    const group = html.match(/<g data-series="E10000021">(.*?)<\/g>/)![1]!;
    const capYears = tags(group, /<path[^>]*data-year="\d+"[^>]*>/g).map((t) => attr(t, 'data-year'));
    expect(capYears).toEqual(['2010', '2012']);
  });

  it('a lone value between gaps is drawn as a dot, not lost', () => {
    const html = render({ series: [england, lonely] });
    expect(linesOf(html, 'E06000001')).toEqual([]);
    const group = html.match(/<g data-series="E06000001">(.*?)<\/g>/)![1]!;
    expect(tags(group, /<path[^>]*data-year="\d+"[^>]*>/g).map((t) => attr(t, 'data-year'))).toEqual(['2010', '2012', '2014']);
  });
});

describe('TrendChart: axes', () => {
  it('the y axis starts at zero and covers the largest value', () => {
    const html = render();
    const ticks = tags(html, /data-y-tick="([\d.]+)"/g).map((t) => Number(t.match(/"([\d.]+)"/)![1]));
    expect(ticks[0]).toBe(0);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(72);
  });

  it('labels years with the short form and always labels the last year', () => {
    const html = render({ period: 'reporting-year' });
    expect(html).toContain('>2013-14<');
    expect(html).toContain('>2009-10<');
  });

  it('a count of zero is drawn at zero (only missing figures are gaps)', () => {
    const zeroes = series('E06000053', 'Isles of Scilly', 'area', { 2010: v(0), 2011: v(0), 2012: v(5), 2013: v(0), 2014: v(0) });
    const html = render({ series: [england, zeroes] });
    const { yZero } = geometry(html);
    const [seg] = linesOf(html, 'E06000053');
    expect(seg!.pts).toHaveLength(5);
    expect(seg!.pts[0]![1]).toBeCloseTo(yZero, 3);
  });
});

describe('TrendChart: layouts and labelling', () => {
  it('draws three layouts for container queries when no width is given', () => {
    const html = render({ width: undefined });
    expect(tags(html, /data-layout="(\d+)"/g)).toEqual(['data-layout="360"', 'data-layout="600"', 'data-layout="920"']);
    expect(tags(html, /<svg[^>]*viewBox="0 0 (\d+) /g).length).toBeGreaterThanOrEqual(3);
  });

  it('labels the svg with titleId / descId, or an aria-label', () => {
    expect(render({ titleId: 't', descId: 'd' })).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="t"[^>]*aria-describedby="d"/);
    expect(render()).toMatch(/<svg[^>]*aria-label="Line chart, per 10,000 children aged 0 to 17, 2010 to 2014: England, Hackney"/);
  });

  it('has a key naming every line', () => {
    const html = render({ width: 360 });
    expect(html).toMatch(/aria-label="Key".*England.*Hackney/);
  });

  it('is not focusable and has no live region without callbacks (static, server-rendered)', () => {
    const html = render();
    expect(html).not.toContain('tabindex');
    expect(html).not.toContain('aria-live');
  });
});

describe('TrendChart: cursor and quotes', () => {
  const noop = () => {};
  it('is one tab stop with keyboard help, and reads the cursor out', () => {
    const html = render({ cursor: { key: 'E09000012', year: 2013 }, onCursorChange: noop });
    expect(tags(html, /tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/role="application"[^>]*aria-label="[^"]*arrow keys/);
    // the focused line first, then every other line at that year (issue 12, item 4)
    expect(html).toMatch(/aria-live="polite"[^>]*>Hackney, 31 March 2013: 70 per 10,000 children aged 0 to 17\. Also: England 62\.</);
  });

  it('the cursor on a missing year gives the reason', () => {
    const p = { ...base, cursor: { key: 'E09000012', year: 2012 }, onCursorChange: noop };
    expect(trendCursorText(p, p.cursor)).toBe(`Hackney, 31 March 2012: suppressed. ${STATUS_MEANING.c} Also: England 60.`);
    expect(renderToStaticMarkup(createElement(TrendChart, p))).toContain('Suppressed.</strong>');
  });

  it('quote markers are labelled buttons with a pressed state', () => {
    const html = render({
      quotes: [
        { id: 'q1', year: 2012, label: 'It doubled' },
        { id: 'q2', year: 2030, label: 'Out of range' },
      ],
      activeQuote: 'q1',
      onQuoteActivate: noop,
    });
    expect(html).toMatch(/role="button" tabindex="0" aria-label="Quote: It doubled" aria-pressed="true"/);
    expect(html).not.toContain('Out of range');
  });

  it('compact: a labelled image with gaps and no text', () => {
    const html = render({ compact: true, series: [gappy], width: undefined });
    expect(html).toMatch(/^<svg[^>]*role="img"[^>]*aria-label="Hackney, per 10,000 children aged 0 to 17: 40 in 31 March 2010, 72 in 31 March 2014 \(no figure for 1 year\)"/);
    expect(html).not.toContain('<text');
    expect(tags(html, /<path[^>]*class="[^"]*sparkLine/g)).toHaveLength(2);
  });
});

describe('palette', () => {
  it('England black, areas in order with distinct dashes and markers', () => {
    const st = seriesStyles([
      { key: 'e', kind: 'england' },
      { key: 'r', kind: 'region' },
      { key: 'a', kind: 'area' },
      { key: 'b', kind: 'area' },
    ]);
    expect(st.get('e')).toBe(ENGLAND_STYLE);
    expect(st.get('a')).toBe(AREA_STYLES[0]);
    expect(st.get('b')).toBe(AREA_STYLES[1]);
    expect(new Set(AREA_STYLES.map((s) => s.dash ?? 'solid')).size).toBe(AREA_STYLES.length);
    expect(new Set(AREA_STYLES.map((s) => s.marker)).size).toBe(AREA_STYLES.length);
    expect(AREA_STYLES.map((s) => s.colour.toUpperCase())).not.toContain('#F0E442');
  });

  it('spreads overlapping labels apart around their anchors', () => {
    expect(spreadLabels([10, 11, 12, 50], 5, 0, 100)).toEqual([6, 11, 16, 50]);
    expect(spreadLabels([100, 99, 98], 5, 0, 100)).toEqual([100, 95, 90]);
  });
});

describe('TrendChart: eight selected areas are eight different lines (issue 12, item 3)', () => {
  it('no two lines share stroke, dash and marker, and no two share dash and marker', () => {
    const names = ['Blackpool', 'Hartlepool', 'Hackney', 'Kent', 'Manchester', 'Birmingham', 'Leeds', 'Stockton-on-Tees'];
    const areas = names.map((n, i) => series(`E0600000${i}`, n, 'area', { 2010: v(10 + i), 2011: v(20 + i), 2012: v(30 + i), 2013: v(40 + i), 2014: v(50 + i) }));
    const html = render({ series: [england, ...areas] });
    const looks = [england, ...areas].map((s) => {
      const group = html.match(new RegExp(`<g data-series="${s.key}">(.*?)</g>`))![1]!;
      const line = tags(group, /<path[^>]*data-from[^>]*>/g)[0]!;
      // the cap's shape, independent of where it is: its path commands and how many points it has
      const cap = attr(tags(group, /<path[^>]*data-year="2010"[^>]*>/g)[0]!, 'd')!;
      const shape = `${cap.replace(/[-\d.]+/g, '').length}:${cap.replace(/[^a-zA-Z]/g, '')}`;
      return { stroke: attr(line, 'stroke'), dash: attr(line, 'stroke-dasharray') ?? 'solid', shape };
    });
    expect(new Set(looks.map((l) => `${l.stroke}|${l.dash}|${l.shape}`)).size).toBe(9);
    expect(new Set(looks.map((l) => `${l.dash}|${l.shape}`)).size).toBe(9);
    // Blackpool (1st) and Stockton-on-Tees (8th): the pair users saw drawn alike
    expect(looks[1]).not.toEqual(looks[8]);
  });
});

describe('TrendChart: the cursor reads every line at its year (issue 12, item 4)', () => {
  const noop = () => {};
  const north = series('E12000001', 'North East', 'region', { 2010: v(65), 2011: v(66), 2012: v(67), 2013: v(68), 2014: v(69) });
  const regionsOf = (n: number) => Array.from({ length: n }, (_, i) => series(`E1200000${i + 1}`, `Region ${i + 1}`, 'region', { 2010: v(20 + i), 2011: v(21 + i), 2012: v(22 + i), 2013: v(23 + i), 2014: v(24 + i) }));
  const p = (extra: Partial<TrendChartProps>): TrendChartProps => ({ ...base, series: [england, north, gappy, lonely, abolished], onCursorChange: noop, ...extra });

  it('the live text names the focused line first, then every other line that year by value, missing ones with their reason', () => {
    expect(trendCursorText(p({}), { key: 'E09000012', year: 2011 })).toBe(
      'Hackney, 31 March 2011: 45 per 10,000 children aged 0 to 17. Also: North East 66; England 55; Northamptonshire 47; Hartlepool not available.',
    );
    // a year with no figure published is read as such; a council that did not exist that year is left out
    expect(trendCursorText(p({}), { key: 'E92000001', year: 2014 })).toBe(
      'England, 31 March 2014: 64 per 10,000 children aged 0 to 17. Also: Hackney 72; North East 69; Hartlepool 38; Northamptonshire no figure published.',
    );
    const gone = series('E10000021', 'Northamptonshire', 'area', { 2010: v(45), 2011: v(47), 2012: v(49) });
    expect(trendCursorText(p({ series: [england, gone] }), { key: 'E92000001', year: 2014 })).toBe('England, 31 March 2014: 64 per 10,000 children aged 0 to 17.');
  });

  it('the tooltip lists the same lines in the same order, each with its swatch, the focused one marked', () => {
    const html = renderToStaticMarkup(createElement(TrendChart, p({ cursor: { key: 'E06000001', year: 2011 } })));
    const tip = html.match(/<div class="[^"]*" style="[^"]*" aria-hidden="true" data-tooltip="">(.*?)<\/div>/)![1]!;
    expect(tip).toContain('31 March 2011');
    expect([...tip.matchAll(/data-tt-series="([^"]+)"/g)].map((m) => m[1])).toEqual(['E12000001', 'E92000001', 'E10000021', 'E09000012', 'E06000001']);
    expect(tags(tip, /<li[^>]*>.*?<\/li>/g).every((li) => li.includes('<svg') && li.includes('stroke='))).toBe(true);
    expect(tip).toMatch(/<li class="[^"]*ttOn[^"]*" data-tt-series="E06000001">.*not available/);
    expect(tip).toContain('Hartlepool: Not available.');
  });

  it('many regions are summed up in one tooltip row (all read out in the live text)', () => {
    const props = p({ series: [england, ...regionsOf(9), gappy], cursor: { key: 'E09000012', year: 2013 } });
    const html = renderToStaticMarkup(createElement(TrendChart, props));
    const tip = html.match(/data-tooltip="">(.*?)<\/div>/)![1]!;
    expect([...tip.matchAll(/data-tt-series="([^"]+)"/g)].map((m) => m[1])).toEqual(['E09000012', 'E92000001', 'regions']);
    expect(tip).toContain('9 regions');
    expect(tip).toContain('23 to 31');
    expect(trendCursorText(props, props.cursor!)).toContain('Region 9 31; Region 8 30');
  });

  it('the tooltip sits beside the cursor and inside the plot, above the x axis and the quote markers under it', () => {
    const quotes = [{ id: 'q', year: 2013, label: 'A quote' }];
    const props = p({ quotes, onQuoteActivate: noop, cursor: { key: 'E92000001', year: 2013 }, width: 360 });
    const html = renderToStaticMarkup(createElement(TrendChart, props));
    const style = html.match(/style="(left:[^"]*)" aria-hidden="true" data-tooltip/)![1]!;
    const pct = (k: string) => Number(style.match(new RegExp(`${k}:([\\d.]+)%`))![1]);
    const height = Number(html.match(/viewBox="0 0 360 ([\d.]+)"/)![1]);
    const { yZero } = geometry(html);
    const quoteTop = Number(attr(tags(html, /<circle class="[^"]*quoteDot[^"]*"[^>]*>/g)[0]!, 'cy')) - 9;
    // the box never reaches below the x axis, so it cannot cover the quote marker the cursor moves to
    expect(pct('top') + pct('max-height')).toBeLessThanOrEqual((yZero / height) * 100 + 0.2);
    expect(yZero).toBeLessThan(quoteTop);
    // in the right half of the chart it opens to the left of the cursor, in the left half to the right
    expect(html).toMatch(/tooltipLeft[^"]*" style/);
    const left = renderToStaticMarkup(createElement(TrendChart, { ...props, cursor: { key: 'E92000001', year: 2010 } }));
    expect(left).toMatch(/tooltipRight[^"]*" style/);
  });
});

describe('TrendChart: breaks in a series (issue 7)', () => {
  const noop = () => {};
  const brk = { id: 'b2013', year: 2013, label: 'Counting changed', note: 'Until 2011-12 DfE counted children; from 2012-13 it counts enquiries.', before: 'children, not enquiries' };
  const withBreak = (extra: Partial<TrendChartProps> = {}) => render({ period: 'reporting-year', breaks: [brk], ...extra });

  it('the line is not joined across the break: each side is its own run, with end markers', () => {
    const html = withBreak();
    expect(linesOf(html, 'E92000001').map((s) => [s.from, s.to])).toEqual([
      [2010, 2012],
      [2013, 2014],
    ]);
    const group = html.match(/<g data-series="E92000001">(.*?)<\/g>/)![1]!;
    expect(tags(group, /<path[^>]*data-year="\d+"[^>]*>/g).map((t) => attr(t, 'data-year'))).toEqual(['2010', '2012', '2013', '2014']);
  });

  it('a dashed rule stands half-way between the two years, from the label down to the x axis', () => {
    const html = withBreak();
    const { xOf, yZero } = geometry(html);
    const rule = tags(html, /<line[^>]*data-break-rule="2013"[^>]*>/g)[0]!;
    expect(Number(attr(rule, 'x1'))).toBeCloseTo((xOf.get(2012)! + xOf.get(2013)!) / 2, 0);
    expect(Number(attr(rule, 'y2'))).toBe(yZero);
  });

  it('the label is a button that opens the note, and carries the note into exported images', () => {
    const html = withBreak({ onBreakActivate: noop, activeBreak: null });
    const button = tags(html, /<g[^>]*data-break="2013"[^>]*>/g)[0]!;
    expect(button).toContain('role="button"');
    expect(button).toContain('tabindex="0"');
    expect(button).toContain('aria-pressed="false"');
    expect(attr(button, 'aria-label')).toContain('Break in the series between 2011-12 and 2012-13 (counting changed)');
    expect(attr(button, 'data-export-note')).toBe('Break in the series between 2011-12 and 2012-13 (counting changed): Until 2011-12 DfE counted children; from 2012-13 it counts enquiries.');
    expect(html).toContain('>Counting changed</text>');
    // nothing of the break is left out of the export
    const breaks = html.match(/<g class="[^"]*breaks[^"]*">(.*?)<\/g><\/g>/)![1]!;
    expect(breaks.replace(/<rect data-export-ignore=""[^>]*><\/rect>/, '')).not.toContain('data-export-ignore');
    expect(tags(html, /<line[^>]*data-break-rule[^>]*>/g)[0]).not.toContain('data-export-ignore');
    expect(withBreak({ onBreakActivate: noop, activeBreak: 'b2013' })).toMatch(/aria-pressed="true"[^>]*data-break="2013"/);
  });

  it('static charts draw the break but add no tab stop; the key explains the rule', () => {
    const html = withBreak();
    expect(html).not.toContain('tabindex');
    expect(html).toContain('data-break="2013"');
    expect(html).toMatch(/<li[^>]*><svg[^>]*><path d="M15,0.5V3.5[^>]*><\/path><\/svg><span>Break in the series<\/span>/);
  });

  it('is not drawn when the years shown are all on one side of it', () => {
    expect(withBreak({ from: 2013, to: 2014 })).not.toContain('data-break');
    expect(withBreak({ from: 2010, to: 2012 })).not.toContain('data-break');
    expect(linesOf(withBreak({ from: 2013, to: 2014 }), 'E92000001').map((s) => [s.from, s.to])).toEqual([[2013, 2014]]);
  });

  it('the cursor before the break says how those figures were counted', () => {
    const props: TrendChartProps = { ...base, period: 'reporting-year', breaks: [brk], onCursorChange: noop };
    expect(trendCursorText(props, { key: 'E92000001', year: 2011 })).toMatch(/Series break: counting changed from 2012-13; figures before it: children, not enquiries\.$/);
    expect(trendCursorText(props, { key: 'E92000001', year: 2013 })).not.toContain('break');
  });

  it('the sparkline is not joined across the break either', () => {
    const html = render({ compact: true, series: [england], width: undefined, breaks: [brk] });
    expect(tags(html, /<path[^>]*class="[^"]*sparkLine/g)).toHaveLength(2);
    expect(html).toContain('data-break-rule="2013"');
    expect(html).toMatch(/aria-label="[^"]*counting changed in 2013[^"]*the line is broken there/);
  });
});
