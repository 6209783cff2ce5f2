import { describe, expect, it } from 'vitest';
import { answerPostcode, postcodeFileNeeded, searchEntries } from '@/lib/areas/find';
import { classifyPostcode } from '@/lib/areas/postcodes';
import { siteSearchEntries } from '@/lib/data/areas';
import { areaByCode } from '@/lib/data/load';
import { areaFileFor, postcodeAreas } from '@/lib/data/postcodes';

const entries = siteSearchEntries();
const names = (q: string) => {
  const r = searchEntries(entries, q);
  return { regions: r.regions.map((e) => e.name), councils: r.councils.map((e) => e.name), places: r.places.map((e) => `${e.name} → ${e.target ?? e.nation}`), former: r.former.map((e) => e.name) };
};
const known = new Set(postcodeAreas());
const nameOf = (c: string) => areaByCode().get(c)?.name;
const ask = (text: string) => {
  const q = classifyPostcode(text);
  const area = postcodeFileNeeded(q, known);
  return answerPostcode(q, area ? areaFileFor(area) : undefined, nameOf);
};

describe('finding a council by name, region word, town or district', () => {
  it('"north" lists the regions, then the councils whose names start with it', () => {
    const r = names('north');
    expect(r.regions).toEqual(['North East', 'North West']);
    expect(r.councils).toEqual(expect.arrayContaining(['North Yorkshire', 'North Tyneside', 'North Somerset', 'North Lincolnshire', 'North Northamptonshire']));
    expect(r.councils).not.toContain('Northamptonshire');
    // North Yorkshire county council (to 2023) is the same council and area as today's: listed once.
    expect([...r.councils, ...r.former].filter((n) => n === 'North Yorkshire')).toHaveLength(1);
  });
  it('finds a town by its district: Harrogate is in North Yorkshire, Crawley in West Sussex', () => {
    expect(names('harrogate').places).toEqual(['Harrogate → E06000065']);
    expect(names('Crawley').places).toEqual(['Crawley → E10000032']);
    expect(names('kettering').places).toEqual(['Kettering → E06000061']);
  });
  it('lists former councils with their years', () => {
    const r = searchEntries(entries, 'northamptonshire');
    expect(r.former.map((e) => [e.name, e.hint])).toEqual([['Northamptonshire', 'former council, 2009-10 to 2020-21']]);
    expect(r.councils.map((e) => e.name)).toEqual(['North Northamptonshire', 'West Northamptonshire']);
  });
  it('says a council outside England is outside England', () => {
    expect(names('cardiff').places).toEqual(['Cardiff → wales']);
    expect(names('glasgow').places).toEqual(['Glasgow City → scotland']);
  });
  it('finds an area by its GSS code, including an older code', () => {
    expect(searchEntries(entries, 'E06000009').councils.map((e) => e.name)).toEqual(['Blackpool']);
    expect(searchEntries(entries, 'E08000016').councils.map((e) => e.target)).toEqual(['E08000038']);
  });
  it('does not list a council twice as its own district', () => {
    expect(names('blackpool')).toEqual({ regions: [], councils: ['Blackpool'], places: [], former: [] });
  });
});

describe('finding a council by postcode', () => {
  it('a full postcode finds its council', () => {
    expect(ask('FY1 1AA')).toEqual({ kind: 'council', text: 'FY1 1AA is in Blackpool.', links: [{ code: 'E06000009', name: 'Blackpool' }] });
    expect(ask('ca1 1qs')).toMatchObject({ kind: 'council', links: [{ code: 'E06000063', name: 'Cumberland' }] });
  });
  it('an outward code finds its council, or lists its councils and asks for the full postcode', () => {
    expect(ask('FY1')).toMatchObject({ kind: 'council', links: [{ name: 'Blackpool' }] });
    const fy5 = ask('FY5')!;
    expect(fy5.kind).toBe('several');
    expect(fy5.text).toMatch(/Blackpool and Lancashire.*full postcode/);
  });
  it('a postcode in Wales, Scotland or Northern Ireland says which nation it is in', () => {
    expect(ask('CF10 1EP')).toMatchObject({ kind: 'nation', nation: 'wales' });
    expect(ask('EH1 1YZ')!.text).toMatch(/^EH1 1YZ is in Scotland\. This site covers councils in England/);
    expect(ask('BT1 5GS')).toMatchObject({ kind: 'nation', nation: 'northern-ireland' });
    expect(ask('BT1')).toMatchObject({ kind: 'nation', nation: 'northern-ireland' });
  });
  it('an unknown or malformed postcode says so', () => {
    expect(ask('QQ1 1AA')).toMatchObject({ kind: 'unknown' });
    expect(ask('FY99 1AA')).toMatchObject({ kind: 'unknown' });
    expect(ask('FY1 1AAA')).toMatchObject({ kind: 'malformed' });
    expect(ask('Harrogate')).toBeUndefined();
  });
});
