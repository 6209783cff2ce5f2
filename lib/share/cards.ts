import type { Metadata } from 'next';
import { breaksFor, loadMeasure, loadMeasures, observationsFor, sourceById } from '../data/load';
import { ENGLAND } from '../query';
import { cardSources, HOME_CARD_PATH, homeAlt, measureCard, measureCardPath, type MeasureCard } from './card';
import { oembedDiscovery, socialMetadata } from './social';

/**
 * Build-time wiring of the social cards to the data (pages' metadata and the image and oEmbed
 * routes read the same card, so the image, its alt text and the description always agree).
 */

export function cardOf(measureId: string): MeasureCard {
  const m = loadMeasure(measureId);
  const card = measureCard(m, observationsFor(measureId), sourceById(), breaksFor(measureId));
  if (!card) throw new Error(`social card: no England figure for ${measureId}`);
  return card;
}

export const HOME_TITLE = 'Children’s social care in England';
export const HOME_MORE = 'Trends, maps and rankings for every council and region';

export interface HomeCard {
  readonly title: string;
  readonly more: string;
  readonly cards: readonly MeasureCard[];
  readonly source: string;
  readonly alt: string;
}

/** The home card: the core measures' cards (as on the home page) and their sources. */
export function homeCard(): HomeCard {
  const sources = sourceById();
  const core = loadMeasures().filter((m) => m.core);
  const cards = core.map((m) => cardOf(m.id));
  const used = cards.flatMap((c) => {
    const o = observationsFor(c.id).find((x) => x.areaCode === ENGLAND && x.year === c.year);
    const s = o && sources.get(o.sourceId);
    return s ? [s] : [];
  });
  const source = cardSources(used);
  return { title: HOME_TITLE, more: HOME_MORE, cards, source, alt: homeAlt(cards, source) };
}

/** Open Graph, Twitter card and oEmbed discovery of a measure page. */
export function measureShareMetadata(measureId: string): Pick<Metadata, 'openGraph' | 'twitter' | 'alternates'> {
  const card = cardOf(measureId);
  const description = `${card.headline}${card.changeText ? `; ${card.changeText}` : ''}. England, regions and every council, with definitions and sources.`;
  return {
    ...socialMetadata({ title: card.label, description, path: `/measures/${card.id}/`, image: { path: measureCardPath(card.id), alt: card.alt } }),
    alternates: oembedDiscovery(card.id, card.label),
  };
}

/** Open Graph and Twitter card of the home page. */
export function homeShareMetadata(description: string): Pick<Metadata, 'openGraph' | 'twitter'> {
  const home = homeCard();
  return socialMetadata({ title: home.title, description, path: '/', image: { path: HOME_CARD_PATH, alt: home.alt } });
}
