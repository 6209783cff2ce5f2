'use client';

import type { MeasureLoad } from './IneqState';

/** While a measure's figures load (or if they could not be loaded): say so, with a retry. */
export function MeasureStatus({ load, label }: { readonly load: Exclude<MeasureLoad, { status: 'ready' }>; readonly label: string }) {
  if (load.status === 'loading') return <p role="status">Loading the figures of {label.charAt(0).toLowerCase() + label.slice(1)}…</p>;
  return (
    <div className="notice" role="alert">
      <p>
        {load.message}{' '}
        <button type="button" className="button" onClick={load.retry}>
          Try again
        </button>
      </p>
    </div>
  );
}
