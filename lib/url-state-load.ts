/**
 * The zod parser of the query string (lib/url-state) is not needed to draw the default view, so
 * pages load it just after hydration. Its load can fail (offline, or the site was updated since the
 * page was opened and the old code files are gone); a failed load is forgotten, so the next call
 * tries again.
 */
export type Parser = typeof import('./url-state').parseViewState;

let pending: Promise<Parser> | undefined;

export function loadParser(): Promise<Parser> {
  pending ??= import('./url-state').then(
    (m) => m.parseViewState,
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}
