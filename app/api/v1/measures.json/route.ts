import { measuresIndex } from '@/lib/api/v1';

/** /api/v1/measures.json: the measure catalogue as typed JSON (documented on /data/#api). */
export const dynamic = 'force-static';

export function GET() {
  return Response.json(measuresIndex());
}
