'use client';

import dynamic from 'next/dynamic';
import { useEffect, useMemo, useState } from 'react';
import { FrameModeContext } from '@/components/frame/FrameMode';
import { useEmbedHeight } from '@/components/frame/useEmbedHeight';
import { stateContextOf } from '@/lib/explorer/access';
import type { MeasureData } from '@/lib/explorer/types';
import { defaultState, type Notice, type ViewState } from '@/lib/view-state';
import { ChartView } from './ChartView';

const MapView = dynamic(() => import('./MapView').then((m) => m.MapView), { ssr: false, loading: () => <p role="status">Loading the maps…</p> });
const RankView = dynamic(() => import('./RankView').then((m) => m.RankView), { ssr: false, loading: () => <p role="status">Loading the ranking…</p> });

/**
 * The chart of a measure for other sites' iframes: the same views and query parameters as the
 * measure page (chart, map or rank), read-only, with the frame in embed mode. It tells the host
 * page its height (postMessage) so /embed.js can size the iframe.
 */
export function EmbedView({ data }: { readonly data: MeasureData }) {
  const ctx = useMemo(() => stateContextOf(data), [data]);
  const [state, setState] = useState<ViewState>(() => defaultState(ctx));
  const [notices, setNotices] = useState<readonly Notice[]>([]);

  useEffect(() => {
    let live = true;
    void import('@/lib/url-state').then(({ parseViewState }) => {
      if (!live) return;
      const parsed = parseViewState(new URLSearchParams(window.location.search), ctx);
      // An embed shows one chart: the table and sources views fall back to the chart.
      if (parsed.state.view === 'table' || parsed.state.view === 'sources') {
        setState({ ...parsed.state, view: 'chart' });
        setNotices([...parsed.notices, { param: 'view', message: `An embed shows a chart, map or ranking; showing the chart.` }]);
      } else {
        setState(parsed.state);
        setNotices(parsed.notices);
      }
    });
    return () => {
      live = false;
    };
  }, [ctx]);

  useEmbedHeight();

  const noop = () => undefined;
  return (
    <FrameModeContext.Provider value="embed">
      {notices.length > 0 && (
        <p className="notice small" role="status">
          {notices.map((n) => n.message).join(' ')}
        </p>
      )}
      {state.view === 'chart' && <ChartView data={data} state={state} onChange={noop} />}
      {state.view === 'map' && <MapView data={data} unit={state.unit} year={state.year} selected={state.areas} onToggleArea={noop} state={state} />}
      {state.view === 'rank' && <RankView data={data} state={state} onChange={noop} onToggleArea={noop} />}
    </FrameModeContext.Provider>
  );
}
