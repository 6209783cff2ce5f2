import type { Metadata } from 'next';
import Link from 'next/link';
import { PageShell } from '@/components/frame/PageShell';
import { allClaims } from '@/lib/claims/load';
import { dataFreshness } from '@/lib/data/freshness';
import { publishedOrder } from '@/lib/freshness';
import { loadSources } from '@/lib/data/load';
import { homeCard } from '@/lib/share/cards';
import { HOME_CARD_PATH } from '@/lib/share/card';
import { socialMetadata } from '@/lib/share/social';
import { REPO_URL, SITE_NAME } from '@/lib/site';

const DESCRIPTION = `Who ${SITE_NAME} is for, what it is not, where its figures come from and under which licences, how they are checked, how to report an error, and when the data were last refreshed.`;

export function generateMetadata(): Metadata {
  return { title: 'About', description: DESCRIPTION, ...socialMetadata({ title: `About ${SITE_NAME}`, description: DESCRIPTION, path: '/about/', image: { path: HOME_CARD_PATH, alt: homeCard().alt } }) };
}

export default function AboutPage() {
  const { refreshed, releases } = dataFreshness();
  // Every publication the data come from, once, with its publisher, licence and latest release's address (sources.csv).
  const bySeries = new Map<string, { publisher: string; series: string; licence: string; url: string; count: number; order: number }>();
  for (const s of loadSources()) {
    const k = `${s.publisher}|${s.series}`;
    const seen = bySeries.get(k);
    const order = publishedOrder(s.published) ?? 0;
    const newer = !seen || (s.url && (order >= seen.order || !seen.url));
    bySeries.set(k, {
      publisher: s.publisher,
      series: s.series,
      licence: seen?.licence ?? s.licence,
      url: newer && s.url ? s.url : (seen?.url ?? s.url),
      count: (seen?.count ?? 0) + 1,
      order: Math.max(order, seen?.order ?? 0),
    });
  }
  // The most used publications first (the DfE releases), then the rest by name.
  const publications = [...bySeries.values()].sort((a, b) => b.count - a.count || a.series.localeCompare(b.series));
  const claims = allClaims().length;
  return (
    <PageShell current="/about/">
      <h1>About {SITE_NAME}</h1>
      <p className="lede">
        An independent, open-source explorer of the official statistics on children&rsquo;s social care in England: referrals, section 47 enquiries, child protection plans, children in
        need and children in care, for England, its regions and every council, each figure with its year, definition, release and licence.
      </p>

      <h2 id="for">Who it is for</h2>
      <ul>
        <li>
          <strong>Journalists</strong> checking a figure or a claim: the latest number, how it has moved since 2010, its definition and the release it comes from, and{' '}
          <Link href="/claims/">{claims} claims from reviews, reports and the news checked</Link> with the arithmetic.
        </li>
        <li>
          <strong>Campaigners</strong> showing their area&rsquo;s figures next to England and similar councils, with charts they can embed on their own site (the source travels inside
          the embed).
        </li>
        <li>
          <strong>Students and researchers</strong> citing a figure: every chart gives citations (APA, Harvard, BibTeX) naming the release, the table, the years and a link to the exact
          view, and every data file can be downloaded.
        </li>
      </ul>

      <h2 id="not">What it is not</h2>
      <ul>
        <li>
          It is <strong>not an official statistics site</strong>, and not run by or for the Department for Education or any council. The official figures are in DfE&rsquo;s releases,
          linked from every chart; check a figure there before publishing it.
        </li>
        <li>It adds no figures of its own: where it computes something (a rate, a change, a ratio), it says so and shows how.</li>
        <li>It is not a source on any child or family, and holds no personal data: every figure is a published total for a council, a region or England.</li>
        <li>A verdict on a claim judges the figures quoted, not the people who quoted them or the argument they were making.</li>
      </ul>

      <h2 id="sources">Sources and licences</h2>
      <p>The figures come from these publications ({loadSources().length} release files in all, each listed with its table and address on the <Link href="/data/">data page</Link>):</p>
      <ul>
        {publications.map((s) => (
          <li key={`${s.publisher}|${s.series}`} data-series={s.series}>
            {s.url ? <a href={s.url}>{s.series}</a> : s.series}, {s.publisher}
            {s.count > 1 ? ` (${s.count} files)` : ''}: {s.licence}
          </li>
        ))}
      </ul>
      <p>
        Quotes are short extracts with their authors and sources, for comment and checking. The site&rsquo;s code is open source under the MIT licence
        {REPO_URL && (
          <>
            {' '}
            (<a href={REPO_URL}>source code</a>)
          </>
        )}
        .
      </p>

      <h2 id="checks">How figures are checked</h2>
      <ul>
        <li>
          The figures are read from the release files by a script that stops on anything unexpected: a new column, an unknown status code, a duplicated row, a council that did not exist
          that year. Nothing is typed in by hand.
        </li>
        <li>
          England&rsquo;s totals are tested against DfE&rsquo;s published national figures for every measure and year; rates computed here are tested against the rates DfE publishes.
        </li>
        <li>A figure DfE suppressed or did not publish is shown as missing, with DfE&rsquo;s reason, never as zero.</li>
        <li>Where later releases revised a figure, the latest is shown, and the earlier figures are listed in the revisions report on the data page.</li>
        <li>
          Each claim is a small reviewed file saying what the claim asserts; the figures, the arithmetic and the verdict are worked out from the data when the site is built. See{' '}
          <Link href="/methodology/#claims">how claims are checked</Link> and the <Link href="/methodology/">methodology</Link> for definitions, breaks in the series and caveats.
        </li>
      </ul>

      <h2 id="errors">How to report an error</h2>
      <p>
        If a figure, a label or a verdict looks wrong,{' '}
        {REPO_URL ? (
          <>
            open an issue in the <a href={`${REPO_URL.replace(/\/$/, '')}/issues`}>project&rsquo;s issue tracker</a>
          </>
        ) : (
          <>open an issue in the project&rsquo;s repository</>
        )}{' '}
        with: the address of the page (use &ldquo;Copy link&rdquo; on the chart, which gives the exact view), the figure you see, the figure you expected, and where you found it (the
        release and table). A correction changes the data or the claim&rsquo;s file, is reviewed like code, and the rebuilt site shows it everywhere the figure appears.
      </p>

      <h2 id="refreshed">When the data were last refreshed</h2>
      <p data-testid="about-freshness">
        The data were last refreshed {refreshed ? <strong>{refreshed.published}</strong> : 'at an unknown date'}, from the latest releases of:
      </p>
      <ul>
        {releases.map((r) => (
          <li key={r.id} data-source={r.id}>
            {r.url ? <a href={r.url}>{r.series}</a> : r.series}, {r.release} ({r.published})
          </li>
        ))}
      </ul>
    </PageShell>
  );
}
