import { ImageResponse } from 'next/og';
import { HomeSocialCard } from '@/components/share/SocialCard';
import { CARD_SIZE } from '@/lib/share/card';
import { homeCard } from '@/lib/share/cards';
import { SITE_NAME } from '@/lib/site';

/** /og/home.png: the home page's social card (latest England figure of each core measure). */
export const dynamic = 'force-static';

export function GET() {
  const home = homeCard();
  return new ImageResponse(<HomeSocialCard cards={home.cards} siteName={SITE_NAME} source={home.source} title={home.title} more={home.more} />, CARD_SIZE);
}
