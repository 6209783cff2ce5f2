import type { Metadata } from 'next';
import Link from 'next/link';
import { PageShell } from '@/components/frame/PageShell';
import { StaticPart } from '@/components/frame/StaticPart';
import { AdjustedControls, GapControls, ScatterControls } from '@/components/inequalities/controls';
import { IneqNotices, IneqProvider } from '@/components/inequalities/IneqState';
import { PublishedFigures } from '@/components/inequalities/PublishedFigures';
import { ServerChart } from '@/components/inequalities/ServerCharts';
import styles from '@/components/inequalities/page.module.css';
import { buildGradient, buildInequalitiesData } from '@/lib/inequalities/build';
import { figureHeadline } from '@/lib/inequalities/describe';
import { formatYear } from '@/lib/format';

export const metadata: Metadata = {
  title: 'Deprivation and children’s social care',
  description:
    'How child protection plans and care rise with neighbourhood deprivation (the Child Welfare Inequalities Project), how every council’s rates relate to its deprivation since 2010, a deprivation-adjusted comparison, and the gap between the most and least deprived councils.',
  alternates: { canonical: '/inequalities/' },
};

export default function InequalitiesPage() {
  const data = buildInequalitiesData();
  const first = data.measures[0]!;
  const gradient = buildGradient();
  const england = gradient.figures.filter((f) => f.country === 'England');
  const wales = gradient.figures.filter((f) => f.country === 'Wales');
  const uk = gradient.figures.filter((f) => f.country === 'UK');
  const law = gradient.inverseLaw;
  return (
    <PageShell current="/inequalities/">
      <h1>Deprivation and children&rsquo;s social care</h1>
      <p className="lede">
        Children in England&rsquo;s most deprived neighbourhoods are far more likely to be on a child protection plan or in care than children in the least deprived. What the Child
        Welfare Inequalities Project found, neighbourhood by neighbourhood, and what every council&rsquo;s figures since 2010 show.
      </p>
      <nav aria-label="On this page">
        <ol className={styles.toc}>
          <li>
            <a href="#gradient">The neighbourhood gradient</a> (CWIP, England and Wales)
          </li>
          <li>
            <a href="#scatter">Councils against deprivation</a> (every council, any measure and year)
          </li>
          <li>
            <a href="#adjusted">Adjusted for deprivation</a> (expected from each council&rsquo;s neighbourhoods)
          </li>
          <li>
            <a href="#gap">The gap since 2010</a> (most and least deprived fifths of councils)
          </li>
        </ol>
      </nav>

      <IneqProvider data={data}>
        <IneqNotices />

        <section id="gradient" aria-labelledby="gradient-h" className={styles.section}>
          <h2 id="gradient-h">1. The neighbourhood gradient</h2>
          <p>
            The Child Welfare Inequalities Project (CWIP; Bywaters and colleagues, funded by the Nuffield Foundation) linked children on child protection plans and in care on 31
            March {gradient.series[0]?.year} to the neighbourhood they lived in, and counted them against all children in neighbourhoods of each tenth of deprivation. The rates
            rise at almost every step from the least to the most deprived tenth. These are CWIP&rsquo;s figures, as published; the rest of this page uses the councils&rsquo; own
            figures.
          </p>
          <ServerChart chart="gradient" />
          {/* Words and links only: kept as the build drew them (not hydrated). */}
          <StaticPart className={styles.figuresBlock}>
            <h3 id="figures-h">What CWIP published</h3>
            <p className="small muted">
              Ratios and &ldquo;1 in N&rdquo; figures as the project and its partners worded them, each with where it was read. A ratio stays a ratio: it is not turned into a
              rate, nor checked against the rates in the chart, which come from a different copy of the figures.
            </p>
            <h4 className={styles.country}>England</h4>
            <PublishedFigures figures={england} headingLevel={5} />
            <h4 className={styles.country}>Wales</h4>
            <PublishedFigures figures={wales} headingLevel={5} />
            {uk.length > 0 && (
              <>
                <h4 className={styles.country}>Across the UK</h4>
                <PublishedFigures figures={uk} headingLevel={5} />
              </>
            )}
          </StaticPart>
          <details className={styles.more}>
            <summary>CWIP&rsquo;s other published figures (Scotland, Northern Ireland, comparisons between countries, ethnicity, the pilot study)</summary>
            <StaticPart>
              <PublishedFigures figures={gradient.otherFigures} headingLevel={3} />
            </StaticPart>
          </details>
        </section>

        <section id="scatter" aria-labelledby="scatter-h" className={styles.section}>
          <h2 id="scatter-h">2. Councils against deprivation</h2>
          <p>
            Each council&rsquo;s rate against how deprived its area is, for any of the core measures and any year since {formatYear(first.period, first.years[0]!)}. Choose the deprivation scale: the Index of
            Multiple Deprivation 2019 average score, the income deprivation of children (IDACI 2019), or &mdash; as a check &mdash; the share of the council&rsquo;s children living
            in England&rsquo;s most deprived tenth of neighbourhoods. The fit is given as Spearman&rsquo;s rank correlation, with a line robust to outlying councils (
            <Link href="/methodology/#inequalities-fit">why</Link>).
          </p>
          <ScatterControls />
          <div className={styles.later}>
            <ServerChart chart="scatter" />
          </div>
        </section>

        <section id="adjusted" aria-labelledby="adjusted-h" className={styles.section}>
          <h2 id="adjusted-h">3. Adjusted for deprivation</h2>
          <p>
            How many children would a council have on plans, or in care, if its children had England&rsquo;s rate but with CWIP&rsquo;s neighbourhood gradient, given how many of them
            live in each tenth of deprivation? Dividing the council&rsquo;s actual number by that expected number gives a ratio: 1 is as expected, 2 is twice as many. The funnel
            shows how far a ratio can stray from 1 by chance for a council of that size. Only for the two measures CWIP published rates by decile for. The method, step by step for
            one council, is in the <Link href="/methodology/#inequalities-worked-example">methodology</Link>.
          </p>
          {law && (
            <div className={styles.law}>
              <h3>CWIP&rsquo;s &ldquo;inverse intervention law&rdquo;</h3>
              <p>
                Comparing neighbourhoods of the same deprivation, CWIP found that children in less deprived councils were more likely to be on a plan or in care than children in
                more deprived councils: {figureHeadline(law)} as likely, as reported (&ldquo;{law.valueAsStated}&rdquo; &mdash; {law.url ? <a href={law.url}>{law.source}</a> : law.source};
                how firm: {law.certainty}). So an affluent council can sit above &ldquo;expected&rdquo; and a deprived one below it without either doing anything wrong: the
                comparison describes how councils differ once deprivation is allowed for. It does not rank their practice.
              </p>
            </div>
          )}
          <AdjustedControls />
          <div className={styles.later}>
            <ServerChart chart="adjusted" />
          </div>
          <div id="profile" className={styles.profile}>
            <ServerChart chart="profile" />
          </div>
        </section>

        <section id="gap" aria-labelledby="gap-h" className={styles.section}>
          <h2 id="gap-h">4. The gap between the most and least deprived councils since 2010</h2>
          <p>
            The councils ranked by their IMD 2019 average score, split into fifths: how the rate of the most deprived fifth, taken together, compares with the least deprived
            fifth&rsquo;s, year by year, for each core measure. This compares councils as a whole, not neighbourhoods: it is not CWIP&rsquo;s gradient, which is far steeper.
          </p>
          <GapControls />
          <div className={styles.later}>
            <ServerChart chart="gap" />
          </div>
        </section>
      </IneqProvider>
    </PageShell>
  );
}
