'use client';

import type { ReactNode } from 'react';
import { ChartDescription, ShareKit, useOrigin } from '@/components/share/ShareKit';
import { absolute } from '@/lib/share/embed';
import { SITE_NAME } from '@/lib/site';
import { useFrameMode, useLinkTarget } from './FrameMode';
import type { ChartShare } from '@/lib/share/types';
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
  /** What the share kit shares (permalink, embed, downloads, citations, description). */
  readonly share?: ChartShare;
  /** Embeds: no share actions, but the description and a link back are kept. */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  /** Minimal chrome (embeds): no definition paragraph. */
  readonly compact?: boolean;
}

/**
 * The one frame every chart sits in (DESIGN §5): title, definition and unit, the chart, the source
 * line, notes, and the actions. A <figure> so the title and source travel with the chart.
 */
export function ChartFrame({ id, title, definition, sources, rateNote, notes, share, actions, children, compact }: ChartFrameProps) {
  const embed = useFrameMode() === 'embed';
  const linkTarget = useLinkTarget();
  const origin = useOrigin();
  return (
    <figure className={styles.frame} aria-labelledby={`${id}-title`} aria-describedby={share ? `${id}-desc` : undefined}>
      <h2 id={`${id}-title`} className={styles.title}>
        {title}
      </h2>
      {!compact && !embed && <p className={styles.definition}>{definition}</p>}
      {share && !compact && !embed && (
        <div className="needs-js">
          <ShareKit share={share} chartId={`${id}-chart`} />
        </div>
      )}
      {actions}
      <div className={styles.chart} id={`${id}-chart`}>
        {children}
      </div>
      <figcaption className={styles.caption}>
        <p className={styles.source}>
          <span className={styles.sourceLabel}>Source:</span>{' '}
          {groupSources(sources).map((g, i) => {
            const latest = `${g.latest.release}${g.latest.table ? `, ${g.latest.table}` : ''}`;
            return (
              <span key={g.publication}>
                {i > 0 && '; '}
                {g.publication}, {g.latest.url ? (
                  <a href={g.latest.url} {...linkTarget}>
                    {latest}
                  </a>
                ) : (
                  latest
                )}
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
        {share && <ChartDescription id={`${id}-desc`} text={share.description} noun={share.noun} />}
        {share && embed && (
          <p className={styles.back}>
            <a href={absolute(share.path, origin)} {...linkTarget}>
              Open this {share.noun ?? 'chart'} in {SITE_NAME}
            </a>{' '}
            (explore, download, cite)
          </p>
        )}
      </figcaption>
    </figure>
  );
}
