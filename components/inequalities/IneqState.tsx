'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MeasureData } from '@/lib/explorer/types';
import { councilMap } from '@/lib/inequalities/share';
import { defaultIneqState, measureYears, serializeIneqState, type IneqContext, type IneqState } from '@/lib/inequalities/state';
import { measureDataPath, type IneqCouncil, type InequalitiesData } from '@/lib/inequalities/types';
import type { Notice } from '@/lib/view-state';

/**
 * The state of /inequalities/ (and of its embeds): one view state for the page, read from the query
 * string after hydration (the zod parser loads then) and, on the page, written back with only what
 * differs from the defaults. Also the measures' data: the default measure ships with the page, the
 * others are fetched once when chosen.
 */

export type MeasureLoad = { readonly status: 'ready'; readonly data: MeasureData } | { readonly status: 'loading' } | { readonly status: 'error'; readonly message: string; readonly retry: () => void };

interface Store {
  readonly data: InequalitiesData;
  readonly ctx: IneqContext;
  readonly councils: ReadonlyMap<string, IneqCouncil>;
  readonly state: IneqState;
  readonly notices: readonly Notice[];
  readonly update: (patch: Partial<IneqState>) => void;
  readonly toggleArea: (code: string) => void;
  readonly measure: (id: string) => MeasureLoad;
  /** Start loading a measure's figures if they are not here yet. */
  readonly ensureMeasure: (id: string) => void;
}

const IneqStoreContext = createContext<Store | null>(null);

export function useIneq(): Store {
  const s = useContext(IneqStoreContext);
  if (!s) throw new Error('useIneq outside IneqProvider');
  return s;
}

export function contextOf(data: InequalitiesData): IneqContext {
  return {
    measures: data.measures.map((m) => ({ id: m.measure.id, label: m.measure.label, firstYear: m.measure.firstYear, lastYear: m.measure.lastYear })),
    councilCodes: new Set(data.councils.map((c) => c.code)),
    regionCodes: new Set(data.regions.map((r) => r.code)),
  };
}

export function IneqProvider({ data, writeUrl = true, children }: { readonly data: InequalitiesData; readonly writeUrl?: boolean; readonly children: ReactNode }) {
  const ctx = useMemo(() => contextOf(data), [data]);
  const councils = useMemo(() => councilMap(data.councils), [data]);
  const [state, setState] = useState<IneqState>(() => defaultIneqState(ctx));
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const current = useRef(state);
  current.current = state;
  const touched = useRef(false);
  const writeTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    let parse: typeof import('@/lib/inequalities/url').parseIneqState | undefined;
    let live = true;
    const read = () => {
      if (!parse) return;
      window.clearTimeout(writeTimer.current);
      const parsed = parse(new URLSearchParams(window.location.search), ctx);
      current.current = parsed.state;
      setState(parsed.state);
      setNotices(parsed.notices);
    };
    void import('@/lib/inequalities/url').then((m) => {
      if (!live) return;
      parse = m.parseIneqState;
      if (!touched.current) read();
    });
    window.addEventListener('popstate', read);
    return () => {
      live = false;
      window.removeEventListener('popstate', read);
    };
  }, [ctx]);

  useEffect(() => () => window.clearTimeout(writeTimer.current), []);
  const write = useCallback(
    (next: IneqState, onlyYear: boolean) => {
      if (!writeUrl) return;
      window.clearTimeout(writeTimer.current);
      // After the redraw; year steps (slider) are debounced and replace the entry they started.
      writeTimer.current = window.setTimeout(
        () => {
          const qs = serializeIneqState(next, ctx);
          if (qs === window.location.search) return;
          const url = `${window.location.pathname}${qs}${window.location.hash}`;
          if (onlyYear) window.history.replaceState(null, '', url);
          else window.history.pushState(null, '', url);
        },
        onlyYear ? 250 : 0,
      );
    },
    [ctx, writeUrl],
  );

  const update = useCallback(
    (patch: Partial<IneqState>) => {
      const prev = current.current;
      let next: IneqState = { ...prev, ...patch };
      // A year stays if the new measure has it; otherwise the measure's latest year.
      for (const [m, y] of [['measure', 'year'], ['adj', 'adjyear']] as const) {
        const { firstYear, lastYear } = measureYears(ctx, next[m]);
        if (next[y] < firstYear || next[y] > lastYear) next = { ...next, [y]: lastYear };
      }
      const onlyYear = (Object.keys(patch) as (keyof IneqState)[]).every((k) => k === 'year' || k === 'adjyear');
      current.current = next;
      touched.current = true;
      setState(next);
      setNotices([]);
      write(next, onlyYear);
    },
    [ctx, write],
  );

  const toggleArea = useCallback(
    (code: string) => {
      const a = current.current.areas;
      if (a.includes(code)) update({ areas: a.filter((c) => c !== code) });
      else if (a.length < 8) update({ areas: [...a, code] });
    },
    [update],
  );

  // Measures: preloaded ones at once, others fetched (once) when first asked for.
  const [loaded, setLoaded] = useState<ReadonlyMap<string, MeasureLoad>>(() => new Map(data.preloaded.map((d) => [d.measure.id, { status: 'ready', data: d } as const])));
  const pending = useRef(new Set<string>());
  const fetchMeasure = useCallback((id: string) => {
    if (pending.current.has(id)) return;
    pending.current.add(id);
    setLoaded((m) => new Map(m).set(id, { status: 'loading' }));
    fetch(measureDataPath(id))
      .then((r) => {
        if (!r.ok) throw new Error(`the server answered ${r.status}`);
        return r.json() as Promise<MeasureData>;
      })
      .then((d) => setLoaded((m) => new Map(m).set(id, { status: 'ready', data: d })))
      .catch((e: unknown) => {
        pending.current.delete(id);
        setLoaded((m) =>
          new Map(m).set(id, {
            status: 'error',
            message: `Could not load the figures (${e instanceof Error ? e.message : String(e)}).`,
            retry: () => fetchMeasure(id),
          }),
        );
      });
  }, []);
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  const ensureMeasure = useCallback((id: string) => {
    if (!loadedRef.current.has(id)) fetchMeasure(id);
  }, [fetchMeasure]);
  const measure = useCallback((id: string): MeasureLoad => loaded.get(id) ?? { status: 'loading' }, [loaded]);

  const store = useMemo<Store>(() => ({ data, ctx, councils, state, notices, update, toggleArea, measure, ensureMeasure }), [data, ctx, councils, state, notices, update, toggleArea, measure, ensureMeasure]);
  return <IneqStoreContext.Provider value={store}>{children}</IneqStoreContext.Provider>;
}

/** A measure's figures for a section: loaded with the page, or fetched when first needed. */
export function useMeasure(id: string): MeasureLoad {
  const { measure, ensureMeasure } = useIneq();
  useEffect(() => ensureMeasure(id), [id, ensureMeasure]);
  return measure(id);
}

/** The notices of a query string that was not understood (shown once, at the top of the page or embed). */
export function IneqNotices() {
  const { notices } = useIneq();
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status">
      <p>
        <strong>Some settings in this link were not understood, so defaults are shown instead:</strong>
      </p>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n.message}</li>
        ))}
      </ul>
    </div>
  );
}
