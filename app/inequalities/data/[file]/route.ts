import { loadMeasures } from '@/lib/data/load';
import { ineqMeasureFile } from '@/lib/inequalities/build';
import { serverCsvFiles } from '@/lib/inequalities/csv-files';
import { csvText } from '@/lib/share/export';

/**
 * /inequalities/data/{measure}.json: a core measure's rates for England and the councils (and, for
 * the adjusted comparison's measures, counts, populations and each council's deprivation index),
 * with the gap series, exported as static files. The page draws its default views on the server
 * and its interactive charts fetch these when they first need them.
 *
 * /inequalities/data/{name}.csv: the CSV of an all-councils chart drawn on the server (its default
 * scatter and adjusted comparison, each council page's scatter), fetched by its share kit.
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return [
    ...loadMeasures()
      .filter((m) => m.core)
      .map((m) => ({ file: `${m.id}.json` })),
    ...[...serverCsvFiles().keys()].map((name) => ({ file: `${name}.csv` })),
  ];
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file.endsWith('.csv')) return new Response(csvText(serverCsvFiles().get(file.slice(0, -4))!), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
  return Response.json(ineqMeasureFile(file.replace(/\.json$/, '')));
}
