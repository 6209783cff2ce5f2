import { figureHeadline } from '@/lib/inequalities/describe';
import type { PublishedFigure } from '@/lib/inequalities/types';
import styles from './PublishedFigures.module.css';

/**
 * CWIP's published ratios and "1 in N" figures, each as worded, with its citation and how firm it
 * is (server-rendered: plain text and links, no JavaScript).
 */
export function PublishedFigures({ figures, headingLevel = 3 }: { readonly figures: readonly PublishedFigure[]; readonly headingLevel?: 3 | 4 | 5 }) {
  const H = `h${headingLevel}` as const;
  return (
    <ul className={styles.figures}>
      {figures.map((f) => (
        <li key={f.key} className={styles.figure} data-figure={f.key}>
          <H className={styles.head}>
            <span className={styles.big}>{figureHeadline(f)}</span> <span className={styles.what}>{whatOf(f)}</span>
          </H>
          <p className={styles.cite}>
            {f.url ? <a href={f.url}>{f.source}</a> : f.source}
          </p>
          <details className={styles.more}>
            <summary>Wording and how firm</summary>
            <blockquote className={styles.quote}>
              <p>&ldquo;{f.valueAsStated}&rdquo;</p>
            </blockquote>
            <p className={styles.certainty}>
              {f.location ? `Where: ${f.location}. ` : ''}
              {sourceKind(f.sourceType)}
            </p>
            <p className={styles.certainty}>
              <span className={styles.label}>How firm:</span> {f.certainty}.{f.notes ? ` ${f.notes}` : ''}
            </p>
          </details>
        </li>
      ))}
    </ul>
  );
}

function whatOf(f: PublishedFigure): string {
  const year = f.year ? `, ${f.year}` : '';
  return `${f.country}: ${f.measure}, ${f.neighbourhoods}${year}${f.label && f.label !== 'per decile step' ? ` (${f.label})` : ''}`;
}

function sourceKind(t: string): string {
  if (!t) return '';
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}.`;
}
