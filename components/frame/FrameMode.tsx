'use client';

import { createContext, useContext } from 'react';

/**
 * Where a chart frame is shown: on the site ('page': controls and share kit) or inside another
 * site's iframe ('embed': minimal chrome, source line, description and a link back).
 */
export type FrameMode = 'page' | 'embed';
export const FrameModeContext = createContext<FrameMode>('page');
export const useFrameMode = () => useContext(FrameModeContext);
