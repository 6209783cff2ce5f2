'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { TrendCursor } from '@/components/charts/TrendChart';
import { LazyTrendChart } from '@/components/charts/lazy';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { StaticPart } from '@/components/frame/StaticPart';
import { useFrameMode } from '@/components/frame/FrameMode';
import { breaksInRange, chartBreaks } from '@/lib/explorer/breaks';
import { trendShare } from '@/lib/areas/share';
import type { ProfileTrend } from '@/lib/areas/trends';
import type { MeasureInfo } from '@/lib/areas/words';
import { rateNoteFromYears } from '@/lib/explorer/describe';
import type { SeriesBreak, SourceRef } from '@/lib/explorer/types';
import { formatRate, formatYearShort } from '@/lib/format';
import type { ChartShare } from '@/lib/share/types';

interface Props {
  readonly id: string;
  readonly measure: MeasureInfo;
  readonly definition: string;
  readonly unitLabel: string;
  readonly trend: ProfileTrend & { readonly link: string };
  readonly breaks: readonly SeriesBreak[];
  /** The releases of the figures drawn, by id. */
  readonly sources: Readonly<Record<string, SourceRef>>;
  /** Plain-text notes (code changes of the area). */
  readonly notes: readonly string[];
  readonly linkLabel: string;
}

/**
 * One small multiple of an area page: the measure's trend for the area, its region and England, in
 * the chart frame with the share kit; the cursor reads every line's figure by hover, touch or the
 * arrow keys, and the breaks in the series are drawn as on the measure page.
 */
export function TrendCard({ id, measure, definition, unitLabel, trend, breaks, sources, notes, linkLabel }: Props) {
  const { series, unit, link } = trend;
  const period = measure.period;
  // What the share kit shares is built here, from the figures drawn (not sent twice in the page).
  const share: ChartShare = useMemo(() => trendShare(measure, trend, breaks, sources), [measure, trend, breaks, sources]);
  const used = useMemo(() => trend.sourceIds.map((s) => sources[s]).filter((s): s is SourceRef => s !== undefined), [trend, sources]);
  const rateNote = rateNoteFromYears(new Set(trend.publishedRateYears), new Set(trend.computedRateYears));
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
      sources={used}
      rateNote={rateNote}
      share={share}
      // The notes change when a break's label is opened.
      textKey={activeBreak ?? ''}
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
      {/* Kept as the build drew it until it nears the screen or is pointed at: seven cards were most of an area page's hydration. Its code loads then (the drawing stays meanwhile). */}
      <StaticPart wakeNear>
        <LazyTrendChart
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
          // One layout: the grid keeps a card 19 to 36rem wide, where the 360-unit layout scales to 12-20 px text (three would triple the page).
          width={360}
        />
      </StaticPart>
    </ChartFrame>
  );
}
