'use client';

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
import { lazyView } from './LazyView';
import { loadParser, type Parser } from '@/lib/url-state-load';
import styles from './MeasureExplorer.module.css';

// Map and rank views are never in the server-rendered default view: load their code (d3-geo,
// topojson, funnel statistics) only when a reader opens them, to keep first-load JavaScript small.
// A failed load shows a message with Retry in the view's place; the rest of the page stays.
const MapView = lazyView(() => import('./MapView').then((m) => m.MapView), 'map view', 'Loading the maps…');
const RankView = lazyView(() => import('./RankView').then((m) => m.RankView), 'ranking', 'Loading the ranking…');
const TableView = lazyView(() => import('./TableView').then((m) => m.TableView), 'table', 'Loading the table…');
const SourcesView = lazyView(() => import('./SourcesView').then((m) => m.SourcesView), 'sources view', 'Loading…');

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
export function MeasureExplorer({ data, downloadFile }: { readonly data: MeasureData; /** The data file of this measure (e.g. "section-47.csv"), offered when JavaScript is off. */ readonly downloadFile: string }) {
  const ctx = useMemo(() => stateContextOf(data), [data]);
  const [state, setState] = useState<ViewState>(() => defaultState(ctx));
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const current = useRef(state);
  current.current = state;
  const touched = useRef(false);

  // The query string is read once the parser has loaded. If it cannot load (offline, or the site
  // was updated since this page was opened), the default view stays and a notice offers Retry.
  const [parserFailed, setParserFailed] = useState(false);
  const [parserAttempt, setParserAttempt] = useState(0);
  useEffect(() => {
    let parse: Parser | undefined;
    let live = true;
    const read = () => {
      if (!parse) return;
      window.clearTimeout(writeTimer.current);
      const parsed = parse(new URLSearchParams(window.location.search), ctx);
      current.current = parsed.state;
      setState(parsed.state);
      setNotices(parsed.notices);
    };
    const load = (first: boolean) =>
      loadParser().then(
        (p) => {
          if (!live) return;
          parse = p;
          setParserFailed(false);
          // A reader who already changed something (before the parser arrived) keeps that change.
          if (!first || !touched.current) read();
        },
        (e: unknown) => {
          if (!live) return;
          console.error(e);
          // With nothing in the query string the default view is the right one: nothing to say yet.
          setParserFailed(window.location.search !== '');
        },
      );
    void load(parserAttempt === 0);
    // Back/forward: read the restored URL (loading the parser again if it failed before).
    const onPop = () => (parse ? read() : void load(false));
    window.addEventListener('popstate', onPop);
    return () => {
      live = false;
      window.removeEventListener('popstate', onPop);
    };
  }, [ctx, parserAttempt]);

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
  const base = `/measures/${measure.id}/`;
  const hrefOf = useCallback((v: View) => (v === 'chart' ? base : `${base}?view=${v}`), [base]);
  const problems = notices.filter((n) => !n.info);
  const infos = notices.filter((n) => n.info);

  return (
    <div className={styles.explorer}>
      {parserFailed && (
        <div className="notice" role="status">
          <p>
            <strong>The settings in this link could not be read</strong> (part of the page&rsquo;s code did not load: the connection may have dropped, or the site was updated), so
            the default view is shown.
          </p>
          <p className="notice-actions">
            <button type="button" className="button" onClick={() => setParserAttempt((a) => a + 1)}>
              Retry
            </button>
          </p>
        </div>
      )}
      {notices.length > 0 && (
        <div className="notice" role="status">
          {problems.length > 0 && (
            <>
              <p>
                <strong>Some settings in this link were not understood, so defaults are shown instead:</strong>
              </p>
              <ul>
                {problems.map((n, i) => (
                  <li key={i}>{n.message}</li>
                ))}
              </ul>
            </>
          )}
          {infos.map((n, i) => (
            <p key={i}>{n.message}</p>
          ))}
        </div>
      )}
      <div className={`${styles.controls} needs-js`}>
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

      <Tabs idPrefix={id} label="Views" tabs={VIEW_TABS} value={state.view} onChange={setView} hrefOf={hrefOf} />
      <noscript>
        <div className="notice">
          <p>
            <strong>Without JavaScript this page shows only the chart of England below.</strong> The map, ranking, table and sources views, and any areas, year or unit chosen in
            the link, need JavaScript, which is off or could not load in this browser.
          </p>
          <p>
            Every figure is in <a href={`/data/${downloadFile}`}>{downloadFile}</a> (CSV, described on the <a href="/data/">data page</a>); its sources are named under the
            chart and on the <a href={`/methodology/#${measure.id}`}>methodology page</a>.
          </p>
        </div>
      </noscript>

      {/* One panel per tab, so every tab's aria-controls names an element; only the chosen one has content. */}
      {VIEWS.map((v) => (
        <div key={v} role="tabpanel" id={`${id}-panel-${v}`} aria-labelledby={`${id}-tab-${v}`} className={styles.panel} tabIndex={-1} hidden={v !== state.view}>
          {v === state.view && (
            <>
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
              {v === 'chart' && <ChartView data={data} state={state} onChange={update} />}
              {v === 'map' && <MapView data={data} unit={state.unit} year={state.year} selected={state.areas} onToggleArea={toggleArea} state={state} />}
              {v === 'rank' && <RankView data={data} state={state} onChange={update} onToggleArea={toggleArea} />}
              {v === 'table' && <TableView data={data} state={state} onChange={update} />}
              {v === 'sources' && <SourcesView data={data} />}
            </>
          )}
        </div>
      ))}
    </div>
  );
}

function toggle(state: ViewState, code: string, update: (p: Partial<ViewState>) => void) {
  if (state.areas.includes(code)) update({ areas: state.areas.filter((c) => c !== code) });
  else if (state.areas.length < MAX_AREAS) update({ areas: [...state.areas, code] });
}
