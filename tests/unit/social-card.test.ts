import { describe, expect, it } from 'vitest';
import { loadMeasures, observationsFor } from '@/lib/data/load';
import { formatCount, formatYear } from '@/lib/format';
import type { Measure, Observation, Source } from '@/lib/schema/tables';
import { ALT_MAX, cardSource, cardSources, measureCard, trendGeometry } from '@/lib/share/card';
import { cardOf, homeCard } from '@/lib/share/cards';
import { oembedFor } from '@/lib/share/social';
import { missing, value, type Cell } from '@/lib/status';

/** The figures, wording and trend a social card shows (lib/share/card.ts). */

const ENGLAND = 'E92000001';

const measure = (over: Partial<Measure> = {}): Measure => ({
  id: 'test-measure',
  label: 'Test enquiries',
  shortLabel: 'Test',
  definition: '',
  group: 'Child protection',
  kind: 'flow',
  period: 'reporting-year',
  countUnit: 'enquiries',
  hasCount: true,
  hasRate: true,
  firstYear: 2010,
  lastYear: 2025,
  sources: ['src-new'],
  caveats: '',
  file: 'x.csv',
  polarity: 'neutral',
  core: true,
  denominator: undefined,
  ...over,
});

const obs = (year: number, count: Cell, rate: Cell, areaCode = ENGLAND, sourceId = 'src-new'): Observation => ({
  measure: 'test-measure',
  year,
  areaCode,
  count,
  rate,
  rateSourceId: undefined,
  rateOrigin: rate.kind === 'value' ? 'computed' : '',
  sourceId,
});

const source = (id: string, release: string): Source => ({
  id,
  publisher: 'Department for Education',
  title: 'Characteristics of children in need',
  series: 'Children in need',
  release,
  table: 'C4: Section 47s',
  file: '',
  url: '',
  licence: '',
  published: '',
  notes: '',
});
const sources = new Map([
  ['src-old', source('src-old', '2009-10 (OSR28/2010, Experimental Statistics)')],
  ['src-new', source('src-new', 'reporting year 2024 (2023-24)')],
]);

describe('measureCard', () => {
  const rows = [
    obs(2010, value(1000), value(10), ENGLAND, 'src-old'),
    obs(2011, missing('x'), missing('x')),
    obs(2012, value(1500), value(15)),
    obs(2024, value(2630), value(26.5)),
    obs(2025, missing('x'), missing('x')), // latest year not published: not the headline
    obs(2025, value(999999), value(999), 'E06000009'), // a council's figure is never England's
  ];

  it('headlines the latest England year with a value, with its DfE year label, rate, change and source', () => {
    const c = measureCard(measure(), rows, sources)!;
    expect(c.year).toBe(2024);
    expect(c.yearLabel).toBe('2023-24');
    expect(c.figure).toBe('2,630');
    expect(c.figureUnit).toBe('enquiries');
    expect(c.rateText).toBe('26.5 per 10,000 children');
    expect(c.headline).toBe('England, 2023-24: 2,630 enquiries (26.5 per 10,000 children)');
    expect(c.change).toBe('+163%');
    expect(c.changeText).toBe('+163% since 2009-10');
    expect(c.source).toBe('Department for Education, Characteristics of children in need, reporting year 2024');
    expect(c.alt).toContain('2,630 enquiries');
    expect(c.alt).toContain('+163% since 2009-10');
  });

  it('labels snapshots with the day', () => {
    const c = measureCard(measure({ kind: 'snapshot', period: '31-march', countUnit: 'children' }), rows, sources)!;
    expect(c.yearLabel).toBe('31 March 2024');
    expect(c.changeText).toBe('+163% since 31 March 2010');
  });

  it('draws the rate where the measure has one, with a gap where England has no figure', () => {
    const c = measureCard(measure(), rows, sources)!;
    expect(c.trend.unit).toBe('rate');
    expect(c.trend.points.map((p) => p.value)).toEqual([10, undefined, 15, 26.5, undefined]);
    expect([c.trend.fromLabel, c.trend.fromValue, c.trend.toLabel, c.trend.toValue]).toEqual(['2009-10', '10', '2023-24', '26.5']);
    expect(measureCard(measure({ hasRate: false }), rows, sources)!.trend.unit).toBe('count');
  });

  it('headlines a measure published only as a rate by its rate', () => {
    const rateOnly = [obs(2016, missing('x'), value(11)), obs(2025, missing('x'), value(9.1))];
    const c = measureCard(measure({ hasCount: false, countUnit: 'care applications', period: 'financial-year' }), rateOnly, sources)!;
    expect(c.figure).toBe('9.1');
    expect(c.figureUnit).toBe('care applications per 10,000 children');
    expect(c.rateText).toBeUndefined();
    expect(c.changeText).toBe('−17% since 2015-16');
  });

  it('moves a percentage in percentage points and says spending is in cash terms', () => {
    const pct = [obs(2016, value(16.1), missing('z')), obs(2025, value(13), missing('z'))];
    const p = measureCard(measure({ countUnit: '%', hasRate: false, period: '30-september' }), pct, sources)!;
    expect(p.headline).toBe('England, 30 September 2025: 13%');
    expect(p.changeText).toBe('−3.1 percentage points since 30 September 2016');
    const gbp = [obs(2017, value(2.3e9), missing('z')), obs(2025, value(3.55e9), missing('z'))];
    const g = measureCard(measure({ countUnit: '£', hasRate: false, period: 'financial-year' }), gbp, sources)!;
    expect(g.figure).toBe('£3.6bn');
    expect(g.changeText).toBe('+54% in cash terms since 2016-17');
  });

  it('has no card without an England figure, and no change with a single year', () => {
    expect(measureCard(measure(), [obs(2025, missing('c'), missing('c'))], sources)).toBeUndefined();
    const one = measureCard(measure(), [obs(2025, value(5), value(1))], sources)!;
    expect(one.change).toBeUndefined();
    expect(one.changeText).toBeUndefined();
  });
});

describe('source lines', () => {
  it('drops parenthetical detail from a card source', () => {
    expect(cardSource({ publisher: 'Department for Education', title: 'Local Authority Interactive Tool (LAIT)', release: 'data refreshed April 2026 (repository x, commit y)' })).toBe(
      'Department for Education, Local Authority Interactive Tool, data refreshed April 2026',
    );
  });
  it('groups several sources by publisher and release', () => {
    const a = { publisher: 'DfE', title: 'A', release: 'reporting year 2025 (2024-25)' };
    const b = { publisher: 'DfE', title: 'B', release: 'reporting year 2025' };
    expect(cardSources([a, b, a])).toBe('DfE, A and B, reporting year 2025');
  });
});

describe('trendGeometry', () => {
  const box = { width: 100, height: 60, pad: 5 };
  it('starts the y scale at zero and breaks the line at a gap', () => {
    const g = trendGeometry(
      [
        { year: 2010, value: 50 },
        { year: 2011, value: 100 },
        { year: 2012, value: undefined },
        { year: 2013, value: 80 },
        { year: 2014, value: 90 },
      ],
      box,
    );
    expect(g.d.match(/M/g)).toHaveLength(2);
    expect(g.baseY).toBe(55);
    expect(g.first).toMatchObject({ x: 5, value: 50, rising: true });
    expect(g.last).toMatchObject({ x: 95, value: 90, rising: true });
    // 50 sits half-way (less the headroom) between the baseline and the top
    expect(g.first!.y).toBeGreaterThan(55 - 50 / 2);
    expect(g.first!.y).toBeLessThan(55 - 50 / 2 + 5);
  });
  it('draws nothing without values', () => {
    expect(trendGeometry([{ year: 2010, value: undefined }], box).d).toBe('');
  });
});

describe('cards from the committed data', () => {
  it('every measure has a card whose headline is its latest England figure, and an alt text within Twitter’s limit', () => {
    for (const m of loadMeasures()) {
      const c = cardOf(m.id);
      const england = observationsFor(m.id)
        .filter((o) => o.areaCode === ENGLAND && (m.hasCount ? o.count : o.rate).kind === 'value')
        .sort((a, b) => a.year - b.year);
      const latest = england[england.length - 1]!;
      expect(c.year, m.id).toBe(latest.year);
      expect(c.yearLabel, m.id).toBe(formatYear(m.period, latest.year));
      if (m.hasCount && latest.count.kind === 'value') expect(c.figure, m.id).toBe(formatCount(latest.count.value, m.countUnit));
      expect(c.source, m.id).toMatch(/^Department for Education, /);
      expect(c.alt.length, m.id).toBeLessThanOrEqual(ALT_MAX);
    }
  });

  it('section 47: 2024-25 headline; the change is like for like since the 2012-13 counting change, and says so', () => {
    const c = cardOf('s47-enquiries');
    expect(c.yearLabel).toBe('2024-25');
    // 230,590 enquiries in 2024-25 against 127,190 in 2012-13 (the first year enquiries were counted): +81%
    expect(c.firstYearLabel).toBe('2012-13');
    expect(c.change).toBe('+81%');
    expect(c.likeForLike).toBe(true);
    // against 87,700 children in 2009-10, +163%, a comparison across two breaks, named
    expect(c.changeText).toBe('+81% since 2012-13 (like for like); +163% since 2009-10, across breaks in the series (first census year between 2009-10 and 2010-11; counting changed between 2011-12 and 2012-13)');
    expect(c.alt).toContain('like for like');
    expect(c.source).toBe('Department for Education, Children in need, reporting year 2025');
  });

  it('a change within one way of counting is given plainly (children looked after have no break)', () => {
    const c = cardOf('looked-after');
    expect(c.likeForLike).toBe(false);
    expect(c.changeText).toBe('+27% since 31 March 2010');
  });

  it('a break that affects only rates does not touch a change in counts', () => {
    const m = measure();
    const o = [obs(2010, { kind: 'value', value: 100 }, { kind: 'value', value: 10 }), obs(2025, { kind: 'value', value: 150 }, { kind: 'value', value: 15 })];
    const c = measureCard(m, o, new Map(), [{ year: 2013, appliesTo: 'rate', label: 'New population base', before: '' }])!;
    expect(c.changeText).toBe('+50% since 2009-10');
  });

  it('the home card has the core measures and an alt text within Twitter’s limit', () => {
    const h = homeCard();
    expect(h.cards.map((c) => c.id)).toEqual(loadMeasures().filter((m) => m.core).map((m) => m.id));
    expect(h.alt.length).toBeLessThanOrEqual(ALT_MAX);
  });
});

describe('oEmbed', () => {
  it('is a rich oEmbed 1.0 response with an absolute iframe and thumbnail', () => {
    const o = oembedFor('s47-enquiries', 'Section 47 enquiries', '/og/measures/s47-enquiries.png');
    expect(o.version).toBe('1.0');
    expect(o.type).toBe('rich');
    expect(o.html).toMatch(/^<iframe src="https?:\/\/[^"]+\/embed\/s47-enquiries\/"/);
    // sandboxed like the share kit's embed code: scripts and its own origin, links out in new tabs, no top navigation
    expect(o.html).toContain(' sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
    expect(o.html).not.toContain('allow-top-navigation');
    expect(o.html).toContain(' referrerpolicy="no-referrer"');
    expect(o.thumbnail_url).toMatch(/^https?:\/\/[^/]+\/og\/measures\/s47-enquiries\.png$/);
    expect([o.width, o.thumbnail_width, o.thumbnail_height]).toEqual([720, 1200, 630]);
  });
});
