import type { ReactNode } from 'react';
import { groupSources } from '@/lib/explorer/describe';
import type { SourceRef } from '@/lib/explorer/types';
import styles from './ChartFrame.module.css';

export interface ChartFrameProps {
  readonly id: string;
  /** States the subject: measure, unit, areas, years. */
  readonly title: string;
  readonly definition: string;
  readonly sources: readonly SourceRef[];
  /** e.g. "Rates 2013 to 2025 computed here from counts and ONS populations; 2010 to 2012 as published by DfE." */
  readonly rateNote?: string;
  readonly notes?: readonly ReactNode[];
  /** Share/embed/download/cite actions, rendered under the title. */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  /** Minimal chrome (embeds): no definition paragraph. */
  readonly compact?: boolean;
}

/**
 * The one frame every chart sits in (DESIGN §5): title, definition and unit, the chart, the source
 * line, notes, and the actions. A <figure> so the title and source travel with the chart.
 */
export function ChartFrame({ id, title, definition, sources, rateNote, notes, actions, children, compact }: ChartFrameProps) {
  return (
    <figure className={styles.frame} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.title}>
        {title}
      </h2>
      {!compact && <p className={styles.definition}>{definition}</p>}
      {actions}
      <div className={styles.chart}>{children}</div>
      <figcaption className={styles.caption}>
        <p className={styles.source}>
          <span className={styles.sourceLabel}>Source:</span>{' '}
          {groupSources(sources).map((g, i) => {
            const latest = `${g.latest.release}${g.latest.table ? `, ${g.latest.table}` : ''}`;
            return (
              <span key={g.publication}>
                {i > 0 && '; '}
                {g.publication}, {g.latest.url ? <a href={g.latest.url}>{latest}</a> : latest}
                {g.count > 1 && ` and ${g.count - 1} earlier release${g.count > 2 ? 's' : ''} (listed under Sources)`}
              </span>
            );
          })}
          .{rateNote && <> {rateNote}</>}
        </p>
        {notes && notes.length > 0 && (
          <ul className={styles.notes}>
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
      </figcaption>
    </figure>
  );
}
