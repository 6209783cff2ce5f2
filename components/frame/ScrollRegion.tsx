import type { ReactNode } from 'react';

/**
 * A wrapper that lets a wide table scroll sideways on a narrow screen. It is a named, focusable
 * region so keyboard users can reach and scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
