'use client';

import { FrameModeContext } from '@/components/frame/FrameMode';
import { useEmbedHeight } from '@/components/frame/useEmbedHeight';
import type { IneqChart } from '@/lib/inequalities/state';
import type { InequalitiesData } from '@/lib/inequalities/types';
import { AdjustedSection } from './AdjustedSection';
import { GapSection } from './GapSection';
import { GradientSection } from './GradientSection';
import { IneqNotices, IneqProvider } from './IneqState';
import { ScatterSection } from './ScatterSection';

/**
 * One /inequalities/ chart for other sites' iframes: the same query parameters as the page, read
 * (not written), the frame in embed mode, and the height reported to /embed.js.
 */
export function IneqEmbed({ data, chart }: { readonly data: InequalitiesData; readonly chart: IneqChart }) {
  useEmbedHeight();
  return (
    <FrameModeContext.Provider value="embed">
      <IneqProvider data={data} writeUrl={false}>
        <IneqNotices />
        {chart === 'gradient' && <GradientSection />}
        {chart === 'scatter' && <ScatterSection />}
        {chart === 'adjusted' && <AdjustedSection />}
        {chart === 'gap' && <GapSection />}
      </IneqProvider>
    </FrameModeContext.Provider>
  );
}
