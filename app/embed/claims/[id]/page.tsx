import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClaimChartBlock } from '@/components/claims/ClaimChartBlock';
import { EmbedShell } from '@/components/frame/EmbedShell';
import { claimById, loadClaimSpecs } from '@/lib/claims/load';
import { claimChart } from '@/lib/claims/view';
import { SITE_NAME } from '@/lib/site';
import styles from '../../[measure]/embed.module.css';

export const dynamicParams = false;

/** Claims with a chart (the others have nothing to embed). */
export function generateStaticParams() {
  return loadClaimSpecs()
    .filter((s) => claimChart(s.quote) !== undefined)
    .map((s) => ({ id: s.quote }));
}

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const c = claimById(id);
  return c ? { title: `Claim checked: chart (embedded)`, robots: { index: false }, alternates: { canonical: `/claims/${id}/` } } : {};
}

/** The chart of a claim's page for other sites' iframes: no site header or footer, the chart frame only. */
export default async function ClaimEmbedPage({ params }: Params) {
  const { id } = await params;
  const chart = claimChart(id);
  if (!chart) notFound();
  return (
    <main id="main" className={styles.embed}>
      <h1 className="visually-hidden">
        {chart.title}: chart from {SITE_NAME}
      </h1>
      <EmbedShell>
        <ClaimChartBlock chart={chart} id={`claim-chart-${id}`} embed />
      </EmbedShell>
    </main>
  );
}
