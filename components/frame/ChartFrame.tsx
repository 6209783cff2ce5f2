'use client';

import type { ReactNode } from 'react';
import { ChartDescription, ShareKit, useOrigin } from '@/components/share/ShareKit';
import { absolute } from '@/lib/share/embed';
import { SITE_NAME } from '@/lib/site';
import { useFrameMode, useLinkTarget } from './FrameMode';
import { StaticPart } from './StaticPart';
import type { ChartShare } from '@/lib/share/types';
import { groupSources, groupTail } from '@/lib/explorer/describe';
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
  /** Whether the page lists every release under a Sources view (measure pages); area pages do not. */
  readonly sourcesListed?: boolean;
  /** Minimal chrome (embeds): no definition paragraph. */
  readonly compact?: boolean;
  /**
   * For frames whose words are fixed while the page is open (an area page's charts): the title,
   * definition and caption are kept as the build drew them, not hydrated, until this key changes
   * (give a new one whenever any of them would change, e.g. the year shown).
   */
  readonly textKey?: string;
}

/**
 * The one frame every chart sits in (DESIGN §5): title, definition and unit, the chart, the source
 * line, notes, and the actions. A <figure> so the title and source travel with the chart.
 */
export function ChartFrame({ id, title, definition, sources, rateNote, notes, share, actions, children, compact, sourcesListed = true, textKey }: ChartFrameProps) {
  const embed = useFrameMode() === 'embed';
  const linkTarget = useLinkTarget();
  const origin = useOrigin();
  // Words only (a link inside works as a plain link); an area page has a dozen frames.
  const words = (key: string, node: ReactNode) => (textKey === undefined ? node : <StaticPart key={`${key}-${textKey}`}>{node}</StaticPart>);
  return (
    <figure className={styles.frame} aria-labelledby={`${id}-title`} aria-describedby={share ? `${id}-desc` : undefined}>
      {words(
        'head',
        <>
          <h2 id={`${id}-title`} className={styles.title}>
            {title}
          </h2>
          {!compact && !embed && <p className={styles.definition}>{definition}</p>}
        </>,
      )}
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
        {words('caption', <CaptionWords id={id} sources={sources} rateNote={rateNote} notes={notes} share={share} sourcesListed={sourcesListed} linkTarget={linkTarget} />)}
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

/** The caption's words: the source line, the notes and the generated description. */
function CaptionWords({ id, sources, rateNote, notes, share, sourcesListed, linkTarget }: Pick<ChartFrameProps, 'id' | 'sources' | 'rateNote' | 'notes' | 'share'> & { readonly sourcesListed: boolean; readonly linkTarget: ReturnType<typeof useLinkTarget> }) {
  return (
    <>
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
              {groupTail(g, sourcesListed ? ' (listed under Sources)' : '')}
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
    </>
  );
}
