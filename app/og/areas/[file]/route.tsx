import { ImageResponse } from 'next/og';
import { AreaSocialCard } from '@/components/areas/AreaSocialCard';
import { areaCard } from '@/lib/areas/card';
import { profileIndex } from '@/lib/data/areas';
import { areaPageData } from '@/lib/data/area-page';
import { sourceById } from '@/lib/data/load';
import { CARD_SIZE } from '@/lib/share/card';
import { SITE_NAME } from '@/lib/site';

/** /og/areas/{code}.png: an area page's social card, drawn at build time (see app/og/measures/). */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return profileIndex().profiles.map((p) => ({ file: `${p.code}.png` }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const page = areaPageData(file.replace(/\.png$/, ''))!;
  const sources = sourceById();
  return new ImageResponse(<AreaSocialCard card={areaCard(page.data, page.measures, (id) => sources.get(id))} siteName={SITE_NAME} />, CARD_SIZE);
}
