import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartView } from '@/components/explorer/ChartView';
import { FrameModeContext } from '@/components/frame/FrameMode';
import { stateContextOf } from '@/lib/explorer/access';
import { buildMeasureData } from '@/lib/explorer/build';
import type { MeasureData, SeriesBreak } from '@/lib/explorer/types';
import { defaultState } from '@/lib/view-state';

/**
 * The measure page's chart (and the embed, which renders the same ChartView) with the real breaks of
 * section 47 enquiries (data/breaks.csv): the experimental first census year (2010-11), the 2012-13
 * counting change, and for rates a new population base the same year.
 */
const real = buildMeasureData('s47-enquiries');
const fixture: SeriesBreak = real.breaks.find((b) => b.kind === 'counting-change')!;
const rebase: SeriesBreak = real.breaks.find((b) => b.kind === 'population-rebase')!;
const data: MeasureData = real;
const state = { ...defaultState(stateContextOf(data)), areas: ['E06000009'] };
const render = (mode: 'page' | 'embed', d: MeasureData = data, s = state) =>
  renderToStaticMarkup(createElement(FrameModeContext.Provider, { value: mode }, createElement(ChartView, { data: d, state: s, onChange: () => {} })));

describe('ChartView: a break in the series (issue 7, section 1)', () => {
  for (const mode of ['page', 'embed'] as const) {
    it(`${mode}: draws the break in every layout, does not join England's line across it, and adds the note to the frame's notes`, () => {
      const html = render(mode);
      expect(html.match(/data-break="2013"/g)).toHaveLength(3);
      const england = [...html.matchAll(/<g data-series="E92000001">(.*?)<\/g>/g)][0]![1]!;
      const runs = [...england.matchAll(/data-from="(\d+)" data-to="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(runs.some(([a, b]) => a! <= 2012 && b! >= 2013)).toBe(false);
      expect(runs.map((r) => r[0])).toContain(2013);
      const notes = html.match(/<figcaption[^]*<\/figcaption>/)![0];
      if (mode === 'page') {
        expect(notes).toContain('Break in the series, 2011-12 to 2012-13:');
        expect(notes).toContain(fixture.note);
      } else {
        // an embed has a fixed height: the breaks share one line, the notes open from the chart
        expect(notes).toContain('Breaks in the series:</strong> 2009-10 to 2010-11 (first census year); 2011-12 to 2012-13 (counting changed)');
      }
      expect(html).toContain(`data-export-note="Break in the series between 2011-12 and 2012-13 (counting changed): ${fixture.note}`);
    });
  }

  it('the label is a button (the note opens beside the chart); no break, no button', () => {
    expect(render('page')).toMatch(/role="button" tabindex="0" aria-label="Break in the series between 2011-12 and 2012-13[^"]*Show the note\."/);
    const none = render('page', { ...real, breaks: [] });
    expect(none).not.toContain('data-break');
    expect(none).not.toContain('Break in the series');
  });

  it('two breaks of the same year are one mark; a break of the rates only is not drawn on a chart of counts', () => {
    const rate = render('page');
    expect(rate.match(/data-break="2013"/g)).toHaveLength(3);
    expect(rebase.note).toContain('rebased on Census 2021');
    expect(rate).toContain('rebased on Census 2021');
    const count = render('page', data, { ...state, unit: 'count' });
    expect(count.match(/data-break="2013"/g)).toHaveLength(3);
    expect(count).not.toContain('rebased on Census 2021');
    expect(count).toContain(fixture.note);
  });

  it('a chart of years after the break shows none', () => {
    const html = render('page', data, { ...state, from: 2014 });
    expect(real.breaks.every((b) => b.year <= 2014)).toBe(true);
    expect(html).not.toContain('data-break');
    expect(html).not.toContain('Break in the series');
  });
});
