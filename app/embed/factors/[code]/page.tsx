import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AssessmentFactors } from '@/components/explorer/AssessmentFactors';
import { EmbedShell } from '@/components/frame/EmbedShell';
import { factorAreas, factorsPanel } from '@/lib/data/factors';
import { SITE_NAME } from '@/lib/site';
import styles from '../../[measure]/embed.module.css';

export const dynamicParams = false;

// England's for now; the council profiles (/areas/{code}/) add every council's.
export function generateStaticParams() {
  return factorAreas().filter((code) => code === 'E92000001').map((code) => ({ code }));
}

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { code } = await params;
  const p = factorsPanel(code, code === 'E92000001' ? '/measures/children-in-need/#assessment-factors' : `/areas/${code}/#assessment-factors`);
  return p ? { title: `${p.share.title} (embedded chart)`, robots: { index: false } } : {};
}

/** "What assessments find" for other sites' iframes: the chart frame only. */
export default async function FactorsEmbed({ params }: Params) {
  const { code } = await params;
  const p = factorsPanel(code, code === 'E92000001' ? '/measures/children-in-need/#assessment-factors' : `/areas/${code}/#assessment-factors`);
  if (!p) notFound();
  return (
    <main id="main" className={styles.embed}>
      <h1 className="visually-hidden">What assessments find, {p.areaName}: chart from {SITE_NAME}</h1>
      <EmbedShell>
        <AssessmentFactors id={`factors-${code}`} {...p} />
      </EmbedShell>
    </main>
  );
}
