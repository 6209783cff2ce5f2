import type { Metadata } from 'next';
import Link from 'next/link';
import { MeasureFinder } from '@/components/controls/MeasureFinder';
import { PageShell } from '@/components/frame/PageShell';
import { loadMeasures } from '@/lib/data/load';

export const metadata: Metadata = {
  title: 'Page not found',
  robots: { index: false },
};

/** The 404 page (exported as 404.html): the site's header, a way to the measures, and the other sections. */
export default function NotFound() {
  const measures = loadMeasures().map(({ id, label, shortLabel, group }) => ({ id, label, shortLabel, group }));
  return (
    <PageShell>
      <h1>Page not found</h1>
      <p className="lede">There is no page at this address. The link may be mistyped or out of date; the measures and pages below are all there is.</p>
      <h2>Find a measure</h2>
      <MeasureFinder measures={measures} />
      <h2>Other pages</h2>
      <ul>
        <li>
          <Link href="/">Home</Link>: the latest England figure of each core measure
        </li>
        <li>
          <Link href="/measures/">All measures</Link>, with definitions and trends
        </li>
        <li>
          <Link href="/data/">Data downloads and API</Link>: every file, its columns and licence
        </li>
        <li>
          <Link href="/methodology/">Methodology</Link>: definitions, sources and caveats
        </li>
      </ul>
    </PageShell>
  );
}
