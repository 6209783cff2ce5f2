'use client';

import { useCallback, useMemo, useState } from 'react';
import { RatioFunnelChart } from '@/components/charts/RatioFunnelChart';
import { AreaPicker, type PickerArea } from '@/components/controls/AreaPicker';
import { SegmentedControl } from '@/components/controls/SegmentedControl';
import { YearSlider } from '@/components/controls/YearSlider';
import { DataTable, type Row } from '@/components/explorer/DataTable';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { useFrameMode } from '@/components/frame/FrameMode';
import type { MeasureData } from '@/lib/explorer/types';
import { formatNumber, formatRate, formatYear } from '@/lib/format';
import { adjustedFor, classCounts } from '@/lib/inequalities/adjusted';
import { adjustedTitle } from '@/lib/inequalities/describe';
import { adjustedShare, adjustedSources } from '@/lib/inequalities/share';
import { MAX_COUNCILS } from '@/lib/inequalities/state';
import { ADJUSTED_MEASURES, type AdjustedMeasureId } from '@/lib/inequalities/types';
import { RATIO_CLASS_SHORT } from '@/lib/stats/standardise';
import { MeasureStatus } from './MeasureStatus';
import { useIneq, useMeasure } from './IneqState';
import styles from './inequalities.module.css';

/** Said beside the chart, in the embed and in every export: what the comparison is and is not. */
export const ADJUSTED_CAVEAT =
  'Descriptive, not a judgement of performance. “Above expected” means more children than England’s rate and the neighbourhood gradient alone would give; it does not mean too many. CWIP’s “inverse intervention law”: at the same neighbourhood deprivation, less deprived councils intervene more, so affluent councils tend to sit above expected and deprived ones below, whatever their practice.';

const ratio2 = (n: number) => n.toFixed(2);

/** The deprivation-adjusted comparison: observed ÷ expected with Poisson funnel limits, plans or children looked after. */
export function AdjustedSection() {
  const { data, state, update } = useIneq();
  const embed = useFrameMode() === 'embed';
  const load = useMeasure(state.adj);
  const head = data.measures.find((m) => m.measure.id === state.adj)!;
  const setAdj = useCallback((adj: AdjustedMeasureId) => update({ adj }), [update]);
  const setYear = useCallback((adjyear: number) => update({ adjyear }), [update]);
  const addArea = useCallback((c: string) => update({ areas: [...state.areas, c] }), [update, state.areas]);
  const removeArea = useCallback((c: string) => update({ areas: state.areas.filter((x) => x !== c) }), [update, state.areas]);
  const pickerAreas: PickerArea[] = useMemo(() => data.councils.map((c) => ({ code: c.code, name: c.name, level: 'la' as const, hint: c.lastYear !== undefined ? `(to ${c.lastYear})` : c.firstYear > 2010 ? `(from ${c.firstYear})` : undefined })), [data.councils]);
  const label = (id: AdjustedMeasureId) => data.measures.find((m) => m.measure.id === id)!.measure.shortLabel;
  return (
    <>
      {!embed && (
        <div className={styles.controls}>
          <SegmentedControl name="adjusted-measure" legend="Measure" value={state.adj} options={ADJUSTED_MEASURES.map((id) => ({ value: id, label: label(id) }))} onChange={setAdj} />
          <AreaPicker areas={pickerAreas} selected={state.areas} max={MAX_COUNCILS} onAdd={addArea} onRemove={removeArea} label="Label councils" />
          <div className={styles.wide}>
            <YearSlider years={head.years} value={state.adjyear} onChange={setYear} label="Year (on 31 March)" formatYear={(y) => formatYear(head.measure.period, y)} />
          </div>
        </div>
      )}
      {load.status === 'ready' ? <AdjustedFrame data={load.data} /> : <MeasureStatus load={load} label={head.measure.label} />}
    </>
  );
}

function AdjustedFrame({ data: md }: { readonly data: MeasureData }) {
  const { data, state, ctx, councils, toggleArea } = useIneq();
  const embed = useFrameMode() === 'embed';
  const [cursor, setCursor] = useState<string | null>(null);
  const input = data.adjusted[state.adj];
  const result = useMemo(() => adjustedFor(md, input, councils, state.adjyear), [md, input, councils, state.adjyear]);
  const share = useMemo(
    () => adjustedShare({ data: md, result, input, state, ctx, regions: data.regions, iod: data.iodSource, cwip: data.gradient.source }),
    [md, result, input, state, ctx, data.regions, data.iodSource, data.gradient.source],
  );
  const regionName = useMemo(() => new Map(data.regions.map((r) => [r.code, r.name])), [data.regions]);
  const counts = classCounts(result.points);
  const year = formatYear(md.measure.period, state.adjyear);
  const distance = Math.abs(state.adjyear - 2015);
  const columns = [
    { key: 'name', label: 'Council' },
    { key: 'region', label: 'Region' },
    { key: 'observed', label: 'Observed', numeric: true, format: formatNumber },
    { key: 'expected', label: 'Expected', numeric: true, format: (n: number) => formatNumber(Math.round(n)) },
    { key: 'ratio', label: 'Observed ÷ expected', numeric: true, format: ratio2 },
    { key: 'obsRate', label: 'Rate per 10,000', numeric: true, format: formatRate },
    { key: 'expRate', label: 'Expected rate', numeric: true, format: formatRate },
    { key: 'verdict', label: 'Against the limits' },
  ];
  const rows: Row[] = [
    ...result.points.map((p) => ({
      key: p.code,
      cells: { name: p.name, region: (p.regionCode && regionName.get(p.regionCode)) || '', observed: p.observed, expected: p.expected, ratio: p.ratio, obsRate: p.observedRate, expRate: p.expectedRate, verdict: RATIO_CLASS_SHORT[p.cls] },
    })),
    ...result.missing.map((m) => ({ key: m.code, cells: { name: m.name, region: '', observed: undefined, expected: undefined, ratio: undefined, obsRate: undefined, expRate: undefined, verdict: `Not drawn: ${m.reason}` } })),
  ];
  return (
    <>
      <ChartFrame
        id="adjusted-frame"
        title={adjustedTitle(md, state.adjyear)}
        definition={`Each dot is a council: its number of ${md.measure.shortLabel.toLowerCase()} divided by the number expected if its children had England’s rate${result.englandRate !== undefined ? ` (${formatRate(result.englandRate)} per 10,000 in ${year})` : ''}, adjusted for how many of them live in deprived neighbourhoods with CWIP’s 2015 rates by decile (up: 1 = as expected), against the expected number (across, log scale). The funnel shows how far a council could stray from 1 by chance alone.`}
        sources={adjustedSources(md, result, data.iodSource, data.gradient.source)}
        rateNote="Expected numbers computed here by indirect standardisation (see the methodology)."
        share={share}
        notes={[
          `${result.points.length} councils: ${counts.within} within the 95% limits, ${counts.above95 + counts.above998} above, ${counts.below95 + counts.below998} below. Chance alone would put about 5 in 100 outside the 95% limits; councils differ for many other reasons too (recording, thresholds, demography), so many more do.`,
          ...(distance > 0 ? [`The decile rates are of 2015 and the deprivation of 2019; ${year} is ${distance} year${distance > 1 ? 's' : ''} from 2015, and the gradient may have changed since.`] : []),
          ...(embed ? [] : ['Select a council (click, or Enter) to label it; hover or use the arrow keys to read any dot.']),
        ]}
      >
        <p className={styles.caveat} data-testid="adjusted-caveat" data-export-note={ADJUSTED_CAVEAT}>
          <strong>Read this first.</strong> {ADJUSTED_CAVEAT}
        </p>
        <RatioFunnelChart
          points={result.points.map((p) => ({ code: p.code, name: p.name, expected: p.expected, observed: p.observed, ratio: p.ratio, cls: p.cls, group: p.regionCode ? regionName.get(p.regionCode) : undefined }))}
          missing={result.missing}
          selected={state.areas}
          cursor={cursor}
          onCursorChange={setCursor}
          onSelect={embed ? undefined : toggleArea}
          titleId="adjusted-frame-title"
        />
      </ChartFrame>
      {!embed && (
        <details className={styles.tableDetails}>
          <summary>Table of every council’s observed and expected numbers</summary>
          <DataTable caption={adjustedTitle(md, state.adjyear)} columns={columns} rows={rows} format={formatNumber} initialSort={{ key: 'ratio', dir: 'desc' }} />
        </details>
      )}
    </>
  );
}
