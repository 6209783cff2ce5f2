import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AreaEmbed } from '@/components/areas/AreaEmbed';
import { DeprivationSection } from '@/components/areas/DeprivationSection';
import { NeighboursSection } from '@/components/areas/NeighboursSection';
import { PathwaySection } from '@/components/areas/PathwaySection';
import { profilePath } from '@/lib/areas/identity';
import { pickMeasures } from '@/lib/areas/words';
import { profileIndex } from '@/lib/data/areas';
import { areaPageData } from '@/lib/data/area-page';
import { SITE_NAME } from '@/lib/site';
import styles from '../../[measure]/embed.module.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return profileIndex().profiles.map((p) => ({ code: p.code }));
}

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { code } = await params;
  const p = profileIndex().byCode.get(code);
  return p ? { title: `${p.area.name} (embedded charts)`, robots: { index: false }, alternates: { canonical: profilePath(code) } } : {};
}

/** An area's charts for other sites' iframes: the pathway, similar councils, deprivation and factors. */
export default async function AreaEmbedPage({ params }: Params) {
  const { code } = await params;
  const page = areaPageData(code);
  if (!page) notFound();
  const { data, measures, sources, breaks } = page;
  const area = { code, name: data.profile.area.name };
  return (
    <main id="main" className={styles.embed}>
      <h1 className="visually-hidden">
        {area.name}: charts from {SITE_NAME}
      </h1>
      <AreaEmbed
        charts={{
          pathway: data.pathway.years.length > 0 && (
            <PathwaySection
              embedded
              area={area}
              series={data.pathway}
              measures={pickMeasures(measures, data.pathway.steps)}
              sources={pickMeasures(sources, data.pathway.years.flatMap((y) => y.sourceIds.filter((s): s is string => s !== null)))}
              breaks={pickMeasures(breaks, data.pathway.steps)}
            />
          ),
          neighbours: data.neighbours && <NeighboursSection embedded area={area} set={data.neighbours} comparisons={data.comparisons} measures={measures} sources={sources} />,
          deprivation: data.deprivation.deciles && <DeprivationSection embedded area={area} level={data.profile.area.level} summary={data.deprivation} sources={sources} />,
        }}
      />
    </main>
  );
}
