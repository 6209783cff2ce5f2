import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClaimChartBlock } from '@/components/claims/ClaimChartBlock';
import { CheckDetail } from '@/components/claims/CheckDetail';
import { ClaimSummary } from '@/components/claims/ClaimList';
import { VerdictBadge } from '@/components/claims/Verdict';
import styles from '@/components/claims/claims.module.css';
import { PageShell } from '@/components/frame/PageShell';
import { VERDICT_LABEL } from '@/lib/claims/engine';
import { allClaims, claimById, loadClaimSpecs } from '@/lib/claims/load';
import { claimChart, claimReleases, relatedClaims } from '@/lib/claims/view';
import { formatDate } from '@/lib/format';
import { HOME_CARD_PATH, measureCardPath } from '@/lib/share/card';
import { cardOf, homeCard } from '@/lib/share/cards';
import { socialMetadata } from '@/lib/share/social';

export const dynamicParams = false;

export function generateStaticParams() {
  return loadClaimSpecs().map((s) => ({ id: s.quote }));
}

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const c = claimById(id);
  if (!c) return {};
  const title = `\u201c${c.quote.quote.length > 90 ? `${c.quote.quote.slice(0, 87).replace(/\s+\S*$/, '')}\u2026` : c.quote.quote}\u201d: ${c.result.label.toLowerCase()}`;
  const description = `${c.quote.speaker}${c.quote.date ? `, ${formatDate(c.quote.date)}` : ''}. Checked against DfE's figures: ${c.result.label.toLowerCase()}. ${c.result.reason}`;
  // The card image is the chart's measure's (its alt states that measure's figure), else the home card.
  const measure = c.result.measures.find((m) => m === c.quote.measureId) ?? c.result.measures[0];
  const image = measure ? { path: measureCardPath(measure), alt: cardOf(measure).alt } : { path: HOME_CARD_PATH, alt: homeCard().alt };
  return { title, description, ...socialMetadata({ title, description, path: `/claims/${id}/`, image }) };
}

export default async function ClaimPage({ params }: Params) {
  const { id } = await params;
  const c = claimById(id);
  if (!c) notFound();
  const { quote: q, result: r } = c;
  const chart = claimChart(id);
  const releases = claimReleases(c);
  const related = relatedClaims(c, allClaims());
  const dated = q.date !== '';
  const caveats = r.caveats;
  return (
    <PageShell current="/claims/">
      <p className="small">
        <Link href="/claims/">All claims checked</Link>
      </p>
      <article data-claim={id} data-verdict={r.verdict}>
        <h1 className={styles.quote}>
          <span className="visually-hidden">Claim: </span>
          <q className={styles.quoteText} cite={q.url}>
            {q.quote}
          </q>
        </h1>
        <p className={styles.attribution} data-testid="attribution">
          {q.speaker}, <a href={q.url}>{q.sourceTitle}</a>, {q.publisher}
          {q.date ? `, ${formatDate(q.date)}` : ' (undated)'}
          {q.pageOrSection && ` (${q.pageOrSection})`}.
          {q.verification === 'V2' && ' Wording checked in a page quoting it, not in the original.'}
          {q.verification === 'S' && ' Wording from a seed document only, not checked against the original.'}
        </p>

        <div className={`${styles.verdictBox} ${styles[r.verdict]}`} data-testid="verdict">
          <VerdictBadge verdict={r.verdict} label={r.label} big />
          <p>{r.reason}.</p>
          {r.thenVerdict && (
            <p className={styles.then}>
              On the figures published when it was made: <strong>{VERDICT_LABEL[r.thenVerdict].toLowerCase()}</strong>.
            </p>
          )}
        </div>

        <h2 id="checked">What is checked</h2>
        <ol className={styles.checks}>
          {r.checks.map((k, i) => (
            <li key={i}>
              <a href={`#check-${i}`} className={styles.says}>
                &ldquo;{k.says}&rdquo;
              </a>
              : {k.spec} <VerdictBadge verdict={k.verdict} label={VERDICT_LABEL[k.verdict]} />
            </li>
          ))}
        </ol>
        {r.note && <p className={styles.note}>How the claim is read: {r.note}</p>}

        {chart && <ClaimChartBlock chart={chart} id={`claim-chart-${id}`} />}

        <h2 id="arithmetic">The arithmetic</h2>
        <p className="small muted">
          Every figure below is read from the data files when the site is built, with the release it comes from; nothing is typed in.
          {chart?.kind !== 'gradient' && (
            <>
              {' '}
              DfE rounds its England totals (each measure&rsquo;s caveats on the <Link href="/methodology/">methodology</Link> page say how).
            </>
          )}{' '}
          See <Link href="/methodology/#claims">how claims are checked</Link>.
        </p>
        {r.checks.map((k, i) => (
          <CheckDetail key={i} check={k} index={i} releases={releases} dated={dated} />
        ))}

        <h2 id="verdict">Verdict and caveats</h2>
        <p>
          <VerdictBadge verdict={r.verdict} label={r.label} />
        </p>
        {caveats.length > 0 ? (
          <ul className={styles.caveats}>
            {caveats.map((cv) => (
              <li key={cv}>{cv}</li>
            ))}
          </ul>
        ) : (
          <p>No caveats beyond the arithmetic above.</p>
        )}
        <p className="small muted">
          Spotted a mistake in this check? See <Link href="/about/#errors">how to report an error</Link>.
        </p>
      </article>

      {related.length > 0 && (
        <>
          <h2 id="related">Related claims</h2>
          <ul className={styles.related}>
            {related.map((x) => (
              <li key={x.quote.id}>
                <ClaimSummary claim={x} />
              </li>
            ))}
          </ul>
        </>
      )}
    </PageShell>
  );
}
