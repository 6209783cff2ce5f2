import type { Metadata } from 'next';
import { SITE_NAME } from '../site';
import { CARD_SIZE } from './card';
import { absolute, EMBED_HEIGHT, iframeHtml, PROVIDER } from './embed';

/**
 * Share metadata of a page (Open Graph, Twitter card, oEmbed discovery) and the oEmbed response
 * of a measure. Every URL is absolute, built from SITE_URL: crawlers do not resolve relative ones.
 */

export interface SocialInput {
  readonly title: string;
  readonly description: string;
  /** The page's path, e.g. "/measures/s47-enquiries/". */
  readonly path: string;
  /** The card image's path and its alt text (which states the figure). */
  readonly image: { readonly path: string; readonly alt: string };
}

export function socialMetadata({ title, description, path, image }: SocialInput): Pick<Metadata, 'openGraph' | 'twitter'> {
  const img = { url: absolute(image.path), width: CARD_SIZE.width, height: CARD_SIZE.height, alt: image.alt, type: 'image/png' };
  return {
    openGraph: { type: 'website', siteName: SITE_NAME, locale: 'en_GB', title, description, url: absolute(path), images: [img] },
    twitter: { card: 'summary_large_image', title, description, images: [{ url: img.url, alt: img.alt }] },
  };
}

export const OEMBED_TYPE = 'application/json+oembed';
export const oembedPath = (measureId: string) => `/oembed/${measureId}.json`;
export const embedPath = (measureId: string) => `/embed/${measureId}/`;
export const OEMBED_WIDTH = 720;

/** <link rel="alternate" type="application/json+oembed"> of a measure page, via Next's alternates.types. */
export function oembedDiscovery(measureId: string, title: string): NonNullable<Metadata['alternates']> {
  return { types: { [OEMBED_TYPE]: [{ url: absolute(oembedPath(measureId)), title }] } };
}

export interface OEmbed {
  readonly version: '1.0';
  readonly type: 'rich';
  readonly title: string;
  readonly provider_name: string;
  readonly provider_url: string;
  readonly html: string;
  readonly width: number;
  readonly height: number;
  readonly thumbnail_url: string;
  readonly thumbnail_width: number;
  readonly thumbnail_height: number;
}

export function oembedFor(measureId: string, title: string, thumbnailPath: string): OEmbed {
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: PROVIDER.name,
    provider_url: PROVIDER.url,
    html: iframeHtml(embedPath(measureId), title),
    width: OEMBED_WIDTH,
    height: EMBED_HEIGHT,
    thumbnail_url: absolute(thumbnailPath),
    thumbnail_width: CARD_SIZE.width,
    thumbnail_height: CARD_SIZE.height,
  };
}
