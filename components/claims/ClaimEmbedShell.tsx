'use client';

import type { ReactNode } from 'react';
import { FrameModeContext } from '@/components/frame/FrameMode';
import { useEmbedHeight } from '@/components/share/useEmbedHeight';

/** A claim's chart inside another site's iframe: the frame in embed mode, reporting its height to /embed.js. */
export function ClaimEmbedShell({ children }: { readonly children: ReactNode }) {
  useEmbedHeight();
  return <FrameModeContext.Provider value="embed">{children}</FrameModeContext.Provider>;
}
