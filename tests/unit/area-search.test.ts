import { describe, expect, it } from 'vitest';
import { loadAreas } from '@/lib/data/load';
import { searchAreas } from '@/lib/search';

const areas = loadAreas().filter((a) => a.level !== 'country');
const names = (q: string, opts = {}) => searchAreas(areas, q, opts).map((a) => a.name);

describe('area search', () => {
  it('"black" finds Blackpool and Blackburn with Darwen, and nothing else', () => {
    expect(names('black').sort()).toEqual(['Blackburn with Darwen', 'Blackpool']);
  });
  it('is case- and punctuation-insensitive and matches any word start', () => {
    expect(names('BLACK')).toEqual(names('black'));
    expect(names('darwen')).toEqual(['Blackburn with Darwen']);
    expect(names('hull')).toContain('Kingston upon Hull, City of');
    expect(names('brighton & hove')).toEqual(['Brighton and Hove']);
    expect(names('st. helens')).toEqual(['St. Helens']);
  });
  it('ranks a name that starts with the query first', () => {
    expect(names('north')[0]).toMatch(/^North/);
    expect(names('york')[0]).toBe('York');
  });
  it('"north" lists the regions as well as the councils: North East, North West, then North … councils', () => {
    const north = names('north');
    expect(north.slice(0, 2)).toEqual(['North East', 'North West']);
    expect(north).toEqual(expect.arrayContaining(['North Yorkshire', 'North Tyneside', 'North Somerset', 'North East Lincolnshire']));
    // every match is there when asked for all: the councils beyond the first ten too
    const all = names('north', { limit: Infinity });
    expect(all).toEqual(expect.arrayContaining(['Northumberland', 'Northamptonshire', 'North Northamptonshire', 'West Northamptonshire', 'North Lincolnshire']));
    expect(all.length).toBeGreaterThan(north.length);
  });
  it('finds abolished and new councils, and regions', () => {
    expect(names('northampton')).toEqual(expect.arrayContaining(['Northamptonshire', 'North Northamptonshire', 'West Northamptonshire']));
    expect(names('london')).toEqual(expect.arrayContaining(['London', 'City of London']));
  });
  it('matches a GSS code and excludes areas already chosen', () => {
    expect(names('E09000012')).toEqual(['Hackney']);
    expect(names('black', { exclude: new Set(['E06000009']) })).toEqual(['Blackburn with Darwen']);
  });
  it('returns nothing for an empty or no-match query, and at most `limit` results', () => {
    expect(names('')).toEqual([]);
    expect(names('zzzz')).toEqual([]);
    expect(searchAreas(areas, 'e', { limit: 5 })).toHaveLength(5);
  });
});
