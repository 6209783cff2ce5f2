import type { Metadata } from 'next';
import Link from 'next/link';
import { ClaimFilter } from '@/components/claims/ClaimFilter';
import { ClaimSummary } from '@/components/claims/ClaimList';
import { VerdictBadge } from '@/components/claims/Verdict';
import styles from '@/components/claims/claims.module.css';
import { PageShell } from '@/components/frame/PageShell';
import { VERDICT_LABEL } from '@/lib/claims/engine';
import { allClaims, loadNotClaims, loadQuoteContext } from '@/lib/claims/load';
import { VERDICTS, type Verdict } from '@/lib/claims/types';
import { loadMeasures, loadQuotes } from '@/lib/data/load';
import { formatDate } from '@/lib/format';
import { homeCard } from '@/lib/share/cards';
import { HOME_CARD_PATH } from '@/lib/share/card';
import { socialMetadata } from '@/lib/share/social';

const DESCRIPTION = 'Figures quoted in reviews, reports and the news about children’s social care in England, each checked against the Department for Education’s releases, with the arithmetic and a verdict.';

export function generateMetadata(): Metadata {
  return { title: 'Claims, checked', description: DESCRIPTION, ...socialMetadata({ title: 'Claims, checked', description: DESCRIPTION, path: '/claims/', image: { path: HOME_CARD_PATH, alt: homeCard().alt } }) };
}

const MEANING: Record<Verdict, string> = {
  holds: 'the published figures bear it out, on every reading the words allow.',
  caveat: 'the figures bear it out, but only on one base year of several, across a change in how the figures are counted, on a difference of two counts, on rounded secondary figures, or with a part the data cannot check.',
  fails: 'the figures do not bear it out. “Does not hold now” means it may have held on the figures published when it was made, which were revised since (or are not in these data).',
  cannot: 'these data cannot answer it; each says what data would.',
};

export default function ClaimsPage() {
  const claims = allClaims();
  const measures = loadMeasures();
  const label = new Map(measures.map((m) => [m.id, m.label]));
  const used = measures.filter((m) => claims.some((c) => c.result.measures.includes(m.id)));
  const count = (v: Verdict) => claims.filter((c) => c.result.verdict === v).length;
  const checked = new Set(claims.map((c) => c.quote.id));
  const notClaims = loadNotClaims();
  const context = loadQuoteContext();
  const qualitative = loadQuotes().filter((q) => !checked.has(q.id));
  return (
    <PageShell current="/claims/">
      <h1>Claims, checked</h1>
      <p className="lede">{DESCRIPTION} Nothing here is typed in: each claim is a small file saying what it asserts, and every figure, the arithmetic and the verdict come from the data when the site is built.</p>

      <h2 id="verdicts">What the verdicts mean</h2>
      <ul className={styles.tally} aria-label="How many claims have each verdict">
        {VERDICTS.map((v) => (
          <li key={v}>
            <VerdictBadge verdict={v} label={`${VERDICT_LABEL[v]}: ${count(v)}`} />
          </li>
        ))}
      </ul>
      <ul className="small">
        {VERDICTS.map((v) => (
          <li key={v}>
            <strong>{VERDICT_LABEL[v]}</strong>: {MEANING[v]}
          </li>
        ))}
      </ul>
      <p className="small">
        How the checks work, and the rules behind each verdict: <Link href="/methodology/#claims">methodology</Link>.
      </p>

      <h2 id="claims">Every claim</h2>
      <ClaimFilter
        items={claims.map((c) => ({ id: c.quote.id, verdict: c.result.verdict, measures: c.result.measures }))}
        verdicts={VERDICTS.map((v) => ({ id: v, label: VERDICT_LABEL[v] }))}
        measures={used.map((m) => ({ id: m.id, label: m.label }))}
      />
      <ul className={styles.list}>
        {claims.map((c) => (
          <li key={c.quote.id} className={styles.item} data-claim-item={c.quote.id} data-verdict={c.result.verdict} data-measures={c.result.measures.join(' ')}>
            <ClaimSummary claim={c} />
            {c.result.measures.length > 0 && (
              <p className={styles.itemMeta}>
                Measures: {c.result.measures.map((m, i) => (
                  <span key={m}>
                    {i > 0 && ', '}
                    <Link href={`/measures/${m}/`}>{label.get(m)}</Link>
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>

      <div className="deferred">
        <h2 id="context">Quotes without a figure</h2>
        <p>
          These quotes make no claim a figure could check. They are shown as context on the pages of the measures they speak about, and never given a verdict.
        </p>
        <ul>
          {qualitative.map((q) => {
            const on = [...(q.measureId ? [q.measureId] : []), ...(context[q.id] ?? [])];
            return (
              <li key={q.id} data-context-quote={q.id}>
                <q cite={q.url}>{q.quote}</q> &mdash; {q.speaker}
                {q.date ? ` (${formatDate(q.date)})` : ''}, <a href={q.url}>{q.sourceTitle}</a>.
                {notClaims[q.id] && <> {notClaims[q.id]}</>}
                {on.length > 0 && (
                  <>
                    {' '}
                    Shown on:{' '}
                    {[...new Set(on)].map((m, i) => (
                      <span key={m}>
                        {i > 0 && ', '}
                        <Link href={`/measures/${m}/`}>{label.get(m)}</Link>
                      </span>
                    ))}
                    .
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </PageShell>
  );
}
