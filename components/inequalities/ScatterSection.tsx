'use client';

import { useCallback, useMemo, useState } from 'react';
import { ScatterChart } from '@/components/charts/ScatterChart';
import { AreaPicker, type PickerArea } from '@/components/controls/AreaPicker';
import { SegmentedControl } from '@/components/controls/SegmentedControl';
import { Select } from '@/components/controls/Select';
import { YearSlider } from '@/components/controls/YearSlider';
import { DataTable, type Row } from '@/components/explorer/DataTable';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { useFrameMode } from '@/components/frame/FrameMode';
import { rateNote } from '@/lib/explorer/describe';
import { formatRate, formatYear } from '@/lib/format';
import { formatRho, scatterTitle } from '@/lib/inequalities/describe';
import { scatterFor, SCALE_INFO } from '@/lib/inequalities/scatter';
import { scatterShare, scatterSources } from '@/lib/inequalities/share';
import { MAX_COUNCILS } from '@/lib/inequalities/state';
import { SCALES, type DeprivationScale } from '@/lib/inequalities/types';
import { strengthWord } from '@/lib/stats/fit';
import { MeasureStatus } from './MeasureStatus';
import { useIneq, useMeasure } from './IneqState';
import styles from './inequalities.module.css';

const SCALE_OPTIONS = SCALES.map((s) => ({ value: s, label: { imd: 'IMD score', idaci: 'IDACI', share: 'Children in most deprived 10%' }[s] }));

/** Councils against their deprivation: any core measure and year, a Theil–Sen line and Spearman's ρ. */
export function ScatterSection() {
  const { data, state, update, toggleArea } = useIneq();
  const embed = useFrameMode() === 'embed';
  const load = useMeasure(state.measure);
  const head = data.measures.find((m) => m.measure.id === state.measure)!;
  const setMeasure = useCallback((measure: string) => update({ measure }), [update]);
  const setScale = useCallback((x: DeprivationScale) => update({ x }), [update]);
  const setRegion = useCallback((r: string) => update({ region: r === '' ? undefined : r }), [update]);
  const setYear = useCallback((year: number) => update({ year }), [update]);
  const addArea = useCallback((c: string) => update({ areas: [...state.areas, c] }), [update, state.areas]);
  const removeArea = useCallback((c: string) => update({ areas: state.areas.filter((x) => x !== c) }), [update, state.areas]);
  const pickerAreas: PickerArea[] = useMemo(
    () => data.councils.map((c) => ({ code: c.code, name: c.name, level: 'la' as const, hint: c.lastYear !== undefined ? `(to ${c.lastYear})` : c.firstYear > 2010 ? `(from ${c.firstYear})` : undefined })),
    [data.councils],
  );
  return (
    <>
      {!embed && (
        <div className={styles.controls}>
          <Select label="Measure" value={state.measure} options={data.measures.map((m) => ({ value: m.measure.id, label: m.measure.label }))} onChange={setMeasure} />
          <SegmentedControl name="scatter-x" legend="Deprivation" value={state.x} options={SCALE_OPTIONS} onChange={setScale} />
          <Select label="Pick out a region" value={state.region ?? ''} options={[{ value: '', label: 'None' }, ...data.regions.map((r) => ({ value: r.code, label: r.name }))]} onChange={setRegion} />
          <AreaPicker areas={pickerAreas} selected={state.areas} max={MAX_COUNCILS} onAdd={addArea} onRemove={removeArea} label="Label councils" />
          <div className={styles.wide}>
            <YearSlider years={head.years} value={state.year} onChange={setYear} label={`Year (${head.measure.kind === 'flow' ? 'year to 31 March' : 'on 31 March'})`} formatYear={(y) => formatYear(head.measure.period, y)} />
          </div>
        </div>
      )}
      {load.status === 'ready' ? <ScatterFrame data={load.data} toggleArea={toggleArea} /> : <MeasureStatus load={load} label={head.measure.label} />}
    </>
  );
}

function ScatterFrame({ data: md, toggleArea }: { readonly data: import('@/lib/explorer/types').MeasureData; readonly toggleArea: (code: string) => void }) {
  const { data, state, ctx, councils } = useIneq();
  const embed = useFrameMode() === 'embed';
  const [cursor, setCursor] = useState<string | null>(null);
  const result = useMemo(() => scatterFor(md, councils, state.x, state.year), [md, councils, state.x, state.year]);
  const share = useMemo(() => scatterShare({ data: md, result, state, ctx, regions: data.regions, iod: data.iodSource }), [md, result, state, ctx, data.regions, data.iodSource]);
  const info = SCALE_INFO[state.x];
  const regionName = useMemo(() => new Map(data.regions.map((r) => [r.code, r.name])), [data.regions]);
  const points = useMemo(() => result.points.map((p) => ({ ...p, group: p.regionCode ? regionName.get(p.regionCode) : undefined })), [result.points, regionName]);
  const f = result.fit;
  const fitNote =
    f.rho === undefined
      ? 'Too few councils with both figures for a correlation.'
      : `Spearman’s rank correlation ρ = ${formatRho(f.rho)} across ${f.n} councils (${strengthWord(f.rho)}). The line is a Theil–Sen line (the median of the slopes between every pair of councils)${f.line ? `: ${f.line.slope >= 0 ? '+' : '−'}${formatRate(Math.abs(f.line.slope))} per 10,000 ${info.per}` : ''}. Both use ranks or medians, so one council with an extreme rate cannot tilt them (see the methodology).`;
  const columns = [
    { key: 'name', label: 'Council' },
    { key: 'region', label: 'Region' },
    { key: 'x', label: info.short, numeric: true, format: info.format },
    { key: 'y', label: 'Rate per 10,000', numeric: true },
    { key: 'note', label: 'Note' },
  ];
  const rows: Row[] = [
    ...result.points.map((p) => ({ key: p.code, cells: { name: p.name, region: (p.regionCode && regionName.get(p.regionCode)) || '', x: p.x, y: p.y, note: '' } })),
    ...result.missing.map((m) => {
      const c = councils.get(m.code);
      return { key: m.code, cells: { name: m.name, region: (c?.regionCode && regionName.get(c.regionCode)) || '', x: c ? info.value(c) : undefined, y: undefined, note: `Not drawn: ${m.reason}` } };
    }),
  ];
  return (
    <>
      <ChartFrame
        id="scatter-frame"
        title={scatterTitle(md, result)}
        definition={`Each dot is a council: its ${md.measure.label.charAt(0).toLowerCase()}${md.measure.label.slice(1)} per 10,000 children aged 0 to 17 (up) against ${info.definition.charAt(0).toLowerCase()}${info.definition.slice(1)} (across). The dashed line is England’s rate.`}
        sources={scatterSources(md, result, data.iodSource)}
        rateNote={rateNote(md, result.points.map((p) => p.code), [state.year], 'rate')}
        share={share}
        notes={[fitNote, 'Deprivation is of 2019 (children of mid-2015); the rates are of the year shown.', ...(embed ? [] : ['Select a council (click, or Enter) to label it; hover or use the arrow keys to read any dot.'])]}
      >
        <ScatterChart
          points={points}
          xLabel={info.label}
          formatX={info.format}
          unitLabel="per 10,000 children aged 0 to 17"
          formatY={formatRate}
          england={result.england}
          line={f.line}
          selected={state.areas}
          highlightGroup={state.region ? regionName.get(state.region) : undefined}
          missing={result.missing}
          cursor={cursor}
          onCursorChange={setCursor}
          onSelect={embed ? undefined : toggleArea}
          titleId="scatter-frame-title"
        />
      </ChartFrame>
      {!embed && (
        <details className={styles.tableDetails}>
          <summary>Table of every council’s figures</summary>
          <DataTable caption={scatterTitle(md, result)} columns={columns} rows={rows} format={formatRate} initialSort={{ key: 'x', dir: 'desc' }} />
        </details>
      )}
    </>
  );
}
