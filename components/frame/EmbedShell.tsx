'use client';

import { useEffect, type ReactNode } from 'react';
import { FrameModeContext } from './FrameMode';

const HEIGHT = 'csc-embed:height';
const PING = 'csc-embed:ping';

/**
 * What every embed needs around its chart: the frame in embed mode (no share buttons, links open
 * outside the iframe), and its height told to the host page (postMessage), so /embed.js can size
 * the iframe — for any number of embeds on a page.
 */
export function EmbedShell({ children }: { readonly children: ReactNode }) {
  useEffect(() => {
    if (window.parent === window) return;
    let last = 0;
    const report = () => {
      const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== last) {
        last = h;
        window.parent.postMessage({ type: HEIGHT, height: h }, '*');
      }
    };
    const ro = new ResizeObserver(report);
    ro.observe(document.documentElement);
    const onMessage = (e: MessageEvent) => {
      if (e.source === window.parent && (e.data as { type?: string } | null)?.type === PING) {
        last = 0;
        report();
      }
    };
    window.addEventListener('message', onMessage);
    report();
    return () => {
      ro.disconnect();
      window.removeEventListener('message', onMessage);
    };
  }, []);
  return <FrameModeContext.Provider value="embed">{children}</FrameModeContext.Provider>;
}
