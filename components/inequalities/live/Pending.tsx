'use client';

import { useRef, type ReactNode } from 'react';
import type { FileLoad } from '../IneqState';
import styles from '../inequalities.module.css';

/** The last view a chart could draw, kept while the figures of the next one load (so the chart does not jump back). */
export function useLastView<T>(view: T | undefined): T | undefined {
  const last = useRef<T | undefined>(undefined);
  if (view !== undefined) last.current = view;
  return view ?? last.current;
}

/**
 * While an interactive chart waits for its figures: the server-drawn default view stays; if the
 * reader asked for another view, say that it is loading (or why it could not be), with a retry.
 */
export function Pending({ load, isDefault, fallback }: { readonly load: FileLoad; readonly isDefault: boolean; readonly fallback?: ReactNode }) {
  return (
    <>
      {load.status === 'error' ? (
        <div className="notice" role="alert">
          <p>
            {load.message}{' '}
            <button type="button" className="button" onClick={load.retry}>
              Try again
            </button>
          </p>
        </div>
      ) : (
        !isDefault && (
          <p className={styles.loading} role="status">
            Loading the figures for the view you asked for{fallback ? '…' : '; the chart below is the previous view.'}
          </p>
        )
      )}
      {fallback}
    </>
  );
}
