'use client';

import { memo, useId, useMemo, useRef, useState } from 'react';
import { searchAreas, type Searchable } from '@/lib/search';
import styles from './AreaPicker.module.css';

export interface PickerArea extends Searchable {
  /** e.g. "London", "to 2021", "from 2024": shown after the name to tell councils apart. */
  readonly hint?: string;
}

interface Props {
  readonly areas: readonly PickerArea[];
  readonly selected: readonly string[];
  readonly max: number;
  readonly onAdd: (code: string) => void;
  readonly onRemove: (code: string) => void;
  readonly label?: string;
}

/**
 * Type-ahead area picker (ARIA 1.2 combobox with a listbox popup): type part of a name, move with
 * the arrow keys, Enter adds; chosen areas are listed with a remove button each.
 */
function AreaPickerImpl({ areas, selected, max, onAdd, onRemove, label = 'Compare with' }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const byCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const exclude = useMemo(() => new Set(selected), [selected]);
  const results = useMemo(() => searchAreas(areas, query, { exclude, limit: 8 }), [areas, query, exclude]);
  const full = selected.length >= max;
  const listId = `${id}-list`;
  const optId = (i: number) => `${id}-opt-${i}`;
  const expanded = open && query.trim() !== '' && !full;

  const choose = (a: PickerArea | undefined) => {
    if (!a) return;
    onAdd(a.code);
    setQuery('');
    setActive(0);
    setOpen(false);
    input.current?.focus();
  };

  return (
    <div className={styles.picker}>
      <label htmlFor={`${id}-input`} className={styles.label}>
        {label}
      </label>
      <div className={styles.comboWrap}>
        <input
          ref={input}
          id={`${id}-input`}
          className={styles.input}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder={full ? `At most ${max} areas` : 'Type a council or region, e.g. Black'}
          disabled={full}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && results[active] ? optId(active) : undefined}
          aria-describedby={`${id}-help`}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((i) => Math.min(i + 1, results.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (e.key === 'Enter') {
              if (expanded) {
                e.preventDefault();
                choose(results[active]);
              }
            } else if (e.key === 'Escape') {
              setOpen(false);
              if (!expanded) setQuery('');
            }
          }}
        />
        <ul id={listId} role="listbox" aria-label="Matching areas" className={styles.list} hidden={!expanded}>
          {results.map((a, i) => (
            <li
              key={a.code}
              id={optId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? `${styles.option} ${styles.active}` : styles.option}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(a)}
              onMouseMove={() => setActive(i)}
            >
              {a.name}
              {a.hint && <span className={styles.hint}> {a.hint}</span>}
            </li>
          ))}
          {results.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled="true" className={styles.none}>
              No council or region matches
            </li>
          )}
        </ul>
      </div>
      <p id={`${id}-help`} className={styles.help}>
        {full ? `${max} areas chosen: remove one to add another.` : `Up to ${max} areas, shown with England. Arrow keys to choose, Enter to add.`}
      </p>
      {selected.length > 0 && (
        <ul className={styles.chips} aria-label="Areas compared">
          {selected.map((code) => {
            const a = byCode.get(code);
            return (
              <li key={code} className={styles.chip}>
                <span>{a?.name ?? code}</span>
                <button type="button" className={styles.remove} onClick={() => onRemove(code)} aria-label={`Remove ${a?.name ?? code}`}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Memoised: it re-renders only when its areas, selection or callbacks change. */
export const AreaPicker = memo(AreaPickerImpl);
