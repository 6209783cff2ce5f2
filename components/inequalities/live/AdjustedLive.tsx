'use client';

import { useMemo, useState } from 'react';
import { useFrameMode } from '@/components/frame/FrameMode';
import { isDefaultView } from '@/lib/inequalities/state';
import { adjustedView } from '@/lib/inequalities/views';
import type { LiveProps } from '../ChartIsland';
import { AdjustedFrameView } from '../frames';
import { IneqTable } from '../IneqTable';
import { useIneq, useMeasureFile } from '../IneqState';
import { TableDetails } from '../TableDetails';
import { Pending, useLastView } from './Pending';

/** The interactive adjusted comparison: plans or children looked after, any year; hover, keyboard, select to label. */
export function AdjustedLive({ fallback }: LiveProps) {
  const { data, state, ctx, councils, toggleArea } = useIneq();
  const embed = useFrameMode() === 'embed';
  const load = useMeasureFile(state.adj);
  const [cursor, setCursor] = useState<string | null>(null);
  const file = load.status === 'ready' ? load.file : undefined;
  const fresh = useMemo(
    () => (file?.adjusted ? adjustedView({ md: file.data, input: file.adjusted, councils, regions: data.regions, iod: data.iodSource, cwip: data.gradient.source, state, ctx, interactive: !embed }) : undefined),
    [file, councils, data.regions, data.iodSource, data.gradient.source, state, ctx, embed],
  );
  const view = useLastView(fresh);
  const isDefault = isDefaultView('adjusted', state, ctx);
  if (!view) return <Pending load={load} isDefault={isDefault} fallback={fallback} />;
  return (
    <>
      {!fresh && <Pending load={load} isDefault={false} />}
      <AdjustedFrameView view={view} cursor={cursor} onCursorChange={setCursor} onSelect={embed ? undefined : toggleArea} />
      {!embed && (
        <TableDetails chart="adjusted" summary="Table of every council’s observed and expected numbers">
          <IneqTable model={view.table} />
        </TableDetails>
      )}
    </>
  );
}
