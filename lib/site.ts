/** Site-wide settings. The public URL is configurable at build time for deployments. */
export const SITE_NAME = "Children's Social Care Explorer";
export const SITE_URL = (process.env.NEXT_PUBLIC_SITE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
/** Whether a public URL was configured; if not, pages use the origin they are served from for links they copy. */
export const SITE_URL_CONFIGURED = Boolean(process.env.NEXT_PUBLIC_SITE_URL);
export const REPO_URL = process.env.NEXT_PUBLIC_REPO_URL ?? '';

/**
 * The build's one-line warning when no public URL is configured: the export still works (CI builds
 * it so), but its canonical links, social card images and oEmbed responses name localhost.
 */
export function siteUrlWarning(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.NEXT_PUBLIC_SITE_URL) return undefined;
  return 'Warning: NEXT_PUBLIC_SITE_URL is not set, so the canonical links, social card images and oEmbed links in out/ point at http://localhost:3000; set it to the public address before deploying (README, "Deploying").';
}
