import { describe, expect, it } from 'vitest';
import { loadObservations, observationsFor } from '@/lib/data/load';

/** Suppressed, unavailable and not-applicable cells stay typed missing values after loading. */
const find = (measure: string, area: string, year: number) => observationsFor(measure).find((o) => o.areaCode === area && o.year === year);
const HACKNEY = 'E09000012';
const HAMPSHIRE = 'E10000014';
const SCILLY = 'E06000053';

describe('missing values are never numbers', () => {
  it('Hackney 2020-21 and 2021-22 (cyber-attack) are "not available" for every children in need measure', () => {
    for (const m of ['referrals', 's47-enquiries', 'icpcs', 'children-in-need', 'child-protection-plans']) {
      for (const y of [2021, 2022]) {
        const o = find(m, HACKNEY, y);
        expect(o?.count, `${m} ${y}`).toEqual({ kind: 'missing', status: 'x' });
        expect(o?.rate, `${m} ${y} rate`).toEqual({ kind: 'missing', status: 'x' });
      }
    }
    // and the years either side are real numbers
    expect(find('s47-enquiries', HACKNEY, 2020)?.count.kind).toBe('value');
    expect(find('s47-enquiries', HACKNEY, 2023)?.count.kind).toBe('value');
  });

  it('Hampshire 2023-24 is "low reliability" (u), not a number', () => {
    for (const m of ['referrals', 's47-enquiries', 'icpcs', 'children-in-need', 'child-protection-plans']) {
      expect(find(m, HAMPSHIRE, 2024)?.count, m).toEqual({ kind: 'missing', status: 'u' });
    }
    expect(find('children-in-need', HAMPSHIRE, 2025)?.count).toEqual({ kind: 'value', value: 10636 });
  });

  it('Isles of Scilly: suppressed plans stay suppressed; looked-after is not applicable in the 2025 release', () => {
    expect(find('child-protection-plans', SCILLY, 2025)?.count).toEqual({ kind: 'missing', status: 'c' });
    expect(find('looked-after', SCILLY, 2025)?.count).toEqual({ kind: 'missing', status: 'z' });
    expect(find('looked-after', SCILLY, 2021)?.count).toEqual({ kind: 'missing', status: 'z' });
  });

  it('no loaded observation has a NaN, infinite or negative value, and a missing count never carries a number', () => {
    for (const o of loadObservations()) {
      for (const c of [o.count, o.rate]) {
        if (c.kind === 'value') {
          expect(Number.isFinite(c.value)).toBe(true);
          expect(c.value).toBeGreaterThanOrEqual(0);
        } else {
          expect(c).not.toHaveProperty('value');
        }
      }
    }
  });
});
