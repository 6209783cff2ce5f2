import type { Verdict as V } from '@/lib/claims/types';
import styles from './claims.module.css';

/** A verdict as a badge: its words always, with a shape (tick, tick in a circle with a mark, cross, question mark) so colour is never the only cue. */
const SHAPES: Record<V, string> = {
  holds: 'M3 8.5l3.2 3.2L13 4.8',
  caveat: 'M3 8.5l3.2 3.2L13 4.8M13 11v0.5',
  fails: 'M4 4l8 8M12 4l-8 8',
  cannot: 'M5.5 5.6a2.6 2.6 0 1 1 3.6 2.4c-.7.3-1.1.8-1.1 1.5v.6M8 12.6v.4',
};

export function VerdictBadge({ verdict, label, big }: { readonly verdict: V; readonly label: string; readonly big?: boolean }) {
  return (
    <span className={`${styles.verdict} ${styles[verdict]} ${big ? styles.big : ''}`} data-verdict={verdict}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={SHAPES[verdict]} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {label}
    </span>
  );
}
