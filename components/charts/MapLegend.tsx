import { useId } from 'react';
import type { ExportLegend } from '@/lib/share/export';
import { HatchPattern } from './AreaMap';
import styles from './MapLegend.module.css';

export interface MissingArea {
  readonly name: string;
  /** Why there is no figure, e.g. "not available", "low reliability", "no figure published". */
  readonly reason: string;
}

export interface MapLegendProps {
  /** What the colours measure, e.g. "Children looked after per 10,000 children aged 0 to 17". */
  readonly title: string;
  /** One label per class ("under 45", …, "90 and over"), as from lib/stats/bins. */
  readonly labels: readonly string[];
  readonly colours: readonly string[];
  /** Councils drawn hatched in this year, with their reasons. */
  readonly missing: readonly MissingArea[];
  /** e.g. "The same bands in every year, 2010 to 2025." */
  readonly note?: string;
  /** id for aria-describedby from the maps. */
  readonly id?: string;
}

/** "Hackney: not available; Isles of Scilly: suppressed", or grouped by reason when there are many. */
export function missingText(missing: readonly MissingArea[]): string {
  if (missing.length === 0) return 'none this year';
  if (missing.length <= 4) return missing.map((m) => `${m.name}: ${m.reason}`).join('; ');
  const byReason = new Map<string, string[]>();
  for (const m of missing) {
    if (!byReason.has(m.reason)) byReason.set(m.reason, []);
    byReason.get(m.reason)!.push(m.name);
  }
  return [...byReason].map(([reason, names]) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}: ${names.join(', ')}`).join('. ');
}

/** The key to a choropleth: one swatch and label per class, and a hatched swatch naming the councils without a figure. */
export function MapLegend({ title, labels, colours, missing, note, id }: MapLegendProps) {
  const hatch = `${useId().replace(/[^a-zA-Z0-9_-]/g, '')}-hatch`;
  return (
    <div
      className={styles.legend}
      id={id}
      // The same key for image downloads (lib/share/export.ts draws it as SVG).
      data-export-legend={JSON.stringify({
        title,
        items: [
          ...labels.map((label, i) => ({ label, colour: colours[i] })),
          { label: `No figure${missing.length > 0 ? ` (${missing.length})` : ''}: ${missingText(missing)}`, pattern: 'hatch' },
        ],
        note,
      } satisfies ExportLegend)}
    >
      <p className={styles.title}>{title}</p>
      <ul className={styles.bins}>
        {labels.map((label, i) => (
          <li key={i}>
            <svg className={styles.swatch} viewBox="0 0 20 14" aria-hidden="true" focusable="false">
              <rect x={0.5} y={0.5} width={19} height={13} fill={colours[i]} />
            </svg>
            <span>{label}</span>
          </li>
        ))}
      </ul>
      <p className={styles.missing}>
        <svg className={styles.swatch} viewBox="0 0 20 14" aria-hidden="true" focusable="false">
          <defs>
            <HatchPattern id={hatch} />
          </defs>
          <rect x={0.5} y={0.5} width={19} height={13} fill={`url(#${hatch})`} />
        </svg>
        <span>
          <strong>No figure{missing.length > 0 ? ` (${missing.length})` : ''}:</strong> {missingText(missing)}
        </span>
      </p>
      {note && <p className={styles.note}>{note}</p>}
    </div>
  );
}
