'use client';

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { STATUS_LABEL, type Cell } from '@/lib/status';
import styles from './DataTable.module.css';

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly numeric?: boolean;
  /** Footnote marks shown after the label (e.g. a break in the series), explained under the table. */
  readonly marks?: readonly string[];
  /** How this column's numbers are written (default: the table's `format`). */
  readonly format?: (n: number) => string;
}

export interface Row {
  readonly key: string;
  /** Text or a figure per column key; a Cell shows its value or why it is missing. */
  readonly cells: Readonly<Record<string, string | number | Cell | undefined>>;
}

export interface CellRef {
  readonly row: string;
  readonly col: string;
}

interface Props {
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  readonly format: (n: number) => string;
  readonly initialSort?: { key: string; dir: 'asc' | 'desc' };
  /** Print the caption above the table (default); off when a frame's title already states it. */
  readonly captionVisible?: boolean;
  /** Screen-reader text for a column's marks, e.g. "before a break in the series: see note * under the table". */
  readonly marksLabel?: (marks: readonly string[]) => string;
  /** Figure cells can be selected (click, tap, or arrow keys: one tab stop for all of them). */
  readonly selected?: CellRef;
  readonly onSelect?: (cell: CellRef) => void;
  /** Embeds: the table scrolls inside a fixed height, so the source under it stays in view. */
  readonly bounded?: boolean;
  /** A link for a row's name (an area's profile page), if it has one. */
  readonly rowHref?: (rowKey: string) => string | undefined;
}

const sortValue = (v: string | number | Cell | undefined): [number, number | string] => {
  if (v === undefined) return [2, 0];
  if (typeof v === 'number') return [0, v];
  if (typeof v === 'string') return [0, v];
  return v.kind === 'value' ? [0, v.value] : [1, v.status];
};

/**
 * A sortable table (buttons in the headers, aria-sort on the sorted column). The first column (the
 * row's name) stays in view while the others scroll sideways. Missing figures show DfE's reason
 * and code, and always sort after the figures.
 */
export function DataTable({ caption, columns, rows, format, initialSort, captionVisible = true, marksLabel, selected, onSelect, bounded, rowHref }: Props) {
  const [sort, setSort] = useState(initialSort);
  const wrap = useRef<HTMLDivElement>(null);
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

  const figureCols = columns.filter((c) => c.numeric).map((c) => c.key);
  const selectable = onSelect !== undefined && figureCols.length > 0 && sorted.length > 0;
  // The one cell in the tab order: the selected one, or the first figure.
  const tabStop: CellRef | undefined = selectable
    ? selected && sorted.some((r) => r.key === selected.row) && figureCols.includes(selected.col)
      ? selected
      : { row: sorted[0]!.key, col: figureCols[0]! }
    : undefined;

  const focusCell = (ref: CellRef) => {
    const box = wrap.current;
    const td = box?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(`${ref.row}|${ref.col}`)}"]`);
    if (!box || !td) return;
    td.focus({ preventScroll: true });
    // Keep the cell clear of the sticky name column and the box's edges.
    const b = box.getBoundingClientRect();
    const r = td.getBoundingClientRect();
    const name = box.querySelector('tbody th')?.getBoundingClientRect().width ?? 0;
    if (r.left < b.left + name) box.scrollLeft -= b.left + name - r.left + 4;
    else if (r.right > b.right) box.scrollLeft += r.right - b.right + 4;
    if (r.top < b.top + 40 || r.bottom > b.bottom) td.scrollIntoView({ block: 'nearest' });
  };

  const onKey = (e: KeyboardEvent<HTMLTableCellElement>, ref: CellRef) => {
    const ri = sorted.findIndex((r) => r.key === ref.row);
    const ci = figureCols.indexOf(ref.col);
    let next: CellRef | undefined;
    if (e.key === 'ArrowRight') next = { row: ref.row, col: figureCols[Math.min(ci + 1, figureCols.length - 1)]! };
    else if (e.key === 'ArrowLeft') next = { row: ref.row, col: figureCols[Math.max(ci - 1, 0)]! };
    else if (e.key === 'ArrowDown') next = { row: sorted[Math.min(ri + 1, sorted.length - 1)]!.key, col: ref.col };
    else if (e.key === 'ArrowUp') next = { row: sorted[Math.max(ri - 1, 0)]!.key, col: ref.col };
    else if (e.key === 'Home') next = e.ctrlKey ? { row: sorted[0]!.key, col: figureCols[0]! } : { row: ref.row, col: figureCols[0]! };
    else if (e.key === 'End') next = e.ctrlKey ? { row: sorted[sorted.length - 1]!.key, col: figureCols[figureCols.length - 1]! } : { row: ref.row, col: figureCols[figureCols.length - 1]! };
    if (!next) return;
    e.preventDefault();
    onSelect?.(next);
    focusCell(next);
  };

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
      {captionVisible && (
        <p className={styles.caption} aria-hidden="true">
          {caption}
        </p>
      )}
      <div ref={wrap} className={bounded ? `${styles.wrap} ${styles.bounded}` : styles.wrap} tabIndex={selectable ? undefined : 0} role="region" aria-label={`${caption} (scrollable table)`}>
        <table className={styles.table}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => {
                const dir = sort?.key === c.key ? sort.dir : undefined;
                const marked = c.marks && c.marks.length > 0;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={[c.numeric ? styles.num : '', marked ? styles.beforeBreak : '', i === 0 ? styles.sticky : ''].filter(Boolean).join(' ') || undefined}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                  >
                    <button
                      type="button"
                      className={styles.sortButton}
                      onClick={() => setSort({ key: c.key, dir: dir === 'desc' ? 'asc' : dir === 'asc' ? 'desc' : c.numeric ? 'desc' : 'asc' })}
                    >
                      <span>
                        {c.label}
                        {marked && (
                          <>
                            <sup className={styles.mark} aria-hidden="true">
                              {c.marks!.join('')}
                            </sup>
                            {marksLabel && <span className="visually-hidden"> ({marksLabel(c.marks!)})</span>}
                          </>
                        )}
                      </span>
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
                {columns.map((c, i) => {
                  if (i === 0)
                    return (
                      <th key={c.key} scope="row" className={styles.sticky}>
                        {rowHref?.(r.key) ? <a href={rowHref(r.key)}>{show(r.cells[c.key], c.format)}</a> : show(r.cells[c.key], c.format)}
                      </th>
                    );
                  const cls = [c.numeric ? styles.num : '', c.marks && c.marks.length > 0 ? styles.beforeBreak : ''];
                  if (!selectable || !c.numeric) return <td key={c.key} className={cls.filter(Boolean).join(' ') || undefined}>{show(r.cells[c.key], c.format)}</td>;
                  const ref = { row: r.key, col: c.key };
                  const isSelected = selected?.row === r.key && selected.col === c.key;
                  if (isSelected) cls.push(styles.selected);
                  return (
                    <td
                      key={c.key}
                      data-cell={`${r.key}|${c.key}`}
                      className={cls.filter(Boolean).join(' ')}
                      tabIndex={tabStop?.row === r.key && tabStop.col === c.key ? 0 : -1}
                      onClick={() => onSelect!(ref)}
                      onFocus={() => !isSelected && onSelect!(ref)}
                      onKeyDown={(e) => onKey(e, ref)}
                    >
                      {show(r.cells[c.key], c.format)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
