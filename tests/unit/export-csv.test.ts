import { describe, expect, it } from 'vitest';
import { csvText } from '@/lib/share/export';

describe('csvText (RFC 4180, LF line ends)', () => {
  it('writes the header row, then the rows, each line ended by LF (the last too)', () => {
    const text = csvText({ filename: 'x', columns: ['area_code', 'area', 'year', 'rate_per_10k'], rows: [['E06000009', 'Blackpool', 2025, 312.6], ['E92000001', 'England', 2025, 189.3]] });
    expect(text).toBe('area_code,area,year,rate_per_10k\nE06000009,Blackpool,2025,312.6\nE92000001,England,2025,189.3\n');
    expect(text).not.toContain('\r');
  });

  it('quotes fields with a comma, a double quote or a line break, doubling quotes; others are not quoted', () => {
    const text = csvText({
      filename: 'x',
      columns: ['name', 'note'],
      rows: [
        ['Kingston upon Hull, City of', 'said "low"'],
        ['Line\nbreak', 'carriage\rreturn'],
        ['Bristol, City of', 'plain text with spaces'],
      ],
    });
    expect(text.split('\n')[1]).toBe('"Kingston upon Hull, City of","said ""low"""');
    expect(text).toContain('"Line\nbreak","carriage\rreturn"\n');
    expect(text).toContain('"Bristol, City of",plain text with spaces\n');
  });

  it('quotes a header that needs it', () => {
    expect(csvText({ filename: 'x', columns: ['rate, per 10,000', 'year'], rows: [] })).toBe('"rate, per 10,000",year\n');
  });

  it('keeps empty cells empty (a missing figure is not a zero) and the number of fields per row', () => {
    const text = csvText({ filename: 'x', columns: ['area', 'count', 'count_status', 'rate'], rows: [['Isles of Scilly', '', 'c', ''], ['', 0, 'ok', 0]] });
    const lines = text.trimEnd().split('\n');
    expect(lines[1]).toBe('Isles of Scilly,,c,');
    expect(lines[2]).toBe(',0,ok,0');
    for (const l of lines) expect(l.split(',')).toHaveLength(4);
  });

  it('writes numbers in full with a decimal point and no grouping; -0 as 0; NaN and infinities as empty cells', () => {
    const text = csvText({ filename: 'x', columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows: [[12345678, 0.5, -3.25, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e-7]] });
    expect(text.split('\n')[1]).toBe('12345678,0.5,-3.25,0,,,1e-7');
  });

  it('keeps non-ASCII text as is (UTF-8 when saved)', () => {
    expect(csvText({ filename: 'x', columns: ['unit'], rows: [['£ per child'], ['Council’s rate']] })).toBe('unit\n£ per child\nCouncil’s rate\n');
  });

  it('round-trips through an RFC 4180 parser (papaparse)', async () => {
    const Papa = (await import('papaparse')).default;
    const rows = [['a,b', 'c"d', 'e\nf', 1.5, ''], ['plain', ' spaced ', '', 0, 'x']] as const;
    const parsed = Papa.parse<string[]>(csvText({ filename: 'x', columns: ['p', 'q', 'r', 's', 't'], rows }), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([['p', 'q', 'r', 's', 't'], ...rows.map((r) => r.map(String))]);
  });
});
