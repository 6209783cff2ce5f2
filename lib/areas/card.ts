import { cardSources } from '../share/card';
import type { Source } from '../schema/tables';
import type { AreaProfile } from './profile';
import { cellText, FUNNEL_WORDS, yearText, type MeasureInfo } from './words';

/**
 * The social card of an area page (og:image) and its alt text, and the page's description: the
 * area's latest rates of four core measures against England's. Pure; the image is drawn by
 * components/areas/AreaSocialCard.tsx.
 */

export const areaCardPath = (code: string) => `/og/areas/${code}.png`;
export const areaOembedPath = (code: string) => `/oembed/areas/${code}.json`;
export const areaEmbedPath = (code: string) => `/embed/areas/${code}/`;

/** The measures on the card, in this order. */
export const CARD_MEASURES = ['looked-after', 'child-protection-plans', 's47-enquiries', 'children-in-need'] as const;

export interface AreaCardTile {
  readonly measure: string;
  readonly label: string;
  readonly yearLabel: string;
  /** "184" or "suppressed". */
  readonly figure: string;
  readonly england: string | undefined;
  readonly verdict: string | undefined;
}

export interface AreaCard {
  readonly code: string;
  readonly name: string;
  readonly kicker: string;
  readonly tiles: readonly AreaCardTile[];
  readonly source: string;
  readonly alt: string;
  /** The page's meta description. */
  readonly description: string;
}

export function areaCard(data: AreaProfile, measures: Readonly<Record<string, MeasureInfo>>, sourceOf: (id: string) => Source | undefined): AreaCard {
  const a = data.profile.area;
  const tiles: AreaCardTile[] = CARD_MEASURES.map((id) => {
    const h = data.headline.find((x) => x.measure === id)!;
    const m = measures[id]!;
    return {
      measure: id,
      label: m.shortLabel,
      yearLabel: yearText(m, h.year),
      figure: cellText(h.rate),
      england: h.england ? cellText(h.england.rate) : undefined,
      verdict: h.funnel ? FUNNEL_WORDS[h.funnel.verdict].short : undefined,
    };
  });
  const used = CARD_MEASURES.map((id) => data.headline.find((x) => x.measure === id)!.sourceId).flatMap((s) => (s && sourceOf(s) ? [sourceOf(s)!] : []));
  const source = cardSources(used);
  const kind = a.level === 'country' ? 'England' : a.level === 'region' ? 'Region' : a.lastYear !== undefined ? 'Former council' : `Council${data.regionName ? `, ${data.regionName}` : ''}`;
  const items = tiles.map((t) => `${t.label} ${t.figure}${t.england !== undefined ? ` (England ${t.england})` : ''}, ${t.yearLabel}`);
  const alt = `${a.name}, children's social care, rates per 10,000 children: ${items.join('; ')}.${source ? ` Source: ${source}.` : ''}`;
  const description = `${a.name}: ${items.join('; ')} (per 10,000 children). Every figure against England${a.level === 'la' ? ', the region and similar councils' : ''}, with the child protection pathway, trends since 2010 and sources.`;
  return { code: data.profile.code, name: a.name, kicker: kind, tiles, source, alt, description };
}
