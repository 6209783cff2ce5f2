import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AreaPage } from '@/components/areas/AreaPage';
import { RedirectPage } from '@/components/areas/RedirectPage';
import { PageShell } from '@/components/frame/PageShell';
import { areaCard, areaCardPath } from '@/lib/areas/card';
import { areaOembed } from '@/lib/areas/oembed';
import { profilePath } from '@/lib/areas/identity';
import { profileIndex } from '@/lib/data/areas';
import { areaPageCodes, areaPageData } from '@/lib/data/area-page';
import { sourceById } from '@/lib/data/load';
import { socialMetadata } from '@/lib/share/social';

export const dynamicParams = false;

export function generateStaticParams() {
  return areaPageCodes().map((code) => ({ code }));
}

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { code } = await params;
  const redirect = profileIndex().redirects.get(code);
  if (redirect) {
    const to = profileIndex().byCode.get(redirect.to)!;
    return { title: `${to.area.name} (${code})`, robots: { index: false }, alternates: { canonical: profilePath(to.code) } };
  }
  const page = areaPageData(code);
  if (!page) return {};
  const sources = sourceById();
  const card = areaCard(page.data, page.measures, (id) => sources.get(id));
  const title = `${page.data.profile.area.name}: children's social care figures`;
  return {
    title,
    description: card.description,
    alternates: { canonical: profilePath(code), ...areaOembed(code, title).discovery },
    ...socialMetadata({ title, description: card.description, path: profilePath(code), image: { path: areaCardPath(code), alt: card.alt } }),
  };
}

export default async function AreaRoute({ params }: Params) {
  const { code } = await params;
  const redirect = profileIndex().redirects.get(code);
  if (redirect) {
    const to = profileIndex().byCode.get(redirect.to)!;
    return (
      <PageShell current="/areas/">
        <RedirectPage from={code} to={{ code: to.code, name: to.area.name }} reason={redirect.reason} />
      </PageShell>
    );
  }
  const page = areaPageData(code);
  if (!page) notFound();
  return (
    <PageShell current="/areas/">
      <AreaPage page={page} />
    </PageShell>
  );
}
