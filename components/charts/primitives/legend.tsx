import type { ReactNode } from 'react';
import type { ExportLegend, ExportLegendItem } from '@/lib/share/export';
import { markerPath, type SeriesStyle } from '../palette';
import base from './chart.module.css';

/**
 * The legend of a chart: an HTML list with swatches under the chart, and the same key as JSON in
 * `data-export-legend` for image downloads (lib/share/export.ts draws it as SVG). Both come from one
 * list of items, so the key on screen and the key in a PNG cannot disagree.
 */

export interface LegendItem extends ExportLegendItem {
  readonly key: string;
  /** A swatch drawn differently on screen (e.g. the quote glyph); the export draws line/marker/colour. */
  readonly swatch?: ReactNode;
  /** Richer label on screen (e.g. with <strong>); the export uses `label`. */
  readonly content?: ReactNode;
  /** On a line of its own under the list (long explanations, the "no figure" list of a map). */
  readonly block?: boolean;
}

/** A legend item for a line series: its line, dash and marker. */
export function lineItem(key: string, label: string, st: SeriesStyle): LegendItem {
  return { key, label, line: { colour: st.colour, dash: st.dash, width: st.width }, marker: { d: markerPath(st.marker, 15, 7, 3.8), fill: st.colour, stroke: '#fff', strokeWidth: 0.8 } };
}

/** A legend item for a marker alone (a dot of a dot plot or scatter). */
export function markerItem(key: string, label: string, st: Pick<SeriesStyle, 'colour' | 'marker'>, r = 5): LegendItem {
  return { key, label, marker: { d: markerPath(st.marker, 15, 7, r), fill: st.colour } };
}

/** The swatch of an item, as the export draws it: a 20×14 box for a fill or hatch, 30×14 for a line or marker. */
export function Swatch({ item, hatchId, defs }: { readonly item: ExportLegendItem; readonly hatchId?: string; readonly defs?: ReactNode }) {
  const fillOnly = (item.colour !== undefined || item.pattern !== undefined) && !item.line && !item.marker;
  if (fillOnly) {
    return (
      <svg className={base.swatch} width="20" height="14" viewBox="0 0 20 14" aria-hidden="true" focusable="false">
        {item.pattern === 'hatch' && defs && <defs>{defs}</defs>}
        <rect x={0.5} y={0.5} width={19} height={13} fill={item.pattern === 'hatch' && hatchId ? `url(#${hatchId})` : item.colour} stroke="#4d5661" strokeWidth={1} />
      </svg>
    );
  }
  return (
    <svg className={base.swatch} width="30" height="14" viewBox="0 0 30 14" aria-hidden="true" focusable="false">
      {item.colour && <rect x={5.5} y={0.5} width={19} height={13} fill={item.colour} stroke="#4d5661" strokeWidth={1} />}
      {item.line && <line x1="1" x2="29" y1="7" y2="7" stroke={item.line.colour} strokeWidth={item.line.width ?? 2} strokeDasharray={item.line.dash} />}
      {item.marker && <path d={item.marker.d} fill={item.marker.fill ?? 'none'} stroke={item.marker.stroke} strokeWidth={item.marker.strokeWidth} />}
    </svg>
  );
}

/** What goes into `data-export-legend` for these items. */
export function exportLegend(items: readonly LegendItem[], title?: string, note?: string): ExportLegend {
  return {
    ...(title ? { title } : {}),
    items: items.map(({ label, colour, pattern, line, marker, muted }) => ({ label, colour, pattern, line, marker, muted })),
    ...(note ? { note } : {}),
  };
}

export interface LegendProps {
  readonly items: readonly LegendItem[];
  /** Shown over the items ("Children looked after per 10,000 …"), and in the export. */
  readonly title?: string;
  /** A sentence under the items, in grey, and in the export. */
  readonly note?: string;
  /** Shown on screen only, after the note (e.g. a longer explanation). */
  readonly children?: ReactNode;
  /** id of a <pattern> for hatched swatches (the caller draws it, e.g. in `defs`). */
  readonly hatchId?: string;
  /** <defs> for the hatched swatch (the hatch pattern of id `hatchId`), drawn inside it. */
  readonly defs?: ReactNode;
  readonly id?: string;
  readonly className?: string;
  /** Accessible name of the list (default "Key"). */
  readonly listLabel?: string;
}

export function Legend({ items, title, note, children, hatchId, defs, id, className, listLabel = 'Key' }: LegendProps) {
  const inline = items.filter((i) => !i.block);
  const blocks = items.filter((i) => i.block);
  const label = (i: LegendItem) => i.content ?? <span>{i.label}</span>;
  return (
    <div className={`${base.legendBox} ${className ?? ''}`} id={id} data-export-legend={items.length ? JSON.stringify(exportLegend(items, title, note)) : undefined}>
      {title && <p className={base.legendTitle}>{title}</p>}
      {inline.length > 0 && (
        <ul className={base.legend} aria-label={listLabel}>
          {inline.map((i) => (
            <li key={i.key} className={i.muted ? base.legendMuted : undefined}>
              {i.swatch ?? <Swatch item={i} hatchId={hatchId} defs={defs} />}
              {label(i)}
            </li>
          ))}
        </ul>
      )}
      {blocks.map((i) => (
        <p key={i.key} className={`${base.legendBlock} ${i.muted ? base.legendMuted : ''}`}>
          {i.swatch ?? <Swatch item={i} hatchId={hatchId} defs={defs} />}
          {label(i)}
        </p>
      ))}
      {note && <p className={base.note}>{note}</p>}
      {children}
    </div>
  );
}
