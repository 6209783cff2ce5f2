import { describe, expect, it } from 'vitest';
import { measureText, wrapText } from '@/lib/share/export';

// In Node there is no canvas: the export falls back to an estimate of the text width.
describe('wrapText (export titles, source lines and legends)', () => {
  const title = 'Section 47 enquiries: rate per 10,000 children, England, the regions, Blackpool, Hackney and Birmingham, 2009-10 to 2024-25';

  it('keeps every word, in order, on lines no wider than the width', () => {
    const lines = wrapText(title, 400, 20, true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(title);
    for (const l of lines) expect(measureText(l, 20, true)).toBeLessThanOrEqual(400);
  });

  it('fills lines greedily (the next word would not have fitted)', () => {
    const lines = wrapText(title, 400, 20, true);
    for (let i = 0; i + 1 < lines.length; i++) expect(measureText(`${lines[i]} ${lines[i + 1]!.split(' ')[0]}`, 20, true)).toBeGreaterThan(400);
  });

  it('collapses white space, gives no line for an empty text, and cuts a word longer than the width', () => {
    expect(wrapText('  a \n b  ', 500, 12)).toEqual(['a b']);
    expect(wrapText('   ', 500, 12)).toEqual([]);
    const long = wrapText('x'.repeat(200), 100, 12);
    expect(long.join('')).toBe('x'.repeat(200));
    for (const l of long) expect(measureText(l, 12)).toBeLessThanOrEqual(100);
  });
});
