import type { Metadata } from 'next';
import Link from 'next/link';
import { StoryLine } from '@/components/claims/StoryLine';
import storyStyles from '@/components/claims/story.module.css';
import { PageShell } from '@/components/frame/PageShell';
import { SourceLine } from '@/components/frame/SourceLine';
import { storyLines } from '@/lib/claims/story';
import { loadMeasures, observationsFor, sourceById } from '@/lib/data/load';
import { formatCount, formatRate, formatYear } from '@/lib/format';
import { ENGLAND, headline } from '@/lib/query';
import { cardOf, homeShareMetadata } from '@/lib/share/cards';

export function generateMetadata(): Metadata {
  return homeShareMetadata(
    'The latest official figures for England on children’s social care, with the change since the first year and the trend, from the Department for Education’s releases; every council and region on the site.',
  );
}

export default function HomePage() {
  const measures = loadMeasures().filter((m) => m.core);
  const sources = sourceById();
  const story = storyLines();
  return (
    <PageShell current="/">
      <h1>Children&rsquo;s social care in England, in the official figures</h1>
      <p className="lede">
        How many children are referred to children&rsquo;s social care, investigated under section 47, put on child protection plans or taken into care, from the Department for
        Education&rsquo;s own releases, with every figure&rsquo;s year, definition and source.
      </p>
      <h2 id="story">What the reports say, checked against the figures</h2>
      <p>
        Each line is a claim from a review, a report or the news, with its verdict and the figures that test it. <Link href="/claims/">Every claim checked</Link>.
      </p>
      <ol className={storyStyles.story} aria-labelledby="story">
        {story.map((line, i) => (
          <StoryLine key={i} line={line} index={i} />
        ))}
      </ol>
      <p className="small muted">
        The deprivation figures are the Child Welfare Inequalities Project&rsquo;s, for neighbourhoods in a sample of councils: see{' '}
        <Link href="/inequalities/">deprivation and children&rsquo;s social care</Link> for the gradient, every council against its deprivation, and the method.
      </p>

      <p className="notice">
        <strong>Your council:</strong> <Link href="/areas/">find any council in England</Link> by name, town or postcode, and see its figures against England, its region and
        similar councils.
      </p>

      <h2 id="latest">Latest figures for England</h2>
      <ul className="cards" aria-labelledby="latest">
        {measures.map((m) => {
          const h = headline(observationsFor(m.id), ENGLAND);
          if (!h) return null;
          const { latest } = h;
          const card = cardOf(m.id);
          const source = sources.get(latest.sourceId)!;
          return (
            <li key={m.id} className="card" data-measure={m.id}>
              <h3>
                <Link href={`/measures/${m.id}/`}>{m.label}</Link>
              </h3>
              <p className="figure" data-testid={`figure-${m.id}`}>
                {latest.count.kind === 'value' ? formatCount(latest.count.value, m.countUnit) : 'not published'}{' '}
                <span className="figure-unit">{m.countUnit}</span>
              </p>
              <p>
                <strong>{formatYear(m.period, latest.year)}</strong>
                {latest.rate.kind === 'value' && <> &middot; {formatRate(latest.rate.value)} per 10,000 children</>}
              </p>
              {card.change && (
                <p>
                  <span className="change">{card.change}</span> since {card.firstYearLabel} ({card.changeFromFigure}){card.likeForLike && ', like for like'}
                </p>
              )}
              {card.across && (
                <p className="small muted" data-testid={`across-${m.id}`}>
                  {card.across.change} since {card.across.fromLabel} ({card.across.fromFigure}), but that comparison crosses a break in the series: {card.across.breaks} (see the chart).
                </p>
              )}
              <p className="small muted">
                <Link href={`/methodology/#${m.id}`}>Definition and caveats</Link>
              </p>
              <SourceLine source={source} rateOrigin={latest.rateOrigin} />
            </li>
          );
        })}
      </ul>
      <p className="small muted">
        Counts over a year (referrals, enquiries, conferences, care starts) are labelled with the reporting year, e.g. 2024-25 = 1 April 2024 to 31 March 2025. Counts on one day are
        labelled with that day. The first years of the children in need census (2009-10) include DfE estimates for councils with missing data: see the{' '}
        <Link href="/methodology/">methodology</Link> before quoting a change &ldquo;since 2010&rdquo;.
      </p>
    </PageShell>
  );
}
