import { describe, expect, it } from 'vitest';
import { cite, CITATION_FORMATS, type CiteContext } from '@/lib/cite';

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
      expect(c).toMatch(/2026/);
    });
  }

  it('APA 7: author, (year), title, [Data set], retrieved Month Day, Year, from URL', () => {
    expect(cite('apa', ctx)).toBe(
      "Department for Education. (2025). Children in need, reporting year 2025 (2024-25) (Table C4: Section 47s and initial child protection conferences, by local authority) [Data set]. Section 47 enquiries, rate per 10,000 children, England and Blackpool, 2009-10 to 2024-25; earlier years from 3 earlier releases. Children's Social Care Explorer. Retrieved November 23, 2026, from https://example.org/measures/s47-enquiries/?areas=E06000009",
    );
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
