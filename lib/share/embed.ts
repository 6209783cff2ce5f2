import { SITE_NAME, SITE_URL } from '../site';

/**
 * Embed code for a chart: a responsive iframe plus the small resize script served from
 * /embed.js. Without the script the iframe still shows the whole chart at EMBED_HEIGHT.
 */
export const EMBED_HEIGHT = 720;
export const EMBED_SCRIPT_PATH = '/embed.js';

export function absolute(path: string, base = SITE_URL): string {
  return `${base}${path.startsWith('/') ? '' : '/'}${path}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What the embedded chart may do inside the host's page. It runs its own scripts (the chart is
 * interactive and reports its height to /embed.js) and keeps its own origin (allow-same-origin: it
 * loads its code and map files from this site, which an opaque origin could not; it is never the
 * host's origin, so it gains nothing on the host's page). Its links open in a new tab outside the
 * sandbox (allow-popups, allow-popups-to-escape-sandbox: the site then works fully there). It may
 * not navigate the host's page (no allow-top-navigation), submit forms, or open dialogs.
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
/** The embed's request does not carry the address of the host's page: this site has no use for it, and which pages a reader visits stays theirs. */
export const EMBED_REFERRER_POLICY = 'no-referrer';

export function iframeHtml(embedPath: string, title: string, base = SITE_URL): string {
  return `<iframe src="${attr(absolute(embedPath, base))}" title="${attr(title)}" width="100%" height="${EMBED_HEIGHT}" style="border:0;width:100%;max-width:100%" loading="lazy" sandbox="${EMBED_SANDBOX}" referrerpolicy="${EMBED_REFERRER_POLICY}" data-csc-embed></iframe>`;
}

/** The snippet a campaigner pastes: the iframe, then the resize script (once per page is enough). */
export function embedSnippet(embedPath: string, title: string, base = SITE_URL): string {
  return `${iframeHtml(embedPath, title, base)}\n<script src="${attr(absolute(EMBED_SCRIPT_PATH, base))}" async></script>`;
}

export const PROVIDER = { name: SITE_NAME, url: SITE_URL } as const;
