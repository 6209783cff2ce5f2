import type { Verdict } from './types';

/** The /claims/ list's filter (no zod here: the list's first load stays small; lib/claims/filter parses it). */
export interface ClaimFilterState {
  readonly verdict: Verdict | 'all';
  readonly measure: string;
}

export const DEFAULT_FILTER: ClaimFilterState = { verdict: 'all', measure: 'all' };
