import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssessmentFactors } from '@/components/explorer/AssessmentFactors';
import { MeasureExplorer } from '@/components/explorer/MeasureExplorer';
import { factorsPanel } from '@/lib/data/factors';
import { PageShell } from '@/components/frame/PageShell';
import { loadMeasures } from '@/lib/data/load';
import { buildMeasureData } from '@/lib/explorer/build';
import { formatYear } from '@/lib/format';
import { measureShareMetadata } from '@/lib/share/cards';

export const dynamicParams = false;

const FACTOR_PAGES = ['referrals', 'children-in-need'];

export function generateStaticParams() {
  return loadMeasures().map((m) => ({ measure: m.id }));
}

type Params = { params: Promise<{ measure: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { measure } = await params;
  const m = loadMeasures().find((x) => x.id === measure);
  if (!m) return {};
  return {
    title: m.label,
    description: `${m.definition} England, regions and every council, ${formatYear(m.period, m.firstYear)} to ${formatYear(m.period, m.lastYear)}.`,
    ...measureShareMetadata(m.id),
  };
}

export default async function MeasurePage({ params }: Params) {
  const { measure } = await params;
  const m = loadMeasures().find((x) => x.id === measure);
  if (!m) notFound();
  const data = buildMeasureData(m.id);
  // The children in need pages also show what assessments find (DfE table C3), for England.
  const factors = FACTOR_PAGES.includes(m.id) ? factorsPanel('E92000001', `/measures/${m.id}/#assessment-factors`) : undefined;
  return (
    <PageShell current="/measures/">
      <p className="small">
        <Link href="/measures/">All measures</Link> · {m.group}
      </p>
      <h1>{m.label}</h1>
      <MeasureExplorer data={data} downloadFile={m.file} />
      {factors && (
        <section aria-labelledby="assessment-factors" className="section">
          <h2 id="assessment-factors">What assessments find</h2>
          <p>Behind the referrals and the children in need: what social workers record at the end of an assessment, in England in the latest year.</p>
          <AssessmentFactors id="factors-england" {...factors} />
        </section>
      )}
    </PageShell>
  );
}
