'use client';

import { useMemo, useState } from 'react';
import { useFrameMode } from '@/components/frame/FrameMode';
import { isDefaultView } from '@/lib/inequalities/state';
import { scatterView } from '@/lib/inequalities/views';
import type { LiveProps } from '../ChartIsland';
import { ScatterFrameView } from '../frames';
import { IneqTable } from '../IneqTable';
import { useIneq, useMeasureFile } from '../IneqState';
import { TableDetails } from '../TableDetails';
import { Pending, useLastView } from './Pending';

/** The interactive scatter: any measure, scale and year; hover, keyboard, select to label. */
export function ScatterLive({ fallback }: LiveProps) {
  const { data, state, ctx, councils, toggleArea } = useIneq();
  const embed = useFrameMode() === 'embed';
  const load = useMeasureFile(state.measure);
  const [cursor, setCursor] = useState<string | null>(null);
  const md = load.status === 'ready' ? load.file.data : undefined;
  const fresh = useMemo(() => (md ? scatterView({ md, councils, regions: data.regions, iod: data.iodSource, state, ctx, interactive: !embed }) : undefined), [md, councils, data.regions, data.iodSource, state, ctx, embed]);
  const view = useLastView(fresh);
  const isDefault = isDefaultView('scatter', state, ctx);
  if (!view) return <Pending load={load} isDefault={isDefault} fallback={fallback} />;
  return (
    <>
      {!fresh && <Pending load={load} isDefault={false} />}
      <ScatterFrameView view={view} cursor={cursor} onCursorChange={setCursor} onSelect={embed ? undefined : toggleArea} />
      {!embed && (
        <TableDetails chart="scatter" summary="Table of every council’s figures">
          <IneqTable model={view.table} />
        </TableDetails>
      )}
    </>
  );
}
