'use client';

import { createContext, useContext } from 'react';

/**
 * Where a chart frame is shown: on the site ('page': controls and share kit) or inside another
 * site's iframe ('embed': minimal chrome, source line, description and a link back).
 */
export type FrameMode = 'page' | 'embed';
export const FrameModeContext = createContext<FrameMode>('page');
export const useFrameMode = () => useContext(FrameModeContext);

/**
 * Attributes of a link inside a chart frame. In an embed, links open in a new tab, outside the
 * iframe: the reader keeps the host's page, and the sandbox lets the new tab out of it
 * (allow-popups-to-escape-sandbox; lib/share/embed.ts). Not target=_top: navigating the host's
 * page away is what the sandbox forbids (no allow-top-navigation), and the reader would lose it.
 */
const OUTSIDE = { target: '_blank', rel: 'noopener' } as const;
export const useLinkTarget = (): { target?: '_blank'; rel?: 'noopener' } => (useFrameMode() === 'embed' ? OUTSIDE : {});
