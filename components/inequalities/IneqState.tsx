'use client';

import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { contextOf, defaultIneqState, MAX_COUNCILS, measureYears, serializeIneqState, type IneqChart, type IneqContext, type IneqState } from '@/lib/inequalities/state';
import { measureDataPath, type IneqCouncil, type InequalitiesData, type MeasureFile } from '@/lib/inequalities/types';
import type { Notice } from '@/lib/view-state';

/**
 * The state of /inequalities/ (and of its embeds): one view state for the page, read from the query
 * string after hydration (the zod parser loads then) and, on the page, written back with only what
 * differs from the defaults. Also the measures' figures, fetched once each when an interactive chart
 * first needs them, and which tables are open.
 */

export type FileLoad = { readonly status: 'ready'; readonly file: MeasureFile } | { readonly status: 'loading' } | { readonly status: 'error'; readonly message: string; readonly retry: () => void };

interface Store {
  readonly data: InequalitiesData;
  readonly ctx: IneqContext;
  readonly councils: ReadonlyMap<string, IneqCouncil>;
  readonly state: IneqState;
  readonly notices: readonly Notice[];
  /** True once the query string has been read (before that, the state is the default). */
  readonly ready: boolean;
  readonly update: (patch: Partial<IneqState>) => void;
  readonly toggleArea: (code: string) => void;
  readonly file: (id: string) => FileLoad;
  readonly ensureFile: (id: string) => void;
  readonly tables: ReadonlySet<IneqChart>;
  readonly setTable: (chart: IneqChart, open: boolean) => void;
}

const IneqStoreContext = createContext<Store | null>(null);

export function useIneq(): Store {
  const s = useContext(IneqStoreContext);
  if (!s) throw new Error('useIneq outside IneqProvider');
  return s;
}

export function IneqProvider({ data, writeUrl = true, children }: { readonly data: InequalitiesData; readonly writeUrl?: boolean; readonly children: ReactNode }) {
  const ctx = useMemo(() => contextOf(data), [data]);
  const councils = useMemo(() => new Map(data.councils.map((c) => [c.code, c])), [data]);
  const [state, setState] = useState<IneqState>(() => defaultIneqState(ctx));
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const [ready, setReady] = useState(false);
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
    // Without a query string the state is the default: nothing to parse, no parser to load.
    if (window.location.search === '') setReady(true);
    else
      void import('@/lib/inequalities/url').then((m) => {
        if (!live) return;
        parse = m.parseIneqState;
        if (!touched.current) read();
        setReady(true);
      });
    const onPop = () => {
      if (parse) read();
      else void import('@/lib/inequalities/url').then((m) => ((parse = m.parseIneqState), read()));
    };
    window.addEventListener('popstate', onPop);
    return () => {
      live = false;
      window.removeEventListener('popstate', onPop);
    };
  }, [ctx]);

  useEffect(() => () => window.clearTimeout(writeTimer.current), []);
  const write = useCallback(
    (next: IneqState, onlyYear: boolean) => {
      if (!writeUrl) return;
      window.clearTimeout(writeTimer.current);
      // After the redraw; year steps (dragging the slider) are debounced and replace one history entry.
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
      let next: IneqState = { ...current.current, ...patch };
      // A year stays when the new measure has it; otherwise the measure's latest year.
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
      else if (a.length < MAX_COUNCILS) update({ areas: [...a, code] });
    },
    [update],
  );

  const [files, setFiles] = useState<ReadonlyMap<string, FileLoad>>(() => new Map());
  const filesRef = useRef(files);
  filesRef.current = files;
  const pending = useRef(new Set<string>());
  const fetchFile = useCallback((id: string) => {
    if (pending.current.has(id)) return;
    pending.current.add(id);
    setFiles((m) => new Map(m).set(id, { status: 'loading' }));
    fetch(measureDataPath(id))
      .then((r) => {
        if (!r.ok) throw new Error(`the server answered ${r.status}`);
        return r.json() as Promise<MeasureFile>;
      })
      // A transition: the charts redrawn with the new figures yield to the browser as they draw.
      .then((file) => startTransition(() => setFiles((m) => new Map(m).set(id, { status: 'ready', file }))))
      .catch((e: unknown) => {
        pending.current.delete(id);
        setFiles((m) => new Map(m).set(id, { status: 'error', message: `Could not load the figures (${e instanceof Error ? e.message : String(e)}).`, retry: () => fetchFile(id) }));
      });
  }, []);
  const ensureFile = useCallback((id: string) => {
    if (!filesRef.current.has(id)) fetchFile(id);
  }, [fetchFile]);
  const file = useCallback((id: string): FileLoad => files.get(id) ?? { status: 'loading' }, [files]);

  const [tables, setTables] = useState<ReadonlySet<IneqChart>>(() => new Set());
  const setTable = useCallback((chart: IneqChart, open: boolean) => {
    setTables((t) => {
      if (t.has(chart) === open) return t;
      const n = new Set(t);
      if (open) n.add(chart);
      else n.delete(chart);
      return n;
    });
  }, []);

  const store = useMemo<Store>(
    () => ({ data, ctx, councils, state, notices, ready, update, toggleArea, file, ensureFile, tables, setTable }),
    [data, ctx, councils, state, notices, ready, update, toggleArea, file, ensureFile, tables, setTable],
  );
  return <IneqStoreContext.Provider value={store}>{children}</IneqStoreContext.Provider>;
}

/** A measure's figures for an interactive chart: fetched when first needed. */
export function useMeasureFile(id: string): FileLoad {
  const { file, ensureFile } = useIneq();
  useEffect(() => ensureFile(id), [id, ensureFile]);
  return file(id);
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
