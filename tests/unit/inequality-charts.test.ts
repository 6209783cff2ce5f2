import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GradientChart, type GradientChartProps } from '@/components/charts/GradientChart';
import { RatioFunnelChart, type RatioFunnelChartProps, type RatioPoint } from '@/components/charts/RatioFunnelChart';
import { ScatterChart, type ScatterChartProps } from '@/components/charts/ScatterChart';
import { formatNumber, formatRate } from '@/lib/format';
import { classifyRatio, ratioLimits } from '@/lib/stats/standardise';

const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1];
/** Codes drawn in a rendered chart: dots drawn as one path list theirs in data-codes; single marks carry data-code. */
const drawnCodes = (html: string) => [
  ...[...html.matchAll(/data-codes="([^"]*)"/g)].flatMap((m) => m[1]!.split(' ')),
  ...[...html.matchAll(/<path[^>]*data-code="([^"]+)"[^>]*data-selected=""/g)].map((m) => m[1]!),
];
/** Centres of the circles in a one-path dot list ("M x-r,y a…"). */
const centres = (d: string, r: number) => [...d.matchAll(/M([\d.-]+),([\d.-]+)a/g)].map((m) => [Number(m[1]) + r, Number(m[2])] as const);

describe('GradientChart', () => {
  const series = (label: string, start: number) => ({ key: label, label, points: Array.from({ length: 10 }, (_, i) => ({ decile: i + 1, value: start - i * 10 })) });
  const props: GradientChartProps = {
    panels: [
      { key: 'plans', title: 'Plans', series: [series('England', 110), series('Wales', 115)] },
      { key: 'looked-after', title: 'Looked after', series: [series('England', 130), series('Wales', 160)] },
    ],
    unitLabel: 'per 10,000 children',
    formatValue: formatNumber,
    width: 600,
  };
  const html = renderToStaticMarkup(createElement(GradientChart, props));

  it('draws ten deciles for each country in each panel, most deprived on the left', () => {
    for (const panel of ['plans', 'looked-after']) {
      const svg = html.match(new RegExp(`<svg[^>]*data-panel="${panel}"[\\s\\S]*?</svg>`))![0];
      for (const country of ['England', 'Wales']) {
        const marks = [...svg.matchAll(new RegExp(`<path[^>]*data-decile="(\\d+)"[^>]*data-country="${country}"[^>]*>`, 'g'))];
        expect(marks.map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      }
    }
  });

  it('shares one rate axis across the panels, from zero', () => {
    const ticks = [...html.matchAll(/data-panel="([^"]+)"[\s\S]*?(?=data-panel=|$)/g)].map((m) => [...m[0].matchAll(/data-y-tick="([\d.]+)"/g)].map((t) => Number(t[1])));
    expect(ticks[0]).toEqual(ticks[1]);
    expect(ticks[0]![0]).toBe(0);
    expect(Math.max(...ticks[0]!)).toBeGreaterThanOrEqual(160);
  });

  it('captions each panel for image exports, and keys both countries', () => {
    expect(html).toContain('data-export-caption="Plans"');
    expect(html).toContain('data-export-caption="Looked after"');
    const legend = JSON.parse(attr(html.match(/data-export-legend="[^"]*"/)![0], 'data-export-legend')!.replace(/&quot;/g, '"')) as { items: { label: string }[] };
    expect(legend.items.map((i) => i.label)).toEqual(['England', 'Wales']);
  });

  it('with a cursor, reads every country at the decile (live region) and offers one tab stop per panel', () => {
    const live = renderToStaticMarkup(createElement(GradientChart, { ...props, cursor: { panel: 'plans', decile: 1 }, onCursorChange: () => undefined }));
    expect(live).toContain('Plans, decile 1 (most deprived 10%): England 110, Wales 115 per 10,000 children.');
    expect([...live.matchAll(/tabindex="0"/g)].length).toBe(2);
  });
});

describe('ScatterChart', () => {
  const points = [
    { code: 'A', name: 'Avon', x: 10, y: 40, group: 'South West' },
    { code: 'B', name: 'Barset', x: 20, y: 60, group: 'South West' },
    { code: 'C', name: 'Casterbridge', x: 30, y: 90, group: 'North East' },
    { code: 'D', name: 'Deira', x: 40, y: 150, group: 'North East' },
    { code: 'E', name: 'Elmet', x: 25, y: 0, group: 'North East' },
  ];
  const props: ScatterChartProps = {
    points,
    xLabel: 'IMD score',
    formatX: (n) => n.toFixed(0),
    unitLabel: 'per 10,000 children aged 0 to 17',
    formatY: formatRate,
    england: 70,
    line: { slope: 3, intercept: 10 },
    selected: ['C'],
    missing: [{ code: 'F', name: 'Forden', reason: 'suppressed' }],
    width: 600,
  };
  const html = renderToStaticMarkup(createElement(ScatterChart, props));

  it('draws every point once — a zero rate too — and lists the councils without a figure', () => {
    expect(drawnCodes(html).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(html).toMatch(/data-missing="[^"]*"[^>]*>Not shown: Forden \(suppressed\)\./);
  });

  it('puts higher rates higher and higher deprivation further right', () => {
    const path = html.match(/<path class="[^"]*" d="([^"]+)" data-codes="([^"]+)"/)!;
    const codes = path[2]!.split(' ');
    const pos = new Map(codes.map((c, i) => [c, centres(path[1]!, 3.6)[i]!]));
    expect(pos.get('D')![1]).toBeLessThan(pos.get('A')![1]);
    expect(pos.get('D')![0]).toBeGreaterThan(pos.get('A')![0]);
    expect(pos.get('E')![1]).toBeGreaterThan(pos.get('A')![1]); // zero sits on the baseline, below 40
  });

  it('names the selected council and the highest and lowest, and draws the England and fitted lines', () => {
    expect(html).toMatch(/data-label="C"[^>]*>[\s\S]*?Casterbridge/);
    expect(html).toMatch(/data-label="D" data-extreme=""/);
    expect(html).toMatch(/data-label="E" data-extreme=""/);
    expect(html).toContain('data-england=""');
    expect(html).toContain('data-fit=""');
    expect(html).toContain('England 70');
  });

  it('picks out a group: its councils drawn apart from the others', () => {
    const picked = renderToStaticMarkup(createElement(ScatterChart, { ...props, selected: [], highlightGroup: 'North East' }));
    const p = picked.match(/data-codes="([^"]+)"[^>]*data-picked=""/)!;
    expect(p[1]!.split(' ').sort()).toEqual(['C', 'D', 'E']);
  });

  it('says so when no council has both figures, and still lists the missing', () => {
    const none = renderToStaticMarkup(createElement(ScatterChart, { ...props, points: [] }));
    expect(none).toContain('No council has both figures');
    expect(none).toContain('Forden (suppressed)');
  });

  it('is keyboard-ready when interactive: one tab stop, a live region reading the dot under the cursor', () => {
    const live = renderToStaticMarkup(createElement(ScatterChart, { ...props, cursor: 'B', onCursorChange: () => undefined, onSelect: () => undefined }));
    expect([...live.matchAll(/tabindex="0"/g)].length).toBe(1);
    expect(live).toContain('Barset: 60 per 10,000 children aged 0 to 17; IMD score: 20; South West.');
  });
});

describe('RatioFunnelChart', () => {
  const mk = (code: string, expected: number, observed: number): RatioPoint => ({ code, name: `Council ${code}`, expected, observed, ratio: observed / expected, cls: classifyRatio(observed, expected) });
  const points = [mk('A', 20, 21), mk('B', 100, 150), mk('C', 400, 300), mk('D', 1000, 1010), mk('E', 60, 30)];
  const props: RatioFunnelChartProps = { points, selected: ['B'], missing: [{ code: 'F', name: 'Forden', reason: 'suppressed' }], width: 600 };
  const html = renderToStaticMarkup(createElement(RatioFunnelChart, props));

  it('draws every council with its class, and lists the others', () => {
    expect(drawnCodes(html).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(html).toMatch(/data-code="B"[^>]*data-class="above998"/);
    const shades = Object.fromEntries([...html.matchAll(/data-codes="([^"]+)" data-count="\d+" data-shade="(\w+)"/g)].map((m) => [m[2], m[1]!.split(' ').sort()]));
    expect(shades.within).toEqual(['A', 'D']);
    expect(shades.out998).toEqual(['C', 'E']);
    expect(html).toContain('Not shown: Forden (suppressed).');
  });

  it('draws the four limits, narrowing as the expected number grows, around the line at 1', () => {
    for (const key of ['upper998', 'upper95', 'lower95', 'lower998']) expect(html).toContain(`data-limit="${key}"`);
    const d = html.match(/<path class="[^"]*" d="([^"]+)" data-limit="upper95"/)![1]!;
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    // SVG y grows downward: the upper limit comes down towards 1 as the expected number grows
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThanOrEqual(ys[i - 1]! - 0.11);
    expect(html).toContain('As expected (1)');
    expect(ratioLimits(1000).upper95).toBeLessThan(ratioLimits(20).upper95);
  });

  it('labels the selected council and the highest and lowest ratios', () => {
    expect(html).toMatch(/data-label="B"/);
    expect(html).toMatch(/data-label="E" data-extreme=""/); // 0.50, the lowest
  });
});
