import type { MetadataRoute } from 'next';
import { loadMeasures } from '@/lib/data/load';
import { sitePages } from '@/lib/pages';
import { SITE_URL } from '@/lib/site';

/** /sitemap.xml: every page, with absolute URLs from the configured site URL (no dates: they would come from the build clock). */
export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return sitePages(loadMeasures().map((m) => m.id)).map((p) => ({ url: `${SITE_URL}${p}` }));
}
