/**
 * Every page of the site a reader can land on (the sitemap lists them). Embeds are left out: they
 * are iframes inside other sites, not pages. A new route adds itself here; the e2e test compares
 * this list with the HTML pages in the export, so one forgotten here fails the suite.
 */
export function sitePages(measureIds: readonly string[], claimIds: readonly string[] = [], areaCodes: readonly string[] = []): string[] {
  return ['/', '/measures/', ...measureIds.map((id) => `/measures/${id}/`), '/areas/', ...areaCodes.map((c) => `/areas/${c}/`), '/claims/', ...claimIds.map((id) => `/claims/${id}/`), '/inequalities/', '/data/', '/methodology/', '/about/'];
}

/**
 * Exported HTML that is not a page of its own: iframes for other sites, and the 404 page. (The
 * pages of a council's older codes, which lead to its current page, are not listed either: they
 * are marked noindex.)
 */
export const NOT_PAGES = [/^\/embed\//, /^\/404\/?$/, /^\/_not-found\/?$/] as const;
