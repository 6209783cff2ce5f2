import * as z from 'zod/mini';
import type { ClaimFilterState } from './filter-state';
import { VERDICTS } from './types';

/**
 * The /claims/ list's filter as view state in the query string (?verdict=fails&measure=looked-after),
 * parsed with zod: an unknown value falls back to "all" with a notice that never echoes it. Only
 * values that differ from the default (all) are written back.
 */

export type { ClaimFilterState } from './filter-state';

export function parseClaimFilter(params: URLSearchParams, measures: readonly string[]): { state: ClaimFilterState; notices: string[] } {
  const notices: string[] = [];
  const verdict = z.enum(['all', ...VERDICTS] as [string, ...string[]]).safeParse(params.get('verdict') ?? 'all');
  const measure = z.enum(['all', ...measures] as [string, ...string[]]).safeParse(params.get('measure') ?? 'all');
  if (!verdict.success) notices.push('The verdict in the link is not one of the four, so claims of every verdict are shown.');
  if (!measure.success) notices.push('The measure in the link is not one the claims speak of, so claims about every measure are shown.');
  return {
    state: { verdict: verdict.success ? (verdict.data as ClaimFilterState['verdict']) : 'all', measure: measure.success ? measure.data : 'all' },
    notices,
  };
}

export function serializeClaimFilter(s: ClaimFilterState): string {
  const p = new URLSearchParams();
  if (s.verdict !== 'all') p.set('verdict', s.verdict);
  if (s.measure !== 'all') p.set('measure', s.measure);
  const q = p.toString();
  return q ? `?${q}` : '';
}
