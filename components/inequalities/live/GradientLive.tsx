'use client';

import { useMemo, useState } from 'react';
import type { GradientCursor } from '@/components/charts/GradientChart';
import { useFrameMode } from '@/components/frame/FrameMode';
import { gradientView } from '@/lib/inequalities/views';
import type { LiveProps } from '../ChartIsland';
import { GradientFrameView } from '../frames';
import { IneqTable } from '../IneqTable';
import { useIneq } from '../IneqState';
import { TableDetails } from '../TableDetails';

/** The interactive gradient: cursor by hover and keyboard over the deciles. */
export function GradientLive(_: LiveProps) {
  const { data, state, ctx } = useIneq();
  const embed = useFrameMode() === 'embed';
  const [cursor, setCursor] = useState<GradientCursor | null>(null);
  const view = useMemo(() => gradientView(data.gradient, state, ctx), [data.gradient, state, ctx]);
  return (
    <>
      <GradientFrameView view={view} cursor={cursor} onCursorChange={setCursor} />
      {!embed && (
        <TableDetails chart="gradient" summary="Table of the rates">
          <IneqTable model={view.table} />
        </TableDetails>
      )}
    </>
  );
}
