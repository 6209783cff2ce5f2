'use client';

import { useMemo, useState } from 'react';
import { STATUS_LABEL, type Cell } from '@/lib/status';
import styles from './DataTable.module.css';

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly numeric?: boolean;
  /** How this column's numbers are written (default: the table's `format`). */
  readonly format?: (n: number) => string;
}

export interface Row {
  readonly key: string;
  /** Text or a figure per column key; a Cell shows its value or why it is missing. */
  readonly cells: Readonly<Record<string, string | number | Cell | undefined>>;
}

interface Props {
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  readonly format: (n: number) => string;
  readonly initialSort?: { key: string; dir: 'asc' | 'desc' };
}

const sortValue = (v: string | number | Cell | undefined): [number, number | string] => {
  if (v === undefined) return [2, 0];
  if (typeof v === 'number') return [0, v];
  if (typeof v === 'string') return [0, v];
  return v.kind === 'value' ? [0, v.value] : [1, v.status];
};

/**
 * A sortable table (buttons in the headers, aria-sort on the sorted column). Missing figures show
 * DfE's reason and code, and always sort after the figures.
 */
export function DataTable({ caption, columns, rows, format, initialSort }: Props) {
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    return [...rows].sort((a, b) => {
      const [ka, va] = sortValue(a.cells[sort.key]);
      const [kb, vb] = sortValue(b.cells[sort.key]);
      if (ka !== kb) return ka - kb;
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
      return sort.dir === 'asc' ? c : -c;
    });
  }, [rows, sort]);

  const show = (v: string | number | Cell | undefined, fmt: (n: number) => string = format) => {
    if (v === undefined) return <span className={styles.none}>no figure</span>;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return fmt(v);
    if (v.kind === 'value') return fmt(v.value);
    return (
      <span className={styles.missing}>
        {STATUS_LABEL[v.status]} <code>{v.status}</code>
      </span>
    );
  };

  return (
    <div className={styles.outer}>
    <p className={styles.caption} aria-hidden="true">
      {caption}
    </p>
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={`${caption} (scrollable table)`}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => {
              const dir = sort?.key === c.key ? sort.dir : undefined;
              return (
                <th key={c.key} scope="col" className={c.numeric ? styles.num : undefined} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}>
                  <button
                    type="button"
                    className={styles.sortButton}
                    onClick={() => setSort({ key: c.key, dir: dir === 'desc' ? 'asc' : dir === 'asc' ? 'desc' : c.numeric ? 'desc' : 'asc' })}
                  >
                    {c.label}
                    <span aria-hidden="true" className={styles.arrow}>
                      {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                    </span>
                    {i === 0 && <span className="visually-hidden"> (sort)</span>}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row">
                    {show(r.cells[c.key], c.format)}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? styles.num : undefined}>
                    {show(r.cells[c.key], c.format)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </div>
  );
}
