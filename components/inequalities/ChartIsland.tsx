'use client';

import { startTransition, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { keepFocusIn } from '@/components/frame/keepFocus';
import { isDefaultView, type IneqChart, type IneqState } from '@/lib/inequalities/state';
import { useIneq } from './IneqState';
import styles from './inequalities.module.css';

/** The interactive charts, loaded when first needed (each brings its chart, statistics and share code). */
const LOADERS: Record<IneqChart, () => Promise<ComponentType<LiveProps>>> = {
  gradient: () => import('./live/GradientLive').then((m) => m.GradientLive),
  scatter: () => import('./live/ScatterLive').then((m) => m.ScatterLive),
  adjusted: () => import('./live/AdjustedLive').then((m) => m.AdjustedLive),
  gap: () => import('./live/GapLive').then((m) => m.GapLive),
  profile: () => import('./live/ProfileLive').then((m) => m.ProfileLive),
};

/** The measures whose figures a chart needs for a state (fetched with its code, so it swaps in complete). */
const NEEDS: Record<IneqChart, (s: IneqState) => readonly string[]> = {
  gradient: () => [],
  scatter: (s) => [s.measure],
  adjusted: (s) => [s.adj],
  gap: (s) => [s.gap],
  profile: () => [],
};

export interface LiveProps {
  /** The server-rendered default view, shown while the interactive one waits for its figures. */
  readonly fallback: ReactNode;
}

/**
 * One chart of /inequalities/: the server draws its default view into the HTML (the children); the
 * interactive chart replaces it, drawing the same thing, once it is needed — when the chart comes
 * near the screen, when a reader points at or tabs into it, opens its table, or asks for another
 * view (a control, or a link with settings). `eager` loads it at once (embeds).
 */
export function ChartIsland({ chart, eager = false, children }: { readonly chart: IneqChart; readonly eager?: boolean; readonly children: ReactNode }) {
  const { state, ctx, tables, file, ensureFile } = useIneq();
  const [Live, setLive] = useState<ComponentType<LiveProps> | null>(null);
  const [want, setWant] = useState(eager);
  const ref = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);
  const isDefault = isDefaultView(chart, state, ctx);

  useEffect(() => {
    if (want) return;
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return setWant(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setWant(true), { rootMargin: '600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [want]);
  useEffect(() => {
    if (!isDefault || tables.has(chart)) setWant(true);
  }, [isDefault, tables, chart]);
  const [failed, setFailed] = useState(false);
  const needs = NEEDS[chart](state);
  const filesReady = needs.every((id) => file(id).status !== 'loading');
  useEffect(() => {
    if (want) for (const id of needs) ensureFile(id);
  });
  useEffect(() => {
    if (!want || Live) return;
    let live = true;
    LOADERS[chart]()
      // A transition: drawing the interactive chart (every council, three layouts) yields to the
      // browser every few ms instead of blocking a phone for one long task.
      .then((c) => live && startTransition(() => setLive(() => c)))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [want, Live, chart]);

  // The swap replaces the drawn chart's buttons and links: a keyboard reader on one stays on its twin.
  useEffect(() => (ref.current ? keepFocusIn(ref.current) : undefined), []);

  const wake = () => setWant(true);
  // The interactive chart swaps in once its code and its first figures are both here.
  const swap = Live !== null && (mounted.current || filesReady);
  if (swap) mounted.current = true;
  return (
    <div ref={ref} className={styles.island} data-island={chart} data-live={swap ? '' : undefined} onPointerEnter={wake} onFocusCapture={wake} onTouchStart={wake}>
      {swap && Live ? (
        <Live fallback={children} />
      ) : (
        <>
          {!isDefault && (
            <p className={styles.loading} role="status">
              {failed ? 'Sorry, this chart could not be loaded: the default view is shown. Reload the page to try again.' : 'Loading the view you asked for…'}
            </p>
          )}
          {children}
        </>
      )}
    </div>
  );
}
