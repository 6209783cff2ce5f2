'use client';

import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import styles from './YearSlider.module.css';

export interface YearSliderProps {
  /** The years to choose from, ascending. */
  readonly years: readonly number[];
  readonly value: number;
  readonly onChange: (year: number) => void;
  /** Visible label, e.g. "Year (on 31 March)". */
  readonly label: string;
  /** How a year is written: "31 March 2025", "2024-25". */
  readonly formatYear: (year: number) => string;
  /** Show a Play/Pause button that steps through the years. */
  readonly playable?: boolean;
}

/** Time each year stays on screen while playing. */
export const STEP_MS = 800;

/** The nearest position of `value` in `years` (years ascending). */
function indexOf(years: readonly number[], value: number): number {
  const i = years.indexOf(value);
  if (i >= 0) return i;
  let best = 0;
  for (let j = 1; j < years.length; j++) if (Math.abs(years[j]! - value) < Math.abs(years[best]! - value)) best = j;
  return best;
}

/**
 * The year for a position of the range input: itself when it has data; in a gap between years
 * (a year list need not be contiguous), the next year with data in the direction it moved.
 */
function yearFrom(years: readonly number[], wanted: number, from: number): number | undefined {
  if (years.includes(wanted)) return wanted;
  return wanted > from ? years.find((y) => y > wanted) : [...years].reverse().find((y) => y < wanted);
}

function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    const mq = window.matchMedia('(prefers-reduced-motion: reduce)');
    setReduced(mq.matches);
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

/**
 * Year control: a native range input (arrow keys, Page Up/Down, Home/End), the chosen year as text,
 * previous/next buttons and, when `playable`, Play/Pause. Play shows each year for STEP_MS and stops
 * at the latest year (pressed at the latest year, it starts again from the first). It never starts
 * by itself, whatever the motion preference, and any other use of the control stops it. Nothing is
 * animated: each step simply shows the next year.
 */
export function YearSlider({ years, value, onChange, label, formatYear, playable = false }: YearSliderProps) {
  const uid = useId();
  const inputId = `${uid}-range`;
  const hintId = `${uid}-hint`;
  const [playing, setPlaying] = useState(false);
  const reducedMotion = usePrefersReducedMotion();
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  /** The year Play last asked for: if `value` becomes something else, someone else changed it, so stop. */
  const expected = useRef<number | null>(null);

  const n = years.length;
  const idx = n === 0 ? -1 : indexOf(years, value);
  const prev = idx > 0 ? years[idx - 1] : undefined;
  const next = idx >= 0 && idx < n - 1 ? years[idx + 1] : undefined;

  useEffect(() => {
    if (!playing) return;
    if (expected.current !== null && expected.current !== value) {
      setPlaying(false);
      return;
    }
    const t = setTimeout(() => {
      const i = years.indexOf(value);
      if (i < 0 || i >= years.length - 1) {
        setPlaying(false);
        return;
      }
      expected.current = years[i + 1]!;
      onChangeRef.current(years[i + 1]!);
      if (i + 1 === years.length - 1) setPlaying(false);
    }, STEP_MS);
    return () => clearTimeout(t);
  }, [playing, value, years]);

  // Stop if the control goes away or the list of years changes.
  useEffect(() => () => setPlaying(false), [years]);

  const choose = (year: number | undefined) => {
    setPlaying(false);
    if (year !== undefined && year !== value) onChange(year);
  };

  const togglePlay = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (n < 2) return;
    if (idx >= n - 1) {
      expected.current = years[0]!;
      onChange(years[0]!);
    } else expected.current = value;
    setPlaying(true);
  };

  if (n === 0) return null;
  const first = years[0]!;
  const last = years[n - 1]!;

  return (
    <div className={styles.slider} role="group" aria-labelledby={`${uid}-label`}>
      <div className={styles.head}>
        <label id={`${uid}-label`} htmlFor={inputId} className={styles.label}>
          {label}
        </label>
        <output htmlFor={inputId} className={styles.value} aria-live={playing ? 'polite' : 'off'}>
          {formatYear(years[idx]!)}
        </output>
      </div>
      <div className={styles.row}>
        <button
          type="button"
          className={styles.step}
          onClick={() => prev !== undefined && choose(prev)}
          aria-disabled={prev === undefined}
          aria-label={prev === undefined ? 'Previous year (this is the first)' : `Previous year: ${formatYear(prev)}`}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <div className={styles.track}>
          {/* The input's value is the year itself (not its position), and its text the year as DfE labels it, so both read as a year. */}
          <input
            id={inputId}
            className={styles.range}
            type="range"
            min={first}
            max={last}
            step={1}
            value={years[idx]!}
            aria-valuetext={formatYear(years[idx]!)}
            onChange={(e: ChangeEvent<HTMLInputElement>) => choose(yearFrom(years, Number(e.currentTarget.value), years[idx]!))}
            onKeyDown={() => setPlaying(false)}
            onPointerDown={() => setPlaying(false)}
          />
          <div className={styles.ends} aria-hidden="true">
            <span>{formatYear(first)}</span>
            <span>{formatYear(last)}</span>
          </div>
        </div>
        <button
          type="button"
          className={styles.step}
          onClick={() => next !== undefined && choose(next)}
          aria-disabled={next === undefined}
          aria-label={next === undefined ? 'Next year (this is the latest)' : `Next year: ${formatYear(next)}`}
        >
          <span aria-hidden="true">›</span>
        </button>
        {playable && (
          <button type="button" className={styles.play} onClick={togglePlay} aria-describedby={hintId} disabled={n < 2}>
            <span aria-hidden="true" className={styles.icon}>
              {playing ? '❚❚' : '▶'}
            </span>
            {playing ? 'Pause' : idx >= n - 1 ? 'Play from start' : 'Play'}
          </button>
        )}
      </div>
      {playable && (
        <p id={hintId} className={styles.hint}>
          Play shows each year in turn, {STEP_MS / 1000} seconds apart, and stops at {formatYear(last)}; any other use of this control stops it.
          {reducedMotion ? ' Your device asks for reduced motion: years change only after you press Play, with no animation.' : ''}
        </p>
      )}
    </div>
  );
}
