'use client';

import { useMemo, useState } from 'react';
import { DataTable, type Row } from '@/components/explorer/DataTable';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { useFrameMode } from '@/components/frame/FrameMode';
import { formatNumber } from '@/lib/format';
import { decileWords, GRADIENT_MEASURE_LABEL, gradientTitle } from '@/lib/inequalities/describe';
import { gradientShare } from '@/lib/inequalities/share';
import { GradientChart, type GradientCursor, type GradientPanel } from '@/components/charts/GradientChart';
import { useIneq } from './IneqState';
import styles from './inequalities.module.css';

/** The caveats that travel with the gradient (chart notes, embed, exports). */
export const GRADIENT_CAVEATS = [
  'Data for 31 March 2015. England: the Child Welfare Inequalities Project’s sample of 18 councils, not all of England; Wales: all 22 councils.',
  'Rates are whole numbers as reproduced from the CWIP Final Report by one of its co-authors (a secondary copy); the report’s own table was not seen.',
  'Each country’s deciles are of its own deprivation index (England’s IMD, Wales’s WIMD), so decile 1 is not the same level of deprivation in both.',
  'The Wales rates imply larger most-to-least-deprived gaps than Cardiff University’s February 2017 release gave (24 times for the register, 16 for care): read the Wales lines with caution.',
];

export function gradientPanels(series: ReturnType<typeof useIneq>['data']['gradient']['series']): GradientPanel[] {
  return (['plans', 'looked-after'] as const).map((measure) => ({
    key: measure,
    title: measure === 'plans' ? 'Child protection plans (England) / register (Wales)' : 'Children looked after',
    series: series
      .filter((s) => s.measure === measure)
      .map((s) => ({ key: `${s.country}-${s.measure}`, label: s.country, country: s.country, points: s.points.map((p) => ({ decile: p.decile, value: p.rate })) })),
  }));
}

/** CWIP's neighbourhood gradient: rates by decile, England beside Wales, plans and children looked after. */
export function GradientSection() {
  const { data, state, ctx } = useIneq();
  const embed = useFrameMode() === 'embed';
  const g = data.gradient;
  const [cursor, setCursor] = useState<GradientCursor | null>(null);
  const share = useMemo(() => gradientShare(g, state, ctx), [g, state, ctx]);
  const panels = useMemo(() => gradientPanels(g.series), [g]);
  const year = g.series[0]?.year ?? 2015;
  const columns = [
    { key: 'decile', label: 'Neighbourhood deprivation decile' },
    ...g.series.map((s) => ({ key: `${s.country}-${s.measure}`, label: `${s.country}: ${s.measure === 'plans' ? (s.country === 'England' ? 'plans' : 'register') : 'looked after'}`, numeric: true })),
  ];
  const rows: Row[] = Array.from({ length: 10 }, (_, i) => ({
    key: String(i + 1),
    cells: { decile: `${i + 1} (${decileWords(i + 1)})`, ...Object.fromEntries(g.series.map((s) => [`${s.country}-${s.measure}`, s.points[i]!.rate])) },
  }));
  return (
    <>
    <ChartFrame
      id="gradient-frame"
      title={gradientTitle(year)}
      definition={`${GRADIENT_MEASURE_LABEL.plans} and ${GRADIENT_MEASURE_LABEL['looked-after'].toLowerCase()}, per 10,000 children living in neighbourhoods (LSOAs) of each tenth of deprivation, from the most deprived 10% (decile 1) to the least deprived (decile 10). Rates as published by the Child Welfare Inequalities Project; nothing here is re-estimated.`}
      sources={[g.source]}
      share={share}
      notes={GRADIENT_CAVEATS}
    >
      <GradientChart panels={panels} unitLabel="per 10,000 children" formatValue={formatNumber} cursor={cursor} onCursorChange={setCursor} titleId="gradient-frame-title" />
    </ChartFrame>
    {!embed && (
      <details className={styles.tableDetails}>
        <summary>Table of the rates</summary>
        <DataTable caption={`${gradientTitle(year)} (CWIP)`} columns={columns} rows={rows} format={formatNumber} />
      </details>
    )}
    </>
  );
}
