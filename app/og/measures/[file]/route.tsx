import { ImageResponse } from 'next/og';
import { MeasureSocialCard } from '@/components/share/SocialCard';
import { loadMeasures } from '@/lib/data/load';
import { CARD_SIZE } from '@/lib/share/card';
import { cardOf } from '@/lib/share/cards';
import { SITE_NAME } from '@/lib/site';

/**
 * /og/measures/{id}.png: a measure's social card, drawn at build time by next/og and exported as
 * a static PNG (a route handler rather than the opengraph-image convention, whose exported files
 * have no extension, so static hosts serve them without an image type, and whose alt is fixed).
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return loadMeasures().map((m) => ({ file: `${m.id}.png` }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const card = cardOf(file.replace(/\.png$/, ''));
  return new ImageResponse(<MeasureSocialCard card={card} siteName={SITE_NAME} />, CARD_SIZE);
}
