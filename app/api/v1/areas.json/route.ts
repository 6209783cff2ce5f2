import { areasIndex } from '@/lib/api/v1';

/** /api/v1/areas.json: every area (England, regions, councils) as typed JSON (documented on /data/#api). */
export const dynamic = 'force-static';

export function GET() {
  return Response.json(areasIndex());
}
