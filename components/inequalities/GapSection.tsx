'use client';

import { useCallback, useMemo, useState } from 'react';
import { TrendChart } from '@/components/charts/TrendChart';
import { Select } from '@/components/controls/Select';
import { DataTable, type Row } from '@/components/explorer/DataTable';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { useFrameMode } from '@/components/frame/FrameMode';
import type { Series } from '@/lib/explorer/types';
import { formatRate, formatYear, formatYearShort } from '@/lib/format';
import { gapBreaks, gapTitle, times } from '@/lib/inequalities/describe';
import { gapRatio } from '@/lib/inequalities/gap';
import { gapShare } from '@/lib/inequalities/share';
import { useIneq } from './IneqState';
import styles from './inequalities.module.css';

export const GAP_LABEL = 'A comparison of councils, not of neighbourhoods: a deprived council has affluent neighbourhoods too, and the other way round.';

/** The rate in the most deprived fifth of councils against the least deprived fifth, by year. */
export function GapSection() {
  const { data, state, ctx, update } = useIneq();
  const embed = useFrameMode() === 'embed';
  const [cursor, setCursor] = useState<{ key: string; year: number } | null>(null);
  const setGap = useCallback((gap: string) => update({ gap }), [update]);
  const head = data.measures.find((m) => m.measure.id === state.gap)!;
  const gap = data.gap[state.gap]!;
  const m = head.measure;
  const from = gap.years[0]!.year;
  const to = gap.years[gap.years.length - 1]!.year;
  const series: Series[] = useMemo(
    () => [
      { key: 'england', label: 'England', kind: 'england', points: gap.years.map((y) => ({ year: y.year, cell: y.england === undefined ? undefined : { kind: 'value', value: y.england } })) },
      { key: 'most', label: 'Most deprived fifth of councils', kind: 'area', points: gap.years.map((y) => ({ year: y.year, cell: y.most ? { kind: 'value', value: y.most.rate } : undefined })) },
      { key: 'least', label: 'Least deprived fifth of councils', kind: 'area', points: gap.years.map((y) => ({ year: y.year, cell: y.least ? { kind: 'value', value: y.least.rate } : undefined })) },
    ],
    [gap],
  );
  const share = useMemo(() => gapShare({ data: head, gap, state, ctx, iod: data.iodSource }), [head, gap, state, ctx, data.iodSource]);
  const breaks = gapBreaks(head, gap);
  const excluded = gap.years.flatMap((y) => [...(y.most?.excluded ?? []), ...(y.least?.excluded ?? [])].map((x) => `${x.name} ${formatYearShort(m.period, y.year)} (${x.reason})`));
  const sizes = [...new Set(gap.years.map((y) => y.most?.councils ?? 0).filter((n) => n > 0))].sort((a, b) => a - b);
  const notes = [
    GAP_LABEL,
    `Councils are ranked by their IMD 2019 average score; each fifth holds ${sizes.length > 1 ? `${sizes[0]} to ${sizes[sizes.length - 1]}` : (sizes[0] ?? 0)} of the councils of that year. A fifth’s rate is all its children counted divided by all its children aged 0 to 17 (computed here).`,
    ...breaks.map((b) => `Break in the series, ${formatYearShort(m.period, b.year - 1)} to ${formatYearShort(m.period, b.year)}: ${b.note}`),
    ...(gap.unranked.length ? [`Not ranked (no IMD 2019 average score): ${gap.unranked.map((u) => `${u.name} (${u.years})`).join(', ')}.`] : []),
    ...(excluded.length ? [`Left out of their fifth for a year: ${excluded.join(', ')}.`] : []),
  ];
  const columns = [
    { key: 'year', label: 'Year' },
    { key: 'most', label: 'Most deprived fifth', numeric: true },
    { key: 'least', label: 'Least deprived fifth', numeric: true },
    { key: 'ratio', label: 'Ratio', numeric: true, format: (n: number) => `${n.toFixed(2)}×` },
    { key: 'england', label: 'England', numeric: true },
  ];
  const rows: Row[] = gap.years.map((y) => ({ key: String(y.year), cells: { year: formatYear(m.period, y.year), most: y.most?.rate, least: y.least?.rate, ratio: gapRatio(y), england: y.england } }));
  const last = gap.years[gap.years.length - 1]!;
  const lastRatio = gapRatio(last);
  return (
    <>
      {!embed && (
        <div className={styles.controls}>
          <Select label="Measure" value={state.gap} options={data.measures.map((x) => ({ value: x.measure.id, label: x.measure.label }))} onChange={setGap} />
        </div>
      )}
      <ChartFrame
        id="gap-frame"
        title={gapTitle(head, from, to)}
        definition={`${m.definition} Rate per 10,000 children aged 0 to 17 in the councils ranked most deprived and least deprived, each fifth taken together, and England.${lastRatio !== undefined ? ` In ${formatYear(m.period, last.year)} the most deprived fifth’s rate was ${times(lastRatio)} the least deprived fifth’s.` : ''}`}
        sources={[...head.sources, data.iodSource]}
        rateNote="Rates of the fifths computed here from the councils’ counts and populations."
        share={share}
        notes={notes}
      >
        <TrendChart series={series} unitLabel="per 10,000 children aged 0 to 17" period={m.period} from={from} to={to} formatValue={formatRate} cursor={cursor} onCursorChange={setCursor} titleId="gap-frame-title" />
      </ChartFrame>
      {!embed && (
        <details className={styles.tableDetails}>
          <summary>Table of the two fifths’ rates by year</summary>
          <DataTable caption={gapTitle(head, from, to)} columns={columns} rows={rows} format={formatRate} />
        </details>
      )}
    </>
  );
}
