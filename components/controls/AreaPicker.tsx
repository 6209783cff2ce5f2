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
  /** Where an area's profile page is: each chosen area then links to it. */
  readonly profileHref?: (code: string) => string;
  readonly label?: string;
  /** Placeholder of the empty input (default: councils or regions). */
  readonly placeholder?: string;
  /** The help line under the input (default: "Up to 8 areas, shown with England…"). */
  readonly help?: string;
}

/** Matches listed at once; the rest are counted ("and 3 more"). */
const LISTED = 10;

/**
 * Type-ahead area picker (ARIA 1.2 combobox with a listbox popup): type part of a name, move with
 * the arrow keys, Enter adds; chosen areas are listed with a remove button each.
 */
function AreaPickerImpl({ areas, selected, max, onAdd, onRemove, profileHref, label = 'Compare with', placeholder = 'Type a council or region, e.g. Black', help }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const byCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const exclude = useMemo(() => new Set(selected), [selected]);
  const matches = useMemo(() => searchAreas(areas, query, { exclude, limit: Infinity }), [areas, query, exclude]);
  const results = matches.slice(0, LISTED);
  const full = selected.length >= max;
  const listId = `${id}-list`;
  const optId = (i: number) => `${id}-opt-${i}`;
  const typed = query.trim();
  const expanded = open && typed !== '' && !full && results.length > 0;
  const noMatch = typed !== '' && !full && matches.length === 0;
  const more = matches.length - results.length;
  // Announced to screen readers as the list changes; shown when nothing matched.
  const status = noMatch
    ? `No area matches “${typed.length > 40 ? `${typed.slice(0, 40)}…` : typed}”. Try part of a council or region name, or a GSS code such as E06000009.`
    : expanded
      ? `${matches.length} ${matches.length === 1 ? 'area matches' : 'areas match'}${more > 0 ? `; the first ${results.length} are listed, type more of the name to narrow them` : ''}.`
      : '';

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
          placeholder={full ? `At most ${max} areas` : placeholder}
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
        <div className={styles.popup} hidden={!expanded}>
          <ul id={listId} role="listbox" aria-label="Matching areas" className={styles.list}>
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
          </ul>
          {more > 0 && (
            <p className={styles.more} aria-hidden="true">
              and {more} more: type more of the name
            </p>
          )}
        </div>
      </div>
      <p className={noMatch ? styles.noMatch : 'visually-hidden'} role="status" aria-live="polite">
        {status}
      </p>
      <p id={`${id}-help`} className={styles.help}>
        {full ? `${max} areas chosen: remove one to add another.` : (help ?? `Up to ${max} areas, shown with England. Arrow keys to choose, Enter to add.`)}
      </p>
      {selected.length > 0 && (
        <ul className={styles.chips} aria-label="Areas compared">
          {selected.map((code) => {
            const a = byCode.get(code);
            return (
              <li key={code} className={styles.chip}>
                {profileHref ? (
                  <a href={profileHref(code)} className={styles.chipLink} aria-label={`${a?.name ?? code}: profile`}>
                    {a?.name ?? code}
                  </a>
                ) : (
                  <span>{a?.name ?? code}</span>
                )}
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
