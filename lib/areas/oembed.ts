import type { Metadata } from 'next';
import { CARD_SIZE } from '../share/card';
import { absolute, EMBED_HEIGHT, iframeHtml, PROVIDER } from '../share/embed';
import { OEMBED_TYPE, OEMBED_WIDTH, type OEmbed } from '../share/social';
import { areaCardPath, areaEmbedPath, areaOembedPath } from './card';

/** oEmbed of an area page: its discovery link and its response (type "rich": the /embed/areas/{code}/ iframe). */
export function areaOembed(code: string, title: string): { discovery: NonNullable<Metadata['alternates']>; response: OEmbed } {
  return {
    discovery: { types: { [OEMBED_TYPE]: [{ url: absolute(areaOembedPath(code)), title }] } },
    response: {
      version: '1.0',
      type: 'rich',
      title,
      provider_name: PROVIDER.name,
      provider_url: PROVIDER.url,
      html: iframeHtml(areaEmbedPath(code), title),
      width: OEMBED_WIDTH,
      height: EMBED_HEIGHT,
      thumbnail_url: absolute(areaCardPath(code)),
      thumbnail_width: CARD_SIZE.width,
      thumbnail_height: CARD_SIZE.height,
    },
  };
}
