'use client';

import { useCallback, useMemo } from 'react';
import { AreaPicker, type PickerArea } from '@/components/controls/AreaPicker';
import { SegmentedControl } from '@/components/controls/SegmentedControl';
import { Select } from '@/components/controls/Select';
import { YearSlider } from '@/components/controls/YearSlider';
import { formatYear } from '@/lib/format';
import { MAX_COUNCILS } from '@/lib/inequalities/state';
import { ADJUSTED_MEASURES, SCALES, type AdjustedMeasureId, type DeprivationScale } from '@/lib/inequalities/types';
import { useIneq } from './IneqState';
import styles from './inequalities.module.css';

/**
 * The controls of the /inequalities/ charts. They write the page's view state directly, so they work
 * from the first paint, before a chart's interactive code has loaded.
 */

const SCALE_LABELS: Record<DeprivationScale, string> = { imd: 'IMD score', idaci: 'IDACI', share: 'Most deprived 10%' };

function useCouncilPicker() {
  const { data, state, update } = useIneq();
  const areas: PickerArea[] = useMemo(
    () => data.councils.map((c) => ({ code: c.code, name: c.name, level: 'la' as const, hint: c.lastYear !== undefined ? `(to ${c.lastYear})` : c.firstYear > 2010 ? `(from ${c.firstYear})` : undefined })),
    [data.councils],
  );
  const onAdd = useCallback((c: string) => update({ areas: [...state.areas, c] }), [update, state.areas]);
  const onRemove = useCallback((c: string) => update({ areas: state.areas.filter((x) => x !== c) }), [update, state.areas]);
  return <AreaPicker areas={areas} selected={state.areas} max={MAX_COUNCILS} onAdd={onAdd} onRemove={onRemove} label="Label councils" placeholder="Type a council, e.g. Black" help={`Up to ${MAX_COUNCILS} councils, named on the scatter and the adjusted chart. Arrow keys to choose, Enter to add.`} />;
}

function yearLabel(kind: 'flow' | 'snapshot') {
  return `Year (${kind === 'flow' ? 'year to 31 March' : 'on 31 March'})`;
}

export function ScatterControls() {
  const { data, state, update } = useIneq();
  const m = data.measures.find((x) => x.id === state.measure)!;
  const picker = useCouncilPicker();
  const setMeasure = useCallback((measure: string) => update({ measure }), [update]);
  const setScale = useCallback((x: DeprivationScale) => update({ x }), [update]);
  const setRegion = useCallback((r: string) => update({ region: r === '' ? undefined : r }), [update]);
  const setYear = useCallback((year: number) => update({ year }), [update]);
  return (
    <div className={styles.controls}>
      <Select label="Measure" value={state.measure} options={data.measures.map((x) => ({ value: x.id, label: x.label }))} onChange={setMeasure} />
      <SegmentedControl name="scatter-x" legend="Deprivation" value={state.x} options={SCALES.map((s) => ({ value: s, label: SCALE_LABELS[s] }))} onChange={setScale} />
      <Select label="Pick out a region" value={state.region ?? ''} options={[{ value: '', label: 'None' }, ...data.regions.map((r) => ({ value: r.code, label: r.name }))]} onChange={setRegion} />
      {picker}
      <div className={styles.wide}>
        <YearSlider years={m.years} value={state.year} onChange={setYear} label={yearLabel(m.kind)} formatYear={(y) => formatYear(m.period, y)} />
      </div>
    </div>
  );
}

export function AdjustedControls() {
  const { data, state, update } = useIneq();
  const m = data.measures.find((x) => x.id === state.adj)!;
  const picker = useCouncilPicker();
  const setAdj = useCallback((adj: AdjustedMeasureId) => update({ adj }), [update]);
  const setYear = useCallback((adjyear: number) => update({ adjyear }), [update]);
  const label = (id: string) => data.measures.find((x) => x.id === id)!.shortLabel;
  return (
    <div className={styles.controls}>
      <SegmentedControl name="adjusted-measure" legend="Measure" value={state.adj} options={ADJUSTED_MEASURES.map((id) => ({ value: id, label: label(id) }))} onChange={setAdj} />
      {picker}
      <div className={styles.wide}>
        <YearSlider years={m.years} value={state.adjyear} onChange={setYear} label={yearLabel(m.kind)} formatYear={(y) => formatYear(m.period, y)} />
      </div>
    </div>
  );
}

export function GapControls() {
  const { data, state, update } = useIneq();
  const setGap = useCallback((gap: string) => update({ gap }), [update]);
  return (
    <div className={styles.controls}>
      <Select label="Measure" value={state.gap} options={data.measures.map((x) => ({ value: x.id, label: x.label }))} onChange={setGap} />
    </div>
  );
}
