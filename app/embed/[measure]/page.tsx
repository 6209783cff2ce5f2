import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedView } from '@/components/explorer/EmbedView';
import { loadMeasures } from '@/lib/data/load';
import { buildMeasureData } from '@/lib/explorer/build';
import { SITE_NAME } from '@/lib/site';
import styles from './embed.module.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return loadMeasures().map((m) => ({ measure: m.id }));
}

type Params = { params: Promise<{ measure: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { measure } = await params;
  const m = loadMeasures().find((x) => x.id === measure);
  // Embeds are shown inside other sites; the measure page is the one to index.
  return m ? { title: `${m.label} (embedded chart)`, robots: { index: false }, alternates: { canonical: `/measures/${m.id}/` } } : {};
}

/** A measure's chart for other sites' iframes: no site header or footer, the chart frame only. */
export default async function EmbedPage({ params }: Params) {
  const { measure } = await params;
  const m = loadMeasures().find((x) => x.id === measure);
  if (!m) notFound();
  return (
    <main id="main" className={styles.embed}>
      <h1 className="visually-hidden">{m.label}: chart from {SITE_NAME}</h1>
      <EmbedView data={buildMeasureData(m.id)} />
    </main>
  );
}
