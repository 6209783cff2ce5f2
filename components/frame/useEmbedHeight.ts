'use client';

import { useEffect } from 'react';

const HEIGHT = 'csc-embed:height';
const PING = 'csc-embed:ping';

/**
 * Inside another site's iframe: tell the host page this document's height (postMessage), on every
 * resize and when /embed.js asks, so the script can size the iframe. Does nothing outside an iframe.
 */
export function useEmbedHeight(): void {
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
}
