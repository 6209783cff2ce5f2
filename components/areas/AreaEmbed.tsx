'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { EmbedShell } from '@/components/frame/EmbedShell';
import { AREA_CHARTS, type AreaChartId } from '@/lib/areas/share';

/**
 * An area's charts for other sites' iframes (/embed/areas/{code}/?chart=pathway|neighbours|
 * deprivation): the frame in embed mode; without ?chart= every chart of the area is shown.
 * An unknown chart falls back to all of them with a notice.
 */
export function AreaEmbed({ charts }: { readonly charts: Partial<Record<AreaChartId, ReactNode>> }) {
  const [only, setOnly] = useState<AreaChartId | undefined>();
  const [notice, setNotice] = useState('');
  useEffect(() => {
    const c = new URLSearchParams(window.location.search).get('chart');
    if (c === null) return;
    if ((AREA_CHARTS as readonly string[]).includes(c) && charts[c as AreaChartId]) setOnly(c as AreaChartId);
    else setNotice(`There is no chart “${c.slice(0, 40)}” for this area; showing all of its charts.`);
  }, [charts]);
  return (
    <EmbedShell>
      {notice && (
        <p className="notice small" role="status">
          {notice}
        </p>
      )}
      {AREA_CHARTS.filter((id) => charts[id] && (only === undefined || only === id)).map((id) => (
        <div key={id} data-chart={id}>
          {charts[id]}
        </div>
      ))}
    </EmbedShell>
  );
}
