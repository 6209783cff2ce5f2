'use client';

import type { ReactNode } from 'react';
import type { IneqChart } from '@/lib/inequalities/state';
import { useIneq } from './IneqState';
import styles from './inequalities.module.css';

/**
 * "Table of the figures" under a chart: closed by default, and drawn only when opened (the table of
 * every council is long). The interactive chart passes the table; before it has loaded, opening
 * the table asks for it.
 */
export function TableDetails({ chart, summary, children }: { readonly chart: IneqChart; readonly summary: string; readonly children?: ReactNode }) {
  const { tables, setTable } = useIneq();
  const open = tables.has(chart);
  return (
    <details className={styles.tableDetails} open={open} onToggle={(e) => setTable(chart, e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && (children ?? <p role="status">Loading the table…</p>)}
    </details>
  );
}
