import { dataPackageText } from '@/lib/api/datapackage';

/** /data/datapackage.json: the Frictionless Tabular Data Package of every downloadable CSV beside it. */
export const dynamic = 'force-static';

export function GET() {
  return new Response(dataPackageText(), { headers: { 'content-type': 'application/json' } });
}
