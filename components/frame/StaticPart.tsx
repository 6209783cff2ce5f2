'use client';

import { startTransition, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';

const noSubscribe = () => () => undefined;
/**
 * True while React hydrates this part from the build's HTML, false when it mounts it in the browser
 * (client-side navigation, a new key): React reads the server snapshot only when hydrating. (A page
 * hydrates in several passes, so a flag set after the first one would be wrong for the others.)
 */
const useHydrating = () => useSyncExternalStore(noSubscribe, () => false, () => true);

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * A part of a server-rendered page kept as the build drew it: on the page's first load React does not
 * hydrate it — its children are neither parsed from the page's payload nor walked, which on an area
 * page is half of its elements. Reached by client-side navigation (no HTML to keep) or mounted later,
 * it renders its children as usual.
 *
 * - Without `wakeNear`, nothing inside may need JavaScript (a static chart, a table; a link inside
 *   works as a plain link). A parent that draws something else gives it a new `key`.
 * - With `wakeNear`, the part is interactive (a chart with a cursor): it is drawn in the browser, as
 *   a transition that yields every few ms, when it comes within 400 px of the screen, is pointed at
 *   or touched, or takes the keyboard focus (which is put back on the same control once redrawn).
 *   Always as a transition, so a chart whose code is still loading (components/charts/lazy.tsx)
 *   keeps the build's drawing meanwhile.
 *
 * How: during hydration an element with `dangerouslySetInnerHTML` keeps its server children
 * untouched, and an unchanged empty string is never written to the DOM. Kept and drawn parts have
 * different keys, so drawing mounts a fresh element in place of the build's.
 */
export function StaticPart({ children, className, wakeNear = false }: { readonly children: ReactNode; readonly className?: string; readonly wakeNear?: boolean }) {
  const hydrating = useHydrating();
  const [keep, setKeep] = useState(() => typeof window !== 'undefined' && hydrating);
  const ref = useRef<HTMLDivElement>(null);
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!keep || !wakeNear || !el) return;
    const wake = () => startTransition(() => setKeep(false));
    const onFocus = (e: FocusEvent) => {
      refocus.current = [...el.querySelectorAll(FOCUSABLE)].indexOf(e.target as Element);
      wake();
    };
    const io = typeof IntersectionObserver === 'undefined' ? undefined : new IntersectionObserver((es) => es.some((x) => x.isIntersecting) && wake(), { rootMargin: '400px 0px' });
    io?.observe(el);
    el.addEventListener('pointerenter', wake);
    el.addEventListener('touchstart', wake, { passive: true });
    el.addEventListener('focusin', onFocus);
    return () => {
      io?.disconnect();
      el.removeEventListener('pointerenter', wake);
      el.removeEventListener('touchstart', wake);
      el.removeEventListener('focusin', onFocus);
    };
  }, [keep, wakeNear]);
  useLayoutEffect(() => {
    if (keep || refocus.current === null) return;
    const i = refocus.current;
    refocus.current = null;
    if (i >= 0) (ref.current?.querySelectorAll(FOCUSABLE)[i] as HTMLElement | undefined)?.focus();
  }, [keep]);
  if (keep) return <div key="kept" ref={ref} className={className} data-static-part="" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />;
  return (
    // "drawn": mounted in the browser (the build's HTML says "" as a kept part does).
    <div key="drawn" ref={ref} className={className} data-static-part={wakeNear && typeof window !== 'undefined' ? 'drawn' : ''}>
      {children}
    </div>
  );
}
