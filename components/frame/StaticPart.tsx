'use client';

import { useEffect, useState, type ReactNode } from 'react';

/** Whether the page's first hydration has committed: parts mounted after it are client renders. */
let pageHydrated = false;

/**
 * A part of a server-rendered page that has no behaviour of its own (a static chart, a table): on
 * the page's first load the browser keeps the HTML the build drew and React does not hydrate it — its
 * children are neither parsed from the page's payload nor walked, which on an area page is half of
 * its elements. Reached by client-side navigation (no HTML to keep) or mounted later, it renders its
 * children as usual. Nothing inside may need JavaScript: a link inside works as a plain link.
 *
 * How: during hydration an element with `dangerouslySetInnerHTML` keeps its server children
 * untouched; an empty string is never written to the DOM while the prop stays the same.
 */
export function StaticPart({ children, className }: { readonly children: ReactNode; readonly className?: string }) {
  const [keepServerHtml] = useState(() => typeof window !== 'undefined' && !pageHydrated);
  useEffect(() => {
    pageHydrated = true;
  }, []);
  if (keepServerHtml) return <div className={className} data-static-part="" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />;
  return (
    <div className={className} data-static-part="">
      {children}
    </div>
  );
}
