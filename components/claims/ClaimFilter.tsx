'use client';

import { useEffect, useRef, useState } from 'react';
import { DEFAULT_FILTER, type ClaimFilterState } from '@/lib/claims/filter-state';
import type { Verdict } from '@/lib/claims/types';
import styles from './claims.module.css';

export interface FilterItem {
  readonly id: string;
  readonly verdict: Verdict;
  readonly measures: readonly string[];
}

/**
 * Filters the server-rendered list of claims (items marked data-claim-item, data-verdict,
 * data-measures) by verdict and measure. The list is in the static HTML; the filter only hides
 * items (with a stylesheet of rules built from the validated state), so nothing is rendered twice.
 */
export function ClaimFilter({ items, verdicts, measures }: { readonly items: readonly FilterItem[]; readonly verdicts: readonly { id: Verdict; label: string }[]; readonly measures: readonly { id: string; label: string }[] }) {
  const [state, setState] = useState<ClaimFilterState>(DEFAULT_FILTER);
  const [notices, setNotices] = useState<string[]>([]);
  // A choice made before the parser arrived wins over the address it was loaded with (it has already
  // rewritten it): without this, a quick first choice was undone by the page's own start-up.
  const chosen = useRef(false);
  useEffect(() => {
    let live = true;
    void import('@/lib/claims/filter').then(({ parseClaimFilter }) => {
      if (!live || chosen.current) return;
      const parsed = parseClaimFilter(new URLSearchParams(window.location.search), measures.map((m) => m.id));
      setState(parsed.state);
      setNotices(parsed.notices);
    });
    return () => {
      live = false;
    };
  }, [measures]);

  const update = (patch: Partial<ClaimFilterState>) => {
    const next = { ...state, ...patch };
    chosen.current = true;
    setState(next);
    setNotices([]);
    void import('@/lib/claims/filter').then(({ serializeClaimFilter }) => {
      window.history.replaceState(null, '', `${window.location.pathname}${serializeClaimFilter(next)}`);
    });
  };

  const shown = items.filter((i) => (state.verdict === 'all' || i.verdict === state.verdict) && (state.measure === 'all' || i.measures.includes(state.measure)));
  // Rules from validated values only (verdict ids and measure ids are slugs from the data).
  const rules = [
    state.verdict !== 'all' ? `[data-claim-item]:not([data-verdict="${state.verdict}"]) { display: none; }` : '',
    state.measure !== 'all' ? `[data-claim-item]:not([data-measures~="${state.measure}"]) { display: none; }` : '',
  ].join('\n');
  return (
    <div className="needs-js">
      <form className={styles.filters} onSubmit={(e) => e.preventDefault()} aria-label="Filter the claims">
        <label>
          Verdict
          <select value={state.verdict} onChange={(e) => update({ verdict: e.target.value as ClaimFilterState['verdict'] })}>
            <option value="all">Every verdict</option>
            {verdicts.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Measure
          <select value={state.measure} onChange={(e) => update({ measure: e.target.value })}>
            <option value="all">Every measure</option>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {notices.map((n) => (
        <p key={n} className="notice small" role="status">
          {n}
        </p>
      ))}
      <p className={styles.count} role="status" aria-live="polite" data-testid="claims-count">
        {shown.length === items.length ? `All ${items.length} claims shown.` : `${shown.length} of ${items.length} claims shown.`}
      </p>
      <style>{rules}</style>
    </div>
  );
}
