import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MeasureExplorer } from '@/components/explorer/MeasureExplorer';
import { PageShell } from '@/components/frame/PageShell';
import { loadMeasures } from '@/lib/data/load';
import { buildMeasureData } from '@/lib/explorer/build';
import { formatYear } from '@/lib/format';
import { measureShareMetadata } from '@/lib/share/cards';

export const dynamicParams = false;

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
  return (
    <PageShell current="/measures/">
      <p className="small">
        <Link href="/measures/">All measures</Link> · {m.group}
      </p>
      <h1>{m.label}</h1>
      <MeasureExplorer data={data} downloadFile={m.file} />
    </PageShell>
  );
}
