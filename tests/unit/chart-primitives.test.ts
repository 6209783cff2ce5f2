import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AREA_STYLES, ENGLAND_STYLE, OKABE_ITO, REGION_STYLE, seriesStyles, selectionSlots } from '@/components/charts/palette';
import { bandScale, directLabels, exportLegend, LabelPlacer, Legend, lineItem, nearestPoint, readingOrder, stepIndex, keyMove, textBox, boxesOverlap, yearScale, zeroBasedScale, YGrid } from '@/components/charts/primitives';
import { MAX_AREAS } from '@/lib/view-state';

/* ---- Colour science for the palette checks (sRGB → linear → CIELAB; Machado et al. 2009 CVD simulation) ---- */

const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);
type M3 = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];
const CVD: Record<string, M3> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
function lab([r, g, b]: readonly number[]): [number, number, number] {
  const X = (0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047;
  const Y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const Z = (0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
const simulate = (hex: string, m: M3) => {
  const c = rgb(hex);
  return m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
};
const deltaE = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe('palette: every series on a chart can be told apart, and not by colour alone (issue 12, item 3)', () => {
  // The case users hit: 8 councils selected (MAX_AREAS), e.g. Blackpool and Stockton-on-Tees 7 places apart.
  const codes = ['E06000009', 'E06000001', 'E09000012', 'E10000016', 'E08000003', 'E08000025', 'E08000035', 'E06000004'];
  const series = [{ key: 'E92000001', kind: 'england' as const }, ...codes.map((key) => ({ key, kind: 'area' as const }))];
  const st = seriesStyles(series);
  const all = series.map((s) => st.get(s.key)!);

  it('there is one area style per selectable area', () => {
    expect(AREA_STYLES.length).toBeGreaterThanOrEqual(MAX_AREAS);
  });

  it('8 areas + England: distinct (colour, dash, marker) and distinct (dash, marker) — Blackpool is not Stockton-on-Tees', () => {
    expect(new Set(all.map((s) => `${s.colour}|${s.dash ?? 'solid'}|${s.marker}`)).size).toBe(9);
    // without colour: a colour-blind reader still sees a different dash and a different marker
    expect(new Set(all.map((s) => `${s.dash ?? 'solid'}|${s.marker}`)).size).toBe(9);
    expect(new Set(all.slice(1).map((s) => s.dash ?? 'solid')).size).toBe(8);
    expect(new Set(all.slice(1).map((s) => s.marker)).size).toBe(8);
    expect(st.get('E06000009')).not.toEqual(st.get('E06000004'));
  });

  it('no yellow; lines ≥ 3:1 and label text ≥ 4.5:1 on white', () => {
    for (const s of [...AREA_STYLES, ENGLAND_STYLE]) {
      expect(s.colour.toUpperCase()).not.toBe(OKABE_ITO.yellow);
      expect(contrastOnWhite(s.colour), s.describe).toBeGreaterThanOrEqual(3);
      expect(contrastOnWhite(s.text), s.describe).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('under simulated protanopia, deuteranopia and tritanopia no selected line turns into the grey of the regions or the black of England', () => {
    for (const [name, m] of Object.entries(CVD)) {
      const grey = lab(simulate(REGION_STYLE.colour, m));
      const black = lab(simulate(ENGLAND_STYLE.colour, m));
      for (const s of AREA_STYLES) {
        const c = lab(simulate(s.colour, m));
        expect(deltaE(c, grey), `${s.describe} vs regions, ${name}`).toBeGreaterThan(10);
        expect(deltaE(c, black), `${s.describe} vs England, ${name}`).toBeGreaterThan(20);
      }
      // two areas whose colours look alike to this reader always differ in both dash and marker
      for (const [i, a] of AREA_STYLES.entries()) {
        for (const b of AREA_STYLES.slice(i + 1)) {
          if (deltaE(lab(simulate(a.colour, m)), lab(simulate(b.colour, m))) < 20) {
            expect(a.dash, `${a.describe} / ${b.describe}, ${name}`).not.toBe(b.dash);
            expect(a.marker).not.toBe(b.marker);
          }
        }
      }
    }
  });

  it('councils take the first slots, picked regions the next, so a council keeps its style on the rank chart', () => {
    expect([...selectionSlots(['E12000002', 'E06000009', 'E12000007', 'E09000012'])]).toEqual([
      ['E06000009', 0],
      ['E09000012', 1],
      ['E12000002', 2],
      ['E12000007', 3],
    ]);
    const withRegion = seriesStyles([
      { key: 'E92000001', kind: 'england' },
      { key: 'E12000002', kind: 'area' },
      { key: 'E06000009', kind: 'area' },
    ]);
    expect(withRegion.get('E06000009')).toBe(AREA_STYLES[0]);
    expect(withRegion.get('E12000002')).toBe(AREA_STYLES[1]);
  });
});

describe('primitives: scales', () => {
  it('a value axis starts at zero and covers the maximum; an empty one still has an axis', () => {
    const y = zeroBasedScale(72, 300, 20);
    expect(y.ticks[0]).toBe(0);
    expect(y.domain[1]).toBeGreaterThanOrEqual(72);
    expect(y(0)).toBe(300);
    expect(zeroBasedScale(0, 100, 0).domain).toEqual([0, 1]);
  });

  it('years: positions, the step, the nearest year to a position, and the midpoint of a break', () => {
    const x = yearScale(2010, 2014, 0, 400);
    expect(x.step).toBe(100);
    expect(x.invert(140)).toBe(2011);
    expect(x.invert(-50)).toBe(2010);
    expect(x.between(2013)).toBe(250);
    expect(yearScale(2020, 2020, 0, 100)(2020)).toBe(50);
  });

  it('bands: ranks, deciles or steps across a range, with padding, and back from a position', () => {
    const b = bandScale(['a', 'b', 'c', 'd'], 0, 400);
    expect([b('a'), b('d'), b.bandwidth, b.centre('b')]).toEqual([0, 300, 100, 150]);
    expect(b.invert(399)).toBe('d');
    expect(b.invert(-10)).toBe('a');
    const padded = bandScale([1, 2], 0, 100, { paddingInner: 0.2, paddingOuter: 0.1 });
    expect(padded(1)).toBeGreaterThan(0);
    expect(padded(2)! + padded.bandwidth).toBeLessThan(100);
    expect(padded(3)).toBeUndefined();
  });
});

describe('primitives: cursor', () => {
  it('keys map to moves, other keys are left alone (Tab keeps working)', () => {
    expect(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'Escape', 'Enter'].map(keyMove)).toEqual(['prev', 'next', 'first', 'last', 'clear', 'activate']);
    expect(keyMove('Tab')).toBeUndefined();
  });

  it('a list cursor steps, pages, clamps at the ends, starts at the last item and clears', () => {
    expect(stepIndex('next', 3, 10)).toBe(4);
    expect(stepIndex('up', 9, 10)).toBe(9);
    expect(stepIndex('pageNext', 5, 10)).toBe(9);
    expect(stepIndex('pagePrev', 5, 30)).toBe(0);
    expect(stepIndex('prev', undefined, 10)).toBe(9);
    expect(stepIndex('first', 5, 10)).toBe(0);
    expect(stepIndex('clear', 5, 10)).toBeNull();
    expect(stepIndex('next', undefined, 0)).toBeUndefined();
  });

  it('a point cursor finds the nearest point within a distance, and walks points left to right', () => {
    const pts = [[10, 10], [50, 50], undefined, [52, 10]] as const;
    expect(nearestPoint(pts, 49, 12)).toEqual({ index: 3, dist: Math.hypot(3, 2) });
    expect(nearestPoint(pts, 200, 200, 20)).toBeUndefined();
    expect(readingOrder([[5, 1], [1, 9], [1, 2]])).toEqual([2, 1, 0]);
  });
});

describe('primitives: labels', () => {
  it('the placer takes the first candidate clear of obstacles and then avoids what it placed', () => {
    const placer = new LabelPlacer([textBox(0, 20, 50)]);
    const box = (c: { x: number; y: number }) => textBox(c.x, c.y, 50);
    const a = placer.place([{ x: 0, y: 20 }, { x: 0, y: 60 }], box, () => true);
    expect(a.y).toBe(60);
    const b = placer.place([{ x: 10, y: 62 }, { x: 10, y: 100 }], box, () => true);
    expect(b.y).toBe(100);
    expect(boxesOverlap(box(a), box(b))).toBe(false);
  });

  it('direct labels keep the most important that fit, spread apart', () => {
    const out = directLabels(
      [
        { item: 'region', anchor: 50, priority: 2 },
        { item: 'england', anchor: 50, priority: 0 },
        { item: 'area', anchor: 51, priority: 1 },
      ],
      16,
      0,
      20,
    );
    expect(out.map((o) => o.item)).toEqual(['england', 'area']);
    expect(Math.abs(out[0]!.y - out[1]!.y)).toBeGreaterThanOrEqual(16);
  });
});

describe('primitives: legend and axis', () => {
  it('the HTML key and the export key come from the same items', () => {
    const items = [lineItem('e', 'England', ENGLAND_STYLE), { key: 'n', label: 'A note', muted: true }];
    const html = renderToStaticMarkup(createElement(Legend, { items, note: 'Under the key' }));
    const json = JSON.parse(html.match(/data-export-legend="([^"]*)"/)![1]!.replace(/&quot;/g, '"'));
    expect(json).toEqual(exportLegend(items, undefined, 'Under the key'));
    expect(json.items.map((i: { label: string }) => i.label)).toEqual(['England', 'A note']);
    expect(html).toMatch(/aria-label="Key".*England.*A note.*Under the key/);
  });

  it('the y grid draws a line and a label per tick, the zero line as the baseline', () => {
    const y = zeroBasedScale(100, 200, 0, 4);
    const html = renderToStaticMarkup(createElement('svg', null, createElement(YGrid, { scale: y, left: 30, right: 300, format: String })));
    expect([...html.matchAll(/data-y-tick="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(y.ticks);
    expect(html).toMatch(/data-y-tick="0"><line class="[^"]*baseline/);
  });
});
