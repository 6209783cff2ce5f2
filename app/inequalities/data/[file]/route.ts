import { loadMeasures } from '@/lib/data/load';
import { ineqMeasureData } from '@/lib/inequalities/build';

/**
 * /inequalities/data/{measure}.json: a core measure's rates (and, for the adjusted comparison's
 * measures, counts and populations) for England and the councils, exported as static files. The
 * page ships its default measure and fetches these when a reader picks another.
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return loadMeasures()
    .filter((m) => m.core)
    .map((m) => ({ file: `${m.id}.json` }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return Response.json(ineqMeasureData(file.replace(/\.json$/, '')));
}
