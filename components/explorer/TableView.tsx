'use client';

import { useState } from 'react';
import { SegmentedControl } from '@/components/controls/SegmentedControl';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { useFrameMode } from '@/components/frame/FrameMode';
import { formatYearShort } from '@/lib/format';
import { stateContextOf } from '@/lib/explorer/access';
import { describeTable } from '@/lib/explorer/alt';
import { rateNote, sourcesShown, unitLabel, valueFormatter } from '@/lib/explorer/describe';
import { makeShare, type FigureFocus } from '@/lib/explorer/share';
import { buildTable } from '@/lib/explorer/table';
import type { MeasureData } from '@/lib/explorer/types';
import { MISSING_STATUSES, STATUS_LABEL, STATUS_MEANING } from '@/lib/status';
import type { TableMode, ViewState, YearOrder } from '@/lib/view-state';
import { placesLabel, shownAreas } from './ChartView';
import { DataTable, type CellRef } from './DataTable';
import styles from './views.module.css';

const marksLabel = (marks: readonly string[]) => `before a break in the series: see note ${marks.join(' and ')} under the table`;

/**
 * The figures behind the charts, in the chart frame with its share kit: the compared areas over
 * the chosen years (newest or oldest first), or every council in one year. Mode, order and year
 * are view state (in the URL); the selected cell is the figure "Cite this figure" cites.
 */
export function TableView({ data, state, onChange }: { readonly data: MeasureData; readonly state: ViewState; readonly onChange: (p: Partial<ViewState>) => void }) {
  const { measure } = data;
  const embed = useFrameMode() === 'embed';
  const [picked, setPicked] = useState<CellRef | undefined>(undefined);
  const shown = shownAreas(data, state);
  const places = placesLabel(shown, state.regions);
  const model = buildTable(data, state, shown, places);
  const councils = state.table === 'councils';
  const from = councils ? state.year : state.from;
  const to = councils ? state.year : state.to;

  // The selected cell, if it is in this table: the figure in focus for citations.
  const pickedColumn = picked && model.rows.some((r) => r.key === picked.row) ? model.columns.find((c) => c.key === picked.col && c.year !== undefined) : undefined;
  const selected = pickedColumn ? picked : undefined;
  const focus: FigureFocus | undefined = selected && pickedColumn ? { code: selected.row, year: pickedColumn.year! } : undefined;

  const id = `table-${measure.id}`;
  const codes = model.rows.map((r) => r.key);
  const sources = sourcesShown(data, codes, model.years);
  const note = rateNote(data, codes, model.years, state.unit);
  const share = makeShare({
    data,
    state: { ...state, view: 'table' },
    ctx: stateContextOf(data),
    title: model.caption,
    sources,
    rateNote: note,
    description: describeTable(data, state.unit, state.table, shown, state.from, state.to, state.year, state.areas),
    subject: `${measure.label}, ${unitLabel(measure, state.unit)}, ${councils ? 'every council in England' : places}`,
    from,
    to,
    csv: model.csv,
    focus,
    noun: 'table',
    images: false,
  });

  const present = new Set(model.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c && typeof c === 'object' && c.kind === 'missing' ? [c.status] : []))));
  const notes = model.notes.map((n) => (
    <span key={n.mark}>
      <strong className={styles.mark}>{n.mark}</strong> {n.text}
    </span>
  ));
  if (notes.length) notes.push(<span key="tint">The columns marked {model.notes.map((n) => n.mark).join(' or ')} are tinted.</span>);

  return (
    <>
      {!embed && (
        <div className={styles.viewControls}>
          <SegmentedControl<TableMode>
            name={`${id}-mode`}
            legend="Table"
            value={state.table}
            options={[
              { value: 'areas', label: 'Areas over time' },
              { value: 'councils', label: 'All councils, one year' },
            ]}
            onChange={(table) => onChange({ table })}
          />
          {councils ? (
            <label className={styles.inline}>
              Year{' '}
              <select value={state.year} onChange={(e) => onChange({ year: Number(e.target.value) })}>
                {[...data.years].reverse().map((y) => (
                  <option key={y} value={y}>
                    {formatYearShort(measure.period, y)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <SegmentedControl<YearOrder>
              name={`${id}-order`}
              legend="Years"
              value={state.order}
              options={[
                { value: 'newest', label: 'Newest first' },
                { value: 'oldest', label: 'Oldest first' },
              ]}
              onChange={(order) => onChange({ order })}
            />
          )}
        </div>
      )}
      <ChartFrame id={id} title={model.caption} definition={`${measure.definition} Unit: ${unitLabel(measure, state.unit)}.`} sources={sources} rateNote={note} notes={notes} share={share}>
        <DataTable
          key={state.table}
          caption={model.caption}
          captionVisible={false}
          columns={model.columns}
          rows={model.rows}
          format={valueFormatter(measure, state.unit)}
          initialSort={model.initialSort}
          marksLabel={marksLabel}
          selected={selected}
          onSelect={setPicked}
          bounded={embed}
        />
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
      </ChartFrame>
    </>
  );
}
