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

export function iframeHtml(embedPath: string, title: string, base = SITE_URL): string {
  return `<iframe src="${attr(absolute(embedPath, base))}" title="${attr(title)}" width="100%" height="${EMBED_HEIGHT}" style="border:0;width:100%;max-width:100%" loading="lazy" data-csc-embed></iframe>`;
}

/** The snippet a campaigner pastes: the iframe, then the resize script (once per page is enough). */
export function embedSnippet(embedPath: string, title: string, base = SITE_URL): string {
  return `${iframeHtml(embedPath, title, base)}\n<script src="${attr(absolute(EMBED_SCRIPT_PATH, base))}" async></script>`;
}

export const PROVIDER = { name: SITE_NAME, url: SITE_URL } as const;
