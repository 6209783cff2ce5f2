import { areaFileFor, postcodeAreas } from '@/lib/data/postcodes';

/**
 * /postcodes/{AREA}.json: one postcode area's lookup (postcode runs and districts → today's
 * councils or nations), exported as static files; the /areas/ search box fetches one only when
 * someone types a postcode.
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return postcodeAreas().map((a) => ({ file: `${a}.json` }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const f = areaFileFor(file.replace(/\.json$/, ''));
  if (!f) return new Response('not found', { status: 404 });
  return Response.json(f);
}
