'use client';

import { useState } from 'react';
import { breakSentence, TrendChart } from '@/components/charts/TrendChart';
import { ChartFrame } from '@/components/frame/ChartFrame';
import type { ClaimTrend } from '@/lib/claims/view';
import { formatCount, formatRate } from '@/lib/format';

/**
 * The series a claim speaks of, with the claimed years shaded, in the chart frame with the full
 * share kit (link, embed, downloads, citations, description). Interactive like the measure pages'
 * chart: the cursor reads every line at a year.
 */
export function ClaimTrendView({ chart, countUnit, id }: { readonly chart: ClaimTrend; readonly countUnit: string; readonly id: string }) {
  const [cursor, setCursor] = useState<{ key: string; year: number } | null>(null);
  const [activeBreak, setActiveBreak] = useState<string | null>(null);
  const format = chart.unit === 'rate' ? formatRate : (n: number) => formatCount(n, countUnit);
  const notes = chart.breaks
    .filter((b) => b.year - 1 >= chart.from && b.year <= chart.to)
    .map((b) => (
      <span key={b.id} data-break-note={b.year}>
        {breakSentence(chart.period, b)}
      </span>
    ));
  return (
    <ChartFrame id={id} title={chart.title} definition={chart.definition} sources={chart.sources} rateNote={chart.rateNote} notes={notes} share={chart.share}>
      <TrendChart
        series={chart.series}
        unitLabel={chart.unitLabel}
        period={chart.period}
        from={chart.from}
        to={chart.to}
        formatValue={format}
        breaks={chart.breaks}
        activeBreak={activeBreak}
        onBreakActivate={setActiveBreak}
        highlight={chart.highlight}
        highlightLabel="Shaded: the years the claim speaks of"
        cursor={cursor}
        onCursorChange={setCursor}
        titleId={`${id}-title`}
      />
    </ChartFrame>
  );
}
