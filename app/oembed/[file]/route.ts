import { loadMeasures } from '@/lib/data/load';
import { measureCardPath } from '@/lib/share/card';
import { cardOf } from '@/lib/share/cards';
import { oembedFor } from '@/lib/share/social';

/**
 * /oembed/{id}.json: the oEmbed response (type "rich") of a measure's embeddable chart, exported
 * as a static file; measure pages link to it with <link rel="alternate" type="application/json+oembed">.
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return loadMeasures().map((m) => ({ file: `${m.id}.json` }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const card = cardOf(file.replace(/\.json$/, ''));
  return Response.json(oembedFor(card.id, card.label, measureCardPath(card.id)));
}
