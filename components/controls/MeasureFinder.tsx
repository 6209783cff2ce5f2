'use client';

import Link from 'next/link';
import { useEffect, useId, useMemo, useState } from 'react';
import { searchMeasures, type SearchableMeasure } from '@/lib/measure-search';
import styles from './MeasureFinder.module.css';

/**
 * A search box over the measure catalogue with the matching measures as links. Without
 * JavaScript every measure is listed and the box is not shown (it could not filter).
 */
export function MeasureFinder({ measures }: { measures: readonly SearchableMeasure[] }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const found = useMemo(() => searchMeasures(measures, query), [measures, query]);
  const groups = [...new Set(found.map((m) => m.group))];
  return (
    <div className={styles.finder}>
      {ready && (
        <search className={styles.search}>
          <label htmlFor={`${id}-q`} className={styles.label}>
            Search the measures
          </label>
          <input
            id={`${id}-q`}
            className={styles.input}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="e.g. section 47, care, caseload"
            autoComplete="off"
            aria-describedby={`${id}-count`}
          />
          <p id={`${id}-count`} className={styles.count} role="status">
            {query.trim() === '' ? `${measures.length} measures` : found.length === 0 ? `No measure matches “${query.trim()}”.` : `${found.length} of ${measures.length} measures match.`}
          </p>
        </search>
      )}
      <div className={styles.groups}>
        {groups.map((g) => (
          <section key={g} aria-label={g} className={styles.group}>
            <h3 className={styles.groupName}>{g}</h3>
            <ul className={styles.list}>
              {found
                .filter((m) => m.group === g)
                .map((m) => (
                  <li key={m.id}>
                    <Link href={`/measures/${m.id}/`}>{m.label}</Link>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
