import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AssessmentFactors } from '@/components/explorer/AssessmentFactors';
import { EmbedShell } from '@/components/frame/EmbedShell';
import { factorAreas, factorsPanel } from '@/lib/data/factors';
import { SITE_NAME } from '@/lib/site';
import { profilePath } from '@/lib/areas/identity';
import { profileIndex } from '@/lib/data/areas';
import styles from '../../[measure]/embed.module.css';

export const dynamicParams = false;

// England's and every area's (the area pages, /areas/{code}/, show the same chart).
export function generateStaticParams() {
  return factorAreas().map((code) => ({ code }));
}

/** Where the chart sits on the site: England's on the children in need page; an area's on its profile (under its current code). */
const pagePath = (code: string) => (code === 'E92000001' ? '/measures/children-in-need/#assessment-factors' : `${profilePath(profileIndex().profileOf(code)?.code ?? code)}#assessment-factors`);

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { code } = await params;
  const p = factorsPanel(code, pagePath(code));
  return p ? { title: `${p.share.title} (embedded chart)`, robots: { index: false } } : {};
}

/** "What assessments find" for other sites' iframes: the chart frame only. */
export default async function FactorsEmbed({ params }: Params) {
  const { code } = await params;
  const p = factorsPanel(code, pagePath(code));
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
