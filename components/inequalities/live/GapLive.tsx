'use client';

import { useMemo, useState } from 'react';
import type { TrendCursor } from '@/components/charts/TrendChart';
import { useFrameMode } from '@/components/frame/FrameMode';
import { isDefaultView } from '@/lib/inequalities/state';
import { gapView } from '@/lib/inequalities/views';
import type { LiveProps } from '../ChartIsland';
import { GapFrameView } from '../frames';
import { IneqTable } from '../IneqTable';
import { useIneq, useMeasureFile } from '../IneqState';
import { TableDetails } from '../TableDetails';
import { Pending, useLastView } from './Pending';

/** The interactive gap chart: any core measure; cursor by hover and keyboard. */
export function GapLive({ fallback }: LiveProps) {
  const { data, state, ctx } = useIneq();
  const embed = useFrameMode() === 'embed';
  const load = useMeasureFile(state.gap);
  const [cursor, setCursor] = useState<TrendCursor | null>(null);
  const file = load.status === 'ready' ? load.file : undefined;
  const fresh = useMemo(() => (file ? gapView({ head: file.data, gap: file.gap, iod: data.iodSource, state, ctx }) : undefined), [file, data.iodSource, state, ctx]);
  const view = useLastView(fresh);
  const isDefault = isDefaultView('gap', state, ctx);
  if (!view) return <Pending load={load} isDefault={isDefault} fallback={fallback} />;
  return (
    <>
      {!fresh && <Pending load={load} isDefault={false} />}
      <GapFrameView view={view} cursor={cursor} onCursorChange={setCursor} />
      {!embed && (
        <TableDetails chart="gap" summary="Table of the two fifths’ rates by year">
          <IneqTable model={view.table} />
        </TableDetails>
      )}
    </>
  );
}
