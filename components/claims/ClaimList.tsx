import Link from 'next/link';
import type { CheckedClaim } from '@/lib/claims/load';
import { formatDate } from '@/lib/format';
import { VerdictBadge } from './Verdict';
import styles from './claims.module.css';

/** One claim in a list: verdict, the quote (linking to its check), who said it and when, and the one-line reason. */
export function ClaimSummary({ claim, headingLevel = 3 }: { readonly claim: CheckedClaim; readonly headingLevel?: 2 | 3 }) {
  const { quote: q, result: r } = claim;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div data-claim={q.id}>
      <VerdictBadge verdict={r.verdict} label={r.label} />
      <H className={styles.itemQuote}>
        <Link href={`/claims/${q.id}/`}>&ldquo;{q.quote}&rdquo;</Link>
      </H>
      <p className={styles.itemMeta}>
        {q.speaker}
        {q.date ? `, ${formatDate(q.date)}` : ' (undated)'}
      </p>
      <p className={styles.itemReason}>{r.reason}.</p>
    </div>
  );
}
