'use client';

import { memo, useId } from 'react';
import styles from './Select.module.css';

interface Props<T extends string> {
  readonly label: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: T;
  readonly onChange: (v: T) => void;
}

/** A labelled native select (keyboard, screen readers and phones' pickers work as usual). */
function SelectImpl<T extends string>({ label, options, value, onChange }: Props<T>) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select id={id} className={styles.select} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const Select = memo(SelectImpl) as typeof SelectImpl;
