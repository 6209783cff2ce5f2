import { areaCodes, areaFile } from '@/lib/api/v1';

/** /api/v1/areas/{code}.json: one area's metadata and its rows of every table cut by area. */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return areaCodes().map((code) => ({ file: `${code}.json` }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return Response.json(areaFile(file.replace(/\.json$/, '')));
}
