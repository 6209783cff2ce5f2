import { loadMeasures } from '@/lib/data/load';
import { ineqMeasureFile } from '@/lib/inequalities/build';

/**
 * /inequalities/data/{measure}.json: a core measure's rates for England and the councils (and, for
 * the adjusted comparison's measures, counts, populations and each council's deprivation index),
 * with the gap series, exported as static files. The page draws its default views on the server
 * and its interactive charts fetch these when they first need them.
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
  return Response.json(ineqMeasureFile(file.replace(/\.json$/, '')));
}
