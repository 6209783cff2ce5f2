import { areaOembed } from '@/lib/areas/oembed';
import { profileIndex } from '@/lib/data/areas';

/** /oembed/areas/{code}.json: the oEmbed response of an area page (its /embed/areas/{code}/ charts). */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return profileIndex().profiles.map((p) => ({ file: `${p.code}.json` }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const p = profileIndex().byCode.get(file.replace(/\.json$/, ''))!;
  return Response.json(areaOembed(p.code, `${p.area.name}: children's social care figures`).response);
}
