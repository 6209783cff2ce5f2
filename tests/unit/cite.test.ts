import { describe, expect, it } from 'vitest';
import { cite, CITATION_FORMATS, type CiteContext } from '@/lib/cite';
import { ENGLAND } from '@/lib/explorer/access';
import { buildMeasureData } from '@/lib/explorer/build';
import { figureCitation, figureInFocus, makeShare, trendCsv } from '@/lib/explorer/share';
import { defaultState } from '@/lib/view-state';
import { stateContextOf } from '@/lib/explorer/access';
import { readData } from '../e2e/helpers';

const ctx: CiteContext = {
  input: {
    publisher: 'Department for Education',
    publication: 'Children in need',
    release: 'reporting year 2025 (2024-25)',
    table: 'C4: Section 47s and initial child protection conferences, by local authority',
    publishedYear: 2025,
    releaseUrl: 'https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need/2025',
    subject: 'Section 47 enquiries, rate per 10,000 children, England and Blackpool',
    dataYears: '2009-10 to 2024-25',
    otherReleases: 3,
  },
  permalink: 'https://example.org/measures/s47-enquiries/?areas=E06000009',
  accessed: new Date(Date.UTC(2026, 10, 23)),
  siteName: "Children's Social Care Explorer",
};

describe('citations name the release, table, data years, explorer, permalink and access date', () => {
  for (const f of CITATION_FORMATS) {
    it(f, () => {
      const c = cite(f, ctx);
      expect(c).toContain('Department for Education');
      expect(c).toContain('Children in need');
      expect(c).toContain('reporting year 2025 (2024-25)');
      expect(c).toContain('C4: Section 47s');
      expect(c).toContain('2009-10 to 2024-25');
      expect(c).toContain("Children's Social Care Explorer");
      expect(c).toContain(ctx.permalink);
      expect(c).toContain(ctx.input.releaseUrl);
      expect(c).toMatch(/2026/);
    });
  }

  it('APA 7: author, (year), title, [Data set], what, the release URL, retrieved Month Day, Year, from the permalink', () => {
    expect(cite('apa', ctx)).toBe(
      "Department for Education. (2025). Children in need, reporting year 2025 (2024-25) (Table C4: Section 47s and initial child protection conferences, by local authority) [Data set]. Section 47 enquiries, rate per 10,000 children, England and Blackpool, 2009-10 to 2024-25; earlier years from 3 earlier releases. https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need/2025. Retrieved November 23, 2026, from Children's Social Care Explorer: https://example.org/measures/s47-enquiries/?areas=E06000009",
    );
  });

  it('a release without a URL of its own is cited without one (no empty "Available at")', () => {
    const noUrl = { ...ctx, input: { ...ctx.input, releaseUrl: '' } };
    for (const f of CITATION_FORMATS) expect(cite(f, noUrl)).not.toMatch(/Available at: \.|\(\)|release: ;/);
  });

  it('Harvard: author (year) title, available at URL (Accessed: day month year)', () => {
    const h = cite('harvard', ctx);
    expect(h).toMatch(/^Department for Education \(2025\) Children in need, reporting year 2025 \(2024-25\), Table C4/);
    expect(h).toMatch(/\(Accessed: 23 November 2026\)\.$/);
  });

  it('BibTeX is a well-formed @misc entry with braces balanced and special characters escaped', () => {
    const b = cite('bibtex', ctx);
    expect(b).toMatch(/^@misc\{dfe2025section47enquiries/);
    expect(b).toContain('author = {{Department for Education}}');
    expect(b).toContain('url = {https://example.org/measures/s47-enquiries/?areas=E06000009}');
    expect(b).toContain('release: https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need/2025');
    expect(b).toContain('accessed 2026-11-23');
    let depth = 0;
    for (const ch of b) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(cite('bibtex', { ...ctx, input: { ...ctx.input, subject: 'Spend on 50% & more_{x}' } })).toContain('Spend on 50\\% \\& more\\_x');
  });

  it('a single release says nothing about earlier releases', () => {
    expect(cite('plain', { ...ctx, input: { ...ctx.input, otherReleases: 0 } })).not.toContain('earlier');
  });
});

describe('a citation of one figure names that figure, its year and area, and its own release', () => {
  const cla = buildMeasureData('looked-after');
  const england2025 = readData('looked-after.csv').find((r) => r.measure === 'looked-after' && r.area_code === ENGLAND && r.year === '2025')!;
  const at = (input = figureCitation(cla, 'count', ENGLAND, 2025)!) => ({ ...ctx, input, permalink: 'https://example.org/measures/looked-after/?unit=count' });

  it('England, children looked after at 31 March 2025: 81,770 children, from the 2025 release', () => {
    expect(england2025.count).toBe('81770'); // the published figure (DfE, Children looked after in England, 2025)
    const f = figureCitation(cla, 'count', ENGLAND, 2025)!;
    expect(f.value).toBe('81,770 children');
    expect(f.dataYears).toBe('31 March 2025');
    expect(f.subject).toBe('Children looked after at 31 March, England');
    expect(f.release).toBe('reporting year 2025 (2024-25)');
    expect(f.releaseUrl).toBe('https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions/2025');
    expect(cite('plain', at(f))).toBe(
      'Children looked after at 31 March, England, 31 March 2025: 81,770 children. Source: Department for Education, Children looked after in England including adoptions, reporting year 2025 (2024-25), Table Children looked after, starting and ceasing, number and rate per 10,000 children, by local authority (https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions/2025). Via Children\'s Social Care Explorer, https://example.org/measures/looked-after/?unit=count (accessed 23 November 2026).',
    );
    for (const fmt of CITATION_FORMATS) {
      const c = cite(fmt, at(f));
      expect(c).toContain('81,770 children');
      expect(c).toContain('31 March 2025');
      expect(c).toContain(f.releaseUrl);
      expect(c).toContain('https://example.org/measures/looked-after/?unit=count');
      expect(c).not.toContain('earlier release');
    }
  });

  it('an older figure cites the release it comes from, not the latest one', () => {
    const row = readData('looked-after.csv').find((r) => r.measure === 'looked-after' && r.area_code === 'E06000009' && r.year === '2012')!;
    const f = figureCitation(cla, 'count', 'E06000009', 2012)!;
    expect(f.value).toBe(`${new Intl.NumberFormat('en-GB').format(Number(row.count))} children`);
    const src = readData('sources.csv').find((s) => s.source_id === row.source_id)!;
    expect(f.release).toBe(src.release);
    expect(f.table).toBe(src.table);
  });

  it('a rate says whether DfE published it or it was computed here', () => {
    const s47 = buildMeasureData('s47-enquiries');
    const computed = readData('section-47.csv').find((r) => r.measure === 's47-enquiries' && r.area_code === ENGLAND && r.rate_origin === 'computed')!;
    expect(figureCitation(s47, 'rate', ENGLAND, Number(computed.year))!.value).toMatch(/^[\d.,]+ per 10,000 children aged 0 to 17 \(rate computed here/);
    const published = readData('looked-after.csv').find((r) => r.measure === 'looked-after' && r.area_code === ENGLAND && r.year === '2025')!;
    expect(published.rate_origin).toBe('published');
    expect(figureCitation(cla, 'rate', ENGLAND, 2025)!.value).toBe(`${published.rate_per_10k} per 10,000 children aged 0 to 17`);
  });

  it('a citation across a break in the series says so; a figure from before one says how it was counted', () => {
    const s47 = buildMeasureData('s47-enquiries');
    const st = { ...defaultState(stateContextOf(s47)), unit: 'count' as const };
    const share = makeShare({ data: s47, state: st, ctx: stateContextOf(s47), title: 't', sources: s47.sources, rateNote: undefined, description: '', subject: 'Section 47 enquiries, England', from: 2010, to: 2025, csv: trendCsv(s47, 'count', [], 2010, 2025) });
    for (const fmt of CITATION_FORMATS) {
      expect(cite(fmt, { ...ctx, input: share.cite })).toContain('the series has breaks (first census year between 2009-10 and 2010-11; counting changed between 2011-12 and 2012-13): compare years on the same side');
    }
    const since2013 = makeShare({ data: s47, state: { ...st, from: 2013 }, ctx: stateContextOf(s47), title: 't', sources: s47.sources, rateNote: undefined, description: '', subject: 's', from: 2013, to: 2025, csv: trendCsv(s47, 'count', [], 2013, 2025) });
    expect(since2013.cite.breakNote).toBeUndefined();
    const f2011 = figureCitation(s47, 'count', ENGLAND, 2011)!;
    expect(f2011.value).toBe('111,700'); // DfE's figure for 2010-11, which counted children: not "enquiries"
    expect(trendCsv(s47, 'count', [s47.areas[0]!], 2011, 2013).rows.map((r) => r[r.length - 1])).toEqual([
      'Before the 2012-13 break in the series: children who were the subject of a section 47 enquiry, not enquiries.',
      'Before the 2012-13 break in the series: children who were the subject of a section 47 enquiry, not enquiries.',
      '',
    ]);
    expect(f2011.breakNote).toBe("figures before 2012-13 are children who were the subject of a section 47 enquiry, not enquiries (a break in the series; see the site's methodology)");
    expect(cite('plain', { ...ctx, input: f2011 })).toContain('figures before 2012-13 are children who were the subject of a section 47 enquiry');
    expect(figureCitation(s47, 'count', ENGLAND, 2025)!.breakNote).toBeUndefined();
  });

  it('no figure (suppressed, not available or not published) gives no figure citation', () => {
    const s47 = buildMeasureData('s47-enquiries');
    expect(figureCitation(s47, 'count', 'E09000012', 2022)).toBeUndefined(); // Hackney 2021-22: not available (x)
  });

  it('the figure in focus, else the latest figure of the first selected area, else England', () => {
    expect(figureInFocus(cla, 'count', { code: 'E06000009', year: 2015 }, [], 2010, 2025)).toEqual({ code: 'E06000009', year: 2015 });
    expect(figureInFocus(cla, 'count', null, ['E06000009', 'E09000012'], 2010, 2025)).toEqual({ code: 'E06000009', year: 2025 });
    expect(figureInFocus(cla, 'count', null, [], 2010, 2020)).toEqual({ code: ENGLAND, year: 2020 });
    // a focus on a figure that is not there falls back
    const s47 = buildMeasureData('s47-enquiries');
    expect(figureInFocus(s47, 'count', { code: 'E09000012', year: 2022 }, [], 2010, 2025)).toEqual({ code: ENGLAND, year: 2025 });
  });

  it('the share kit of a view carries the figure citation beside the chart citation', () => {
    const ctxOf = stateContextOf(cla);
    const state = { ...defaultState(ctxOf), unit: 'count' as const };
    const england = cla.areas.find((a) => a.code === ENGLAND)!;
    const share = makeShare({ data: cla, state, ctx: ctxOf, title: 't', sources: cla.sources, rateNote: undefined, description: 'd', subject: 's', from: 2010, to: 2025, csv: trendCsv(cla, 'count', [england], 2010, 2025) });
    expect(share.figure?.value).toBe('81,770 children');
    expect(share.cite.dataYears).toBe('31 March 2010 to 31 March 2025');
    // a view without a cursor says which figure it cites; one with a cursor says how to move it
    expect(share.figureHint).toMatch(/first area chosen/);
    const withCursor = makeShare({ data: cla, state, ctx: ctxOf, title: 't', sources: cla.sources, rateNote: undefined, description: 'd', subject: 's', from: 2010, to: 2025, csv: trendCsv(cla, 'count', [england], 2010, 2025), focus: { code: ENGLAND, year: 2012 } });
    expect(withCursor.figure?.dataYears).toBe('31 March 2012');
    expect(withCursor.figureHint).toMatch(/cursor/);
  });
});
