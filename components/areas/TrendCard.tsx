'use client';

import Link from 'next/link';
import { useState } from 'react';
import { breaksInRange, TrendChart, type TrendCursor } from '@/components/charts/TrendChart';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { useFrameMode } from '@/components/frame/FrameMode';
import { chartBreaks } from '@/lib/explorer/breaks';
import type { Series, SeriesBreak, SourceRef } from '@/lib/explorer/types';
import { formatRate, formatYearShort } from '@/lib/format';
import type { PeriodType } from '@/lib/schema/tables';
import type { ChartShare } from '@/lib/share/types';

interface Props {
  readonly id: string;
  readonly definition: string;
  readonly period: PeriodType;
  readonly unit: 'rate' | 'count';
  readonly unitLabel: string;
  readonly series: readonly Series[];
  readonly breaks: readonly SeriesBreak[];
  readonly sources: readonly SourceRef[];
  readonly rateNote: string | undefined;
  /** Plain-text notes (code changes of the area). */
  readonly notes: readonly string[];
  /** The measure's full chart with this area selected. */
  readonly link: string;
  readonly linkLabel: string;
  readonly share: ChartShare;
}

/**
 * One small multiple of an area page: the measure's trend for the area, its region and England, in
 * the chart frame with the share kit; the cursor reads every line's figure by hover, touch or the
 * arrow keys, and the breaks in the series are drawn as on the measure page.
 */
export function TrendCard({ id, definition, period, unit, unitLabel, series, breaks, sources, rateNote, notes, link, linkLabel, share }: Props) {
  const [cursor, setCursor] = useState<TrendCursor | null>(null);
  const [activeBreak, setActiveBreak] = useState<string | null>(null);
  const embed = useFrameMode() === 'embed';
  const years = series.flatMap((s) => s.points.map((p) => p.year));
  const from = Math.min(...years);
  const to = Math.max(...years);
  const drawn = breaksInRange(chartBreaks(breaks, unit), from, to);
  const open = drawn.find((b) => b.id === activeBreak);
  const span = (y: number) => `${formatYearShort(period, y - 1)} to ${formatYearShort(period, y)}`;
  return (
    <ChartFrame
      sourcesListed={false}
      id={id}
      title={share.title}
      definition={definition}
      sources={sources}
      rateNote={rateNote}
      share={share}
      notes={[
        ...(open
          ? [
              <span key="open" aria-live="polite">
                <strong>Break in the series, {span(open.year)}:</strong> {open.note} {open.advice}
              </span>,
            ]
          : drawn.length
            ? [
                <span key="breaks">
                  <strong>Break{drawn.length > 1 ? 's' : ''} in the series:</strong> {drawn.map((b) => `${span(b.year)} (${b.label.toLowerCase()})`).join('; ')}. The label{drawn.length > 1 ? 's' : ''} on the chart open{drawn.length > 1 ? '' : 's'} the note.
                </span>,
              ]
            : []),
        ...notes.map((n) => <span key={n}>{n}</span>),
        ...(embed
          ? []
          : [
              <Link key="full" href={link}>
                {linkLabel}
              </Link>,
            ]),
      ]}
    >
      <TrendChart
        series={series}
        unitLabel={unitLabel}
        period={period}
        from={from}
        to={to}
        formatValue={formatRate}
        cursor={cursor}
        onCursorChange={setCursor}
        breaks={drawn}
        activeBreak={activeBreak}
        onBreakActivate={setActiveBreak}
        titleId={`${id}-title`}
      />
    </ChartFrame>
  );
}
