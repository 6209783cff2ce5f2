'use client';

import { useState } from 'react';
import { SegmentedControl } from '@/components/controls/SegmentedControl';
import { formatYear, formatYearShort } from '@/lib/format';
import { cellAt, councilsIn, ENGLAND } from '@/lib/explorer/access';
import { chartTitle, unitLabel, valueFormatter, yearRange } from '@/lib/explorer/describe';
import type { MeasureData } from '@/lib/explorer/types';
import { MISSING_STATUSES, STATUS_LABEL, STATUS_MEANING } from '@/lib/status';
import type { ViewState } from '@/lib/view-state';
import { placesLabel, shownAreas } from './ChartView';
import { DataTable, type Row } from './DataTable';
import styles from './views.module.css';

/** The figures behind the charts: the compared areas over the chosen years, or every council in one year. */
export function TableView({ data, state }: { readonly data: MeasureData; readonly state: ViewState; readonly onChange: (p: Partial<ViewState>) => void }) {
  const { measure } = data;
  const [mode, setMode] = useState<'trend' | 'year'>('trend');
  const fmt = valueFormatter(measure, state.unit);
  const years = data.years.filter((y) => y >= state.from && y <= state.to);
  let caption: string;
  let columns: { key: string; label: string; numeric?: boolean }[];
  let rows: Row[];
  if (mode === 'trend') {
    const shown = shownAreas(data, state);
    caption = chartTitle(measure, state.unit, placesLabel(shown, state.regions), yearRange(measure, state.from, state.to));
    columns = [{ key: 'area', label: 'Area' }, ...years.map((y) => ({ key: String(y), label: formatYearShort(measure.period, y), numeric: true }))];
    rows = shown.map((a) => ({ key: a.code, cells: { area: a.name, ...Object.fromEntries(years.map((y) => [String(y), cellAt(data, state.unit, a.code, y)])) } }));
  } else {
    const councils = councilsIn(data, state.year);
    caption = chartTitle(measure, state.unit, 'every council', formatYear(measure.period, state.year));
    const regionName = new Map(data.areas.filter((a) => a.level === 'region').map((a) => [a.code, a.name]));
    columns = [
      { key: 'area', label: 'Council' },
      { key: 'region', label: 'Region' },
      { key: 'value', label: unitLabel(measure, state.unit), numeric: true },
      { key: 'code', label: 'Code' },
    ];
    rows = [
      { key: ENGLAND, cells: { area: 'England', region: '', value: cellAt(data, state.unit, ENGLAND, state.year), code: ENGLAND } },
      ...councils.map((a) => ({ key: a.code, cells: { area: a.name, region: regionName.get(a.regionCode ?? '') ?? '', value: cellAt(data, state.unit, a.code, state.year), code: a.code } })),
    ];
  }
  const present = new Set(rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c && typeof c === 'object' && c.kind === 'missing' ? [c.status] : []))));
  return (
    <>
      <SegmentedControl
        name={`table-${measure.id}-mode`}
        legend="Table"
        value={mode}
        options={[
          { value: 'trend', label: 'Compared areas over time' },
          { value: 'year', label: `All councils, ${formatYearShort(measure.period, state.year)}` },
        ]}
        onChange={setMode}
      />
      <div style={{ marginTop: '0.75rem' }}>
        <DataTable key={mode} caption={caption} columns={columns} rows={rows} format={fmt} initialSort={mode === 'year' ? { key: 'value', dir: 'desc' } : undefined} />
      </div>
      <dl className={styles.statusLegend}>
        {MISSING_STATUSES.filter((s) => present.has(s)).map((s) => (
          <div key={s}>
            <dt>
              {STATUS_LABEL[s]} (<code>{s}</code>):
            </dt>
            <dd>{STATUS_MEANING[s]}</dd>
          </div>
        ))}
        <div>
          <dt>no figure:</dt>
          <dd>nothing published for that area and year (for example, the council did not exist, or no regional totals were published before 2013).</dd>
        </div>
      </dl>
    </>
  );
}
