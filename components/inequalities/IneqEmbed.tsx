'use client';

import type { ReactNode } from 'react';
import { FrameModeContext } from '@/components/frame/FrameMode';
import { useEmbedHeight } from '@/components/frame/useEmbedHeight';
import type { InequalitiesData } from '@/lib/inequalities/types';
import { IneqNotices, IneqProvider } from './IneqState';

/**
 * One /inequalities/ chart for other sites' iframes: the same query parameters as the page, read
 * (not written), the frame in embed mode, and the height reported to /embed.js. The chart (a
 * ServerChart in embed mode) is the child.
 */
export function IneqEmbed({ data, children }: { readonly data: InequalitiesData; readonly children: ReactNode }) {
  useEmbedHeight();
  return (
    <FrameModeContext.Provider value="embed">
      <IneqProvider data={data} writeUrl={false}>
        <IneqNotices />
        {children}
      </IneqProvider>
    </FrameModeContext.Provider>
  );
}
