'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation to another page, move focus to the new page's main heading (or to
 * the element a #fragment names), so keyboard and screen-reader users start reading the page they
 * asked for instead of staying on a link of the old one. Next's router leaves focus where it was.
 * Query-string changes within a page (the explorer's views) do not change the path and keep focus.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const hash = decodeURIComponent(window.location.hash.slice(1));
    const target = (hash && document.getElementById(hash)) || document.querySelector<HTMLElement>('#main h1');
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [pathname]);
  return null;
}
