'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AreaPicker, type PickerArea } from '@/components/controls/AreaPicker';
import { SegmentedControl } from '@/components/controls/SegmentedControl';
import { Tabs } from '@/components/controls/Tabs';
import { YearSlider } from '@/components/controls/YearSlider';
import { formatYear } from '@/lib/format';
import { stateContextOf } from '@/lib/explorer/access';
import type { MeasureData } from '@/lib/explorer/types';
import { defaultState, MAX_AREAS, serializeViewState, VIEWS, type Notice, type View, type ViewState } from '@/lib/view-state';
import { ChartView } from './ChartView';
import styles from './MeasureExplorer.module.css';

// Map and rank views are never in the server-rendered default view: load their code (d3-geo,
// topojson, funnel statistics) only when a reader opens them, to keep first-load JavaScript small.
const MapView = dynamic(() => import('./MapView').then((m) => m.MapView), { ssr: false, loading: () => <p role="status">Loading the maps…</p> });
const RankView = dynamic(() => import('./RankView').then((m) => m.RankView), { ssr: false, loading: () => <p role="status">Loading the ranking…</p> });
const TableView = dynamic(() => import('./TableView').then((m) => m.TableView), { ssr: false, loading: () => <p role="status">Loading the table…</p> });
const SourcesView = dynamic(() => import('./SourcesView').then((m) => m.SourcesView), { ssr: false, loading: () => <p role="status">Loading…</p> });

const VIEW_LABELS: Record<View, string> = { chart: 'Chart', map: 'Map', rank: 'Rank', table: 'Table', sources: 'Sources' };
const VIEW_TABS = VIEWS.map((v) => ({ id: v, label: VIEW_LABELS[v] }));
const UNIT_OPTIONS = [
  { value: 'rate', label: 'Rate per 10,000' },
  { value: 'count', label: 'Number' },
] as const;


/**
 * One measure, every view (DESIGN §4): state lives in the query string. The server renders the
 * default view; after hydration the query string is read, and every change is written back (only
 * what differs from the defaults), so back/forward and reload restore the view.
 */
export function MeasureExplorer({ data }: { data: MeasureData }) {
  const ctx = useMemo(() => stateContextOf(data), [data]);
  const [state, setState] = useState<ViewState>(() => defaultState(ctx));
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const current = useRef(state);
  current.current = state;
  const touched = useRef(false);

  useEffect(() => {
    // The zod parser loads just after hydration (it is not needed to draw the default view).
    let parse: typeof import('@/lib/url-state').parseViewState | undefined;
    let live = true;
    const read = () => {
      if (!parse) return;
      window.clearTimeout(writeTimer.current);
      const parsed = parse(new URLSearchParams(window.location.search), ctx);
      current.current = parsed.state;
      setState(parsed.state);
      setNotices(parsed.notices);
    };
    void import('@/lib/url-state').then((m) => {
      if (!live) return;
      parse = m.parseViewState;
      // A reader who already changed something (before the parser arrived) keeps that change.
      if (!touched.current) read();
    });
    window.addEventListener('popstate', read);
    return () => {
      live = false;
      window.removeEventListener('popstate', read);
    };
  }, [ctx]);

  // Writing the URL makes Next's router do work of its own, so it happens just after the redraw,
  // never inside the frame that draws the change. Each discrete change (view, areas, unit…) adds a
  // history entry; year steps in quick succession (dragging the slider, Play) are debounced and
  // replace the entry they started, so Back returns to the view before the year was changed.
  const writeTimer = useRef<number | undefined>(undefined);
  const yearRun = useRef<{ at: number; rest: string } | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(writeTimer.current), []);
  const writeUrl = useCallback(
    (next: ViewState, onlyYear: boolean) => {
      window.clearTimeout(writeTimer.current);
      writeTimer.current = window.setTimeout(
        () => {
          const qs = serializeViewState(next, ctx);
          if (qs === window.location.search) return;
          const url = `${window.location.pathname}${qs}${window.location.hash}`;
          const rest = serializeViewState({ ...next, year: ctx.lastYear }, ctx);
          const run = yearRun.current;
          if (onlyYear && run && run.rest === rest && Date.now() - run.at < 2000) window.history.replaceState(null, '', url);
          else window.history.pushState(null, '', url);
          yearRun.current = onlyYear ? { at: Date.now(), rest } : undefined;
        },
        onlyYear ? 200 : 0,
      );
    },
    [ctx],
  );

  const update = useCallback(
    (patch: Partial<ViewState>) => {
      const prev = current.current;
      const next = { ...prev, ...patch };
      if (next.plot === 'funnel' && next.unit !== 'rate') next.plot = 'dots';
      const onlyYear = (Object.keys(patch) as (keyof ViewState)[]).every((k) => k === 'year');
      current.current = next;
      touched.current = true;
      setState(next);
      setNotices([]);
      writeUrl(next, onlyYear);
    },
    [writeUrl],
  );

  const pickerAreas: PickerArea[] = useMemo(
    () =>
      data.areas
        .filter((a) => a.level !== 'country')
        .map((a) => ({
          code: a.code,
          name: a.name,
          level: a.level,
          hint: a.level === 'region' ? '(region)' : a.firstYear > data.measure.firstYear ? `(from ${a.firstYear})` : a.lastYear !== undefined && a.lastYear < data.measure.lastYear ? `(to ${a.lastYear})` : undefined,
        })),
    [data],
  );

  // Stable callbacks (they read the current state through the ref), so memoised controls and maps
  // do not re-render when only the year changes.
  const addArea = useCallback((c: string) => update({ areas: [...current.current.areas, c] }), [update]);
  const removeArea = useCallback((c: string) => update({ areas: current.current.areas.filter((x) => x !== c) }), [update]);
  const toggleArea = useCallback((c: string) => toggle(current.current, c, update), [update]);
  const setUnit = useCallback((unit: 'rate' | 'count') => update({ unit }), [update]);
  const setView = useCallback((view: View) => update({ view }), [update]);
  const setYear = useCallback((year: number) => update({ year }), [update]);

  const { measure } = data;
  const id = `x-${measure.id}`;
  const yearView = state.view === 'map' || state.view === 'rank';

  return (
    <div className={styles.explorer}>
      {notices.length > 0 && (
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
      )}
      <div className={styles.controls}>
        <AreaPicker areas={pickerAreas} selected={state.areas} max={MAX_AREAS} onAdd={addArea} onRemove={removeArea} />
        {measure.hasRate && measure.hasCount && (
          <SegmentedControl
            name={`${id}-unit`}
            legend="Show"
            value={state.unit}
            options={UNIT_OPTIONS}
            onChange={setUnit}
          />
        )}
      </div>

      <Tabs idPrefix={id} label="Views" tabs={VIEW_TABS} value={state.view} onChange={setView} />

      <div role="tabpanel" id={`${id}-panel-${state.view}`} aria-labelledby={`${id}-tab-${state.view}`} className={styles.panel} tabIndex={-1}>
        {yearView && (
          <YearSlider
            years={data.years}
            value={state.year}
            onChange={setYear}
            label={`Year (${measure.kind === 'flow' ? 'year to 31 March' : 'on 31 March'})`}
            formatYear={(y) => formatYear(measure.period, y)}
            playable={state.view === 'map'}
          />
        )}
        {state.view === 'chart' && <ChartView data={data} state={state} onChange={update} />}
        {state.view === 'map' && <MapView data={data} unit={state.unit} year={state.year} selected={state.areas} onToggleArea={toggleArea} state={state} />}
        {state.view === 'rank' && <RankView data={data} state={state} onChange={update} onToggleArea={toggleArea} />}
        {state.view === 'table' && <TableView data={data} state={state} onChange={update} />}
        {state.view === 'sources' && <SourcesView data={data} />}
      </div>
    </div>
  );
}

function toggle(state: ViewState, code: string, update: (p: Partial<ViewState>) => void) {
  if (state.areas.includes(code)) update({ areas: state.areas.filter((c) => c !== code) });
  else if (state.areas.length < MAX_AREAS) update({ areas: [...state.areas, code] });
}
