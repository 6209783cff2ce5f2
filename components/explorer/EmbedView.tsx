'use client';

import { useEffect, useMemo, useState } from 'react';
import { EmbedShell } from '@/components/frame/EmbedShell';
import { stateContextOf } from '@/lib/explorer/access';
import type { MeasureData } from '@/lib/explorer/types';
import { loadParser } from '@/lib/url-state-load';
import { defaultState, embedNotice, type ViewState } from '@/lib/view-state';
import { ChartView } from './ChartView';
import { lazyView } from './LazyView';

const MapView = lazyView(() => import('./MapView').then((m) => m.MapView), 'map', 'Loading the maps…');
const RankView = lazyView(() => import('./RankView').then((m) => m.RankView), 'ranking', 'Loading the ranking…');
const TableView = lazyView(() => import('./TableView').then((m) => m.TableView), 'table', 'Loading the table…');


/**
 * The chart of a measure for other sites' iframes: the same views and query parameters as the
 * measure page (chart, map, rank or table), read-only, in the embed shell (embed mode, height told
 * to the host page).
 */
export function EmbedView({ data }: { readonly data: MeasureData }) {
  const ctx = useMemo(() => stateContextOf(data), [data]);
  const [state, setState] = useState<ViewState>(() => defaultState(ctx));
  // Inside another site's page nothing from the link is echoed (embedNotice): the host chose the link.
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [parserFailed, setParserFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadParser().then(
      (parseViewState) => {
        if (!live) return;
        setParserFailed(false);
        const parsed = parseViewState(new URLSearchParams(window.location.search), ctx);
        const said = embedNotice(parsed.notices);
        // An embed shows one chart or table: the sources view falls back to the chart.
        if (parsed.state.view === 'sources') {
          setState({ ...parsed.state, view: 'chart' });
          setNotice([said, 'An embed shows a chart, map, ranking or table; showing the chart.'].filter(Boolean).join(' '));
        } else {
          setState(parsed.state);
          setNotice(said);
        }
      },
      (e: unknown) => {
        if (!live) return;
        console.error(e);
        setParserFailed(window.location.search !== '');
      },
    );
    return () => {
      live = false;
    };
  }, [ctx, attempt]);

  const noop = () => undefined;
  return (
    <EmbedShell>
      {parserFailed && (
        <p className="notice small" role="status">
          The settings in this link could not be read (part of the chart&rsquo;s code did not load), so the default chart is shown.{' '}
          <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>
            Retry
          </button>
        </p>
      )}
      {notice && (
        <p className="notice small" role="status">
          {notice}
        </p>
      )}
      {state.view === 'chart' && <ChartView data={data} state={state} onChange={noop} />}
      {state.view === 'map' && <MapView data={data} unit={state.unit} year={state.year} selected={state.areas} onToggleArea={noop} state={state} />}
      {state.view === 'rank' && <RankView data={data} state={state} onChange={noop} onToggleArea={noop} />}
      {state.view === 'table' && <TableView data={data} state={state} onChange={noop} />}
    </EmbedShell>
  );
}
