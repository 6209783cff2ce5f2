import { useId } from 'react';
import { HatchPattern, Legend, type LegendItem } from './primitives';
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

/**
 * The key to a choropleth: one swatch and label per class, and a hatched swatch naming the councils
 * without a figure. Built on the Legend primitive, which also writes the same key for image downloads.
 */
export function MapLegend({ title, labels, colours, missing, note, id }: MapLegendProps) {
  const hatch = `${useId().replace(/[^a-zA-Z0-9_-]/g, '')}-hatch`;
  const count = missing.length > 0 ? ` (${missing.length})` : '';
  const items: LegendItem[] = [
    ...labels.map((label, i) => ({ key: `bin-${i}`, label, colour: colours[i] })),
    {
      key: 'missing',
      label: `No figure${count}: ${missingText(missing)}`,
      pattern: 'hatch' as const,
      block: true,
      content: (
        <span>
          <strong>No figure{count}:</strong> {missingText(missing)}
        </span>
      ),
    },
  ];
  return <Legend id={id} className={styles.legend} title={title} items={items} note={note} hatchId={hatch} defs={<HatchPattern id={hatch} />} listLabel="Colour key" />;
}
