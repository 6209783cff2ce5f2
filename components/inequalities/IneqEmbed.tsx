'use client';

import type { ReactNode } from 'react';
import { EmbedShell } from '@/components/frame/EmbedShell';
import type { InequalitiesData } from '@/lib/inequalities/types';
import { IneqNotices, IneqProvider } from './IneqState';

/**
 * One /inequalities/ chart for other sites' iframes: the same query parameters as the page, read
 * (not written), in the embed shell (embed mode, height told to /embed.js). The chart (a
 * ServerChart in embed mode) is the child.
 */
export function IneqEmbed({ data, children }: { readonly data: InequalitiesData; readonly children: ReactNode }) {
  return (
    <EmbedShell>
      <IneqProvider data={data} writeUrl={false}>
        <IneqNotices />
        {children}
      </IneqProvider>
    </EmbedShell>
  );
}
