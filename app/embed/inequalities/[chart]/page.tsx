import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IneqEmbed } from '@/components/inequalities/IneqEmbed';
import { ServerChart } from '@/components/inequalities/ServerCharts';
import { buildInequalitiesData } from '@/lib/inequalities/build';
import { CHARTS, type IneqChart } from '@/lib/inequalities/state';
import { SITE_NAME } from '@/lib/site';
import styles from '../../[measure]/embed.module.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return CHARTS.map((chart) => ({ chart }));
}

const NAMES: Record<IneqChart, string> = {
  gradient: 'Child protection and care by neighbourhood deprivation (CWIP)',
  scatter: 'Councils’ rates against deprivation',
  adjusted: 'Councils against the number expected from deprivation',
  gap: 'The gap between the most and least deprived fifths of councils',
  profile: 'Where a council’s children live, by neighbourhood deprivation',
};

type Params = { params: Promise<{ chart: string }> };
const isChart = (c: string): c is IneqChart => (CHARTS as readonly string[]).includes(c);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { chart } = await params;
  return isChart(chart) ? { title: `${NAMES[chart]} (embedded chart)`, robots: { index: false }, alternates: { canonical: `/inequalities/#${chart}` } } : {};
}

/** An /inequalities/ chart for other sites' iframes: the chart frame only. */
export default async function IneqEmbedPage({ params }: Params) {
  const { chart } = await params;
  if (!isChart(chart)) notFound();
  return (
    <main id="main" className={styles.embed}>
      <h1 className="visually-hidden">
        {NAMES[chart]}: chart from {SITE_NAME}
      </h1>
      <IneqEmbed data={buildInequalitiesData()}>
        <ServerChart chart={chart} embed />
      </IneqEmbed>
    </main>
  );
}
