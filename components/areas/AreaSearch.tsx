'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { answerPostcode, postcodeFileNeeded, searchEntries, type PostcodeAnswer, type SearchEntry } from '@/lib/areas/find';
import { classifyPostcode, type AreaFile } from '@/lib/areas/postcodes';
import styles from './AreaSearch.module.css';

interface Props {
  readonly entries: readonly SearchEntry[];
  /** Postcode areas with a lookup file (/postcodes/{AREA}.json). */
  readonly postcodeAreas: readonly string[];
}

const files = new Map<string, Promise<AreaFile>>();
function loadArea(area: string): Promise<AreaFile> {
  let p = files.get(area);
  if (!p) {
    p = fetch(`/postcodes/${area}.json`).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<AreaFile>;
    });
    p.catch(() => files.delete(area));
    files.set(area, p);
  }
  return p;
}

const href = (code: string) => `/areas/${code}/`;

/**
 * Find a council: by name, region word, district or town, GSS code, or postcode. Results are links;
 * Enter goes to the first. A postcode's lookup file (a few kB for its postcode area) is fetched only
 * when the box holds something that looks like a postcode.
 */
export function AreaSearch({ entries, postcodeAreas }: Props) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{ for: string; answer: PostcodeAnswer | undefined; error?: string } | undefined>();
  const known = useMemo(() => new Set(postcodeAreas), [postcodeAreas]);
  const nameOf = useMemo(() => {
    const m = new Map(entries.filter((e) => e.target && e.kind !== 'district').map((e) => [e.target!, e.name]));
    return (c: string) => m.get(c);
  }, [entries]);
  const pc = useMemo(() => classifyPostcode(query), [query]);
  const results = useMemo(() => (pc.kind === 'none' ? searchEntries(entries, query) : undefined), [entries, query, pc]);
  const latest = useRef(query);
  latest.current = query;

  useEffect(() => {
    if (pc.kind === 'none') return;
    const area = postcodeFileNeeded(pc, known);
    if (!area) {
      setAnswer({ for: query, answer: answerPostcode(pc, undefined, nameOf) });
      return;
    }
    const t = window.setTimeout(() => {
      loadArea(area)
        .then((f) => {
          if (latest.current === query) setAnswer({ for: query, answer: answerPostcode(pc, f, nameOf) });
        })
        .catch(() => {
          if (latest.current === query) setAnswer({ for: query, answer: undefined, error: 'The postcode lookup could not be loaded. Check your connection and try again, or search by name.' });
        });
    }, 150);
    return () => window.clearTimeout(t);
  }, [pc, query, known, nameOf]);

  const shownAnswer = pc.kind !== 'none' && answer?.for === query ? answer : undefined;
  const first = results ? [...results.councils, ...results.regions, ...results.places, ...results.former].find((e) => e.target) : shownAnswer?.answer && 'links' in shownAnswer.answer ? { target: shownAnswer.answer.links[0]?.code } : undefined;
  const status =
    query.trim() === ''
      ? ''
      : results
        ? results.total === 0
          ? 'No council, region, town or district matches. Try part of the name, or a postcode.'
          : `${results.total} ${results.total === 1 ? 'match' : 'matches'}.`
        : shownAnswer
          ? (shownAnswer.error ?? shownAnswer.answer?.text ?? '')
          : 'Looking up the postcode…';

  const group = (title: string, list: readonly SearchEntry[]) =>
    list.length > 0 && (
      <div className={styles.group}>
        <h2 className={styles.groupTitle}>{title}</h2>
        <ul className={styles.results}>
          {list.map((e) => (
            <li key={`${e.kind}-${e.code}`}>
              {e.target ? <a href={href(e.target)}>{e.name}</a> : <span className={styles.abroad}>{e.name}</span>}
              {e.hint && <span className={styles.hint}> {e.hint}</span>}
              {e.kind === 'abroad' && e.nation && <span className={styles.hint}>: this site covers England</span>}
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <div className={styles.search}>
      <form
        role="search"
        aria-label="Find a council"
        onSubmit={(e) => {
          e.preventDefault();
          if (first?.target) window.location.assign(href(first.target));
        }}
      >
        <label htmlFor={`${id}-q`} className={styles.label}>
          Find a council
        </label>
        <p id={`${id}-help`} className={styles.help}>
          A council or region, a town or district (e.g. Harrogate), or a postcode (FY1 1AA, or just FY1).
        </p>
        <div className={styles.row}>
          <input
            id={`${id}-q`}
            className={styles.input}
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-help ${id}-status`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit" className="button">
            Go
          </button>
        </div>
      </form>
      <p id={`${id}-status`} className={styles.status} role="status" aria-live="polite" data-testid="search-status">
        {status}
      </p>
      {results && (
        <div data-testid="search-results">
          {group('Regions', results.regions)}
          {group('Councils', results.councils)}
          {group('Towns and districts', results.places)}
          {group('Former councils', results.former)}
        </div>
      )}
      {shownAnswer?.answer && 'links' in shownAnswer.answer && shownAnswer.answer.links.length > 0 && (
        <ul className={styles.results} data-testid="postcode-results">
          {shownAnswer.answer.links.map((l) => (
            <li key={l.code}>
              <a href={href(l.code)}>{l.name}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
