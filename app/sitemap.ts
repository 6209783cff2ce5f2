import type { MetadataRoute } from 'next';
import { loadClaimSpecs } from '@/lib/claims/load';
import { loadMeasures } from '@/lib/data/load';
import { sitePages } from '@/lib/pages';
import { profileIndex } from '@/lib/data/areas';
import { SITE_URL } from '@/lib/site';

/** /sitemap.xml: every page, with absolute URLs from the configured site URL (no dates: they would come from the build clock). */
export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return sitePages(
    loadMeasures().map((m) => m.id),
    loadClaimSpecs().map((s) => s.quote),
    profileIndex().profiles.map((p) => p.code),
  ).map((p) => ({ url: `${SITE_URL}${p}` }));
}
