/** Site-wide settings. The public URL is configurable at build time for deployments. */
export const SITE_NAME = "Children's Social Care Explorer";
export const SITE_URL = (process.env.NEXT_PUBLIC_SITE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
export const REPO_URL = process.env.NEXT_PUBLIC_REPO_URL ?? '';
