'use client';

import { useCallback, useState } from 'react';
import { RankChart } from '@/components/charts/RankChart';
import { SegmentedControl } from '@/components/controls/SegmentedControl';
import { useFrameMode } from '@/components/frame/FrameMode';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { formatYear } from '@/lib/format';
import { cellAt, councilsIn, ENGLAND, regions, stateContextOf, valueAt, yearIndex } from '@/lib/explorer/access';
import { describeRank } from '@/lib/explorer/alt';
import { makeShare, yearCsv } from '@/lib/explorer/share';
import { chartTitle, rateNote, sourcesShown, unitLabel, valueFormatter } from '@/lib/explorer/describe';
import type { MeasureData } from '@/lib/explorer/types';
import type { Plot, ViewState } from '@/lib/view-state';

interface Props {
  readonly data: MeasureData;
  readonly state: ViewState;
  readonly onChange: (patch: Partial<ViewState>) => void;
  readonly onToggleArea: (code: string) => void;
}

/** Every council in one year, ranked (dot plot), or against its child population (funnel plot). */
export function RankView({ data, state, onChange, onToggleArea }: Props) {
  const { measure } = data;
  const embed = useFrameMode() === 'embed';
  const [cursor, setCursor] = useState<string | null>(null);
  // The last council the cursor was on stays the figure "Cite this figure" cites.
  const [focus, setFocus] = useState<string | null>(null);
  const moveCursor = useCallback((c: string | null) => {
    setCursor(c);
    if (c) setFocus(c);
  }, []);
  const { year, unit } = state;
  const yi = yearIndex(data, year);
  const councils = councilsIn(data, year);
  const items = councils.map((a) => ({ code: a.code, name: a.name, regionCode: a.regionCode, cell: cellAt(data, unit, a.code, year), population: data.population[a.code]?.[yi] ?? undefined }));
  const regionValues = regions(data).flatMap((r) => {
    const v = valueAt(data, unit, r.code, year);
    return v === undefined ? [] : [{ code: r.code, name: r.name, value: v }];
  });
  const england = valueAt(data, unit, ENGLAND, year);
  const plot: Plot = unit === 'rate' ? state.plot : 'dots';
  const codes = [ENGLAND, ...councils.map((a) => a.code)];
  const id = `rank-${measure.id}`;
  const title = chartTitle(measure, unit, plot === 'funnel' ? 'councils by number of children' : 'all councils ranked', formatYear(measure.period, year));
  const sources = sourcesShown(data, codes, [year]);
  const note = rateNote(data, codes, [year], unit);
  const share = makeShare({
    data,
    state: { ...state, view: 'rank', plot },
    ctx: stateContextOf(data),
    title,
    sources,
    rateNote: note,
    description: describeRank(data, unit, year, state.areas, plot),
    subject: `${measure.label}, ${unitLabel(measure, unit)}, every council in England`,
    from: year,
    to: year,
    csv: yearCsv(data, unit, year),
    focus: focus ? { code: focus, year } : null,
  });
  return (
    <>
      {measure.hasRate && !embed && (
        <SegmentedControl
          name={`${id}-plot`}
          legend="Plot"
          value={plot}
          options={[
            { value: 'dots', label: 'Ranked' },
            { value: 'funnel', label: 'Funnel (by size)', disabled: unit !== 'rate' },
          ]}
          onChange={(p) => onChange({ plot: p })}
        />
      )}
      <ChartFrame
        id={id}
        title={title}
        definition={`${measure.definition} Unit: ${unitLabel(measure, unit)}.${plot === 'funnel' ? ' Funnel plot: each council’s rate against its child population; the lines show how far a rate can stray from England’s by chance alone (95% and 99.8% limits), so small councils’ noisy rates are not mistaken for outliers.' : ''}`}
        sources={sources}
        rateNote={note}
        share={share}
        notes={embed ? [] : ['Select a council (click, or Enter) to add it to the comparison.']}
      >
        <RankChart
          items={items}
          england={england}
          regions={regionValues}
          selected={state.areas}
          mode={plot}
          unitLabel={unitLabel(measure, unit)}
          formatValue={valueFormatter(measure, unit)}
          cursor={cursor}
          onCursorChange={moveCursor}
          onSelect={embed ? undefined : onToggleArea}
          titleId={`${id}-title`}
        />
      </ChartFrame>
    </>
  );
}
