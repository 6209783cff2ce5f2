import Link from 'next/link';
import type { AreaPageData } from '@/lib/data/area-page';
import { pickMeasures } from '@/lib/areas/words';
import { CouncilDeprivation } from '@/components/inequalities/CouncilDeprivation';
import { memberIn } from '@/lib/areas/identity';
import { AreaHeader } from './AreaHeader';
import { ContextSection } from './ContextSection';
import { DeprivationSection } from './DeprivationSection';
import { AssessmentFactors } from '@/components/explorer/AssessmentFactors';
import { HeadlineSection } from './HeadlineSection';
import { HistorySection } from './HistorySection';
import { NeighboursSection } from './NeighboursSection';
import { PathwaySection } from './PathwaySection';
import { PeersSection } from './PeersSection';
import { TrendsSection } from './TrendsSection';
import styles from './areas.module.css';

/**
 * An area's profile, as small sections in a fixed order. Each section asks only for its part of the
 * profile. To add a section (e.g. the inequalities work's deprivation gradient), add its component
 * here and its entry to `sections`.
 */
export function AreaPage({ page }: { readonly page: AreaPageData }) {
  const { data, factors, measures, sources, breaks } = page;
  const { profile } = data;
  const a = profile.area;
  const area = { code: profile.code, name: a.name };
  const sections = [
    { id: 'latest', label: 'Latest figures', show: true },
    { id: 'peers', label: a.level === 'country' ? 'Regions' : 'Councils', show: data.peers !== undefined },
    { id: 'similar', label: 'Similar councils', show: data.neighbours !== undefined },
    { id: 'pathway', label: 'The pathway', show: data.pathway.years.length > 0 },
    { id: 'trends', label: 'Trends', show: true },
    { id: 'context', label: 'Context', show: true },
    { id: 'deprivation', label: 'Deprivation', show: true },
    { id: 'assessment-factors', label: 'Factors at assessment', show: factors !== undefined },
    { id: 'history', label: 'History', show: data.history !== undefined },
  ].filter((s) => s.show);
  // The inequalities data are keyed by the code of each council's figures (Barnsley's E08000016 for 2024-25).
  const deprivationCode = memberIn(profile, data.lastDataYear) ?? profile.members[profile.members.length - 1]!.code;
  const compareLink = data.history && (data.history.predecessors.length || data.history.successors.length) ? `/measures/looked-after/?areas=${[...data.history.predecessors.map((p) => p.code), ...profile.members.map((m) => m.code), ...data.history.successors.map((s) => s.code)].join(',')}` : undefined;
  return (
    <article>
      <AreaHeader data={data} sections={sections} />
      <HeadlineSection data={data} measures={measures} sources={sources} />
      {data.peers && <PeersSection name={a.name} peers={data.peers} measures={measures} />}
      {data.neighbours && <NeighboursSection area={area} set={data.neighbours} comparisons={data.comparisons} measures={measures} sources={sources} />}
      {data.pathway.years.length > 0 && (
        <section className={styles.section} aria-labelledby="pathway">
          <h2 id="pathway">The pathway</h2>
          <p>
            How many children&rsquo;s cases move from a referral to a section 47 enquiry, an initial child protection conference and a child protection plan, per 10,000 children, in{' '}
            {a.name}
            {data.neighbours ? ', its statistical neighbours on average,' : ''}
            {profile.code === 'E92000001' ? '' : ' and England'}. See <a href="/methodology/#pathway">how the pathway is counted</a>.
          </p>
          <PathwaySection
            area={area}
            series={data.pathway}
            measures={pickMeasures(measures, data.pathway.steps)}
            sources={pickMeasures(sources, data.pathway.years.flatMap((y) => y.sourceIds.filter((s): s is string => s !== null)))}
            breaks={pickMeasures(breaks, data.pathway.steps)}
          />
        </section>
      )}
      <TrendsSection data={data} measures={measures} sources={sources} breaks={breaks} />
      <ContextSection name={a.name} isEngland={profile.code === 'E92000001'} deprivation={a.level === 'la' ? data.deprivation : undefined} population={data.population} lait={data.lait} measures={measures} sources={sources} />
      {a.level === 'la' ? (
        <div className={styles.section}>
          <CouncilDeprivation code={deprivationCode} />
        </div>
      ) : (
        <DeprivationSection area={area} level={a.level} summary={data.deprivation} sources={sources} />
      )}
      {factors && (
        <section className={styles.section} aria-labelledby="assessment-factors">
          <h2 id="assessment-factors">Factors at assessment</h2>
          <AssessmentFactors id="factors-chart" {...factors} />
        </section>
      )}
      {data.history && <HistorySection name={a.name} history={data.history} lastDataYear={data.lastDataYear} compareLink={compareLink} />}
      <p className={`small muted ${styles.dataLine}`}>
        Every figure of {a.name} as JSON, with its status and source:{' '}
        {profile.members.filter((m) => m.firstYear <= data.lastDataYear).map((m, i) => (
          <span key={m.code}>
            {i > 0 && ', '}
            <a href={`/api/v1/areas/${m.code}.json`}>{m.code}.json</a>
          </span>
        ))}{' '}
        (the <Link href="/data/">data page</Link> has the CSV files and their columns).
      </p>
    </article>
  );
}
