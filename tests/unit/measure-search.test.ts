import { describe, expect, it } from 'vitest';
import { searchMeasures } from '@/lib/measure-search';

const M = [
  { id: 's47-enquiries', label: 'Section 47 enquiries', shortLabel: 'S47 enquiries', group: 'Child protection' },
  { id: 'looked-after', label: 'Children looked after at 31 March', shortLabel: 'Children in care', group: 'Children in care' },
  { id: 'care-applications', label: 'Cafcass Care applications per 10,000 child population', shortLabel: 'Care applications', group: 'Courts' },
  { id: 'social-worker-caseload', label: 'Average number of cases per children and family social worker', shortLabel: 'Caseload per social worker', group: 'Workforce' },
];

describe('measure search (the 404 page finder)', () => {
  it('matches word starts in labels, ids and groups, in catalogue order', () => {
    expect(searchMeasures(M, 'care').map((m) => m.id)).toEqual(['looked-after', 'care-applications']);
    expect(searchMeasures(M, 's47').map((m) => m.id)).toEqual(['s47-enquiries']);
    expect(searchMeasures(M, 'Section 47').map((m) => m.id)).toEqual(['s47-enquiries']);
    expect(searchMeasures(M, 'social work').map((m) => m.id)).toEqual(['social-worker-caseload']);
  });
  it('needs every word to match, and does not match inside words', () => {
    expect(searchMeasures(M, 'care courts').map((m) => m.id)).toEqual(['care-applications']);
    expect(searchMeasures(M, 'are')).toEqual([]);
  });
  it('lists every measure for an empty or blank query', () => {
    expect(searchMeasures(M, '  ')).toHaveLength(4);
  });
});
