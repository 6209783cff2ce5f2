import { measureFile, measureIds } from '@/lib/api/v1';

/** /api/v1/measures/{id}.json: every area × year of one measure, with status codes, rate origin and sources. */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return measureIds().map((id) => ({ file: `${id}.json` }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return Response.json(measureFile(file.replace(/\.json$/, '')));
}
