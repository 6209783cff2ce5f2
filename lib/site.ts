/** Site-wide settings. The public URL is configurable at build time for deployments. */
export const SITE_NAME = "Children's Social Care Explorer";
export const SITE_URL = (process.env.NEXT_PUBLIC_SITE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
/** Whether a public URL was configured; if not, pages use the origin they are served from for links they copy. */
export const SITE_URL_CONFIGURED = Boolean(process.env.NEXT_PUBLIC_SITE_URL);
export const REPO_URL = process.env.NEXT_PUBLIC_REPO_URL ?? '';
