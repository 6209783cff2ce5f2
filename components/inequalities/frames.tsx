import { BarChart } from '@/components/charts/BarChart';
import { GradientChart, type GradientCursor } from '@/components/charts/GradientChart';
import { RatioFunnelChart } from '@/components/charts/RatioFunnelChart';
import { ScatterChart } from '@/components/charts/ScatterChart';
import { TrendChart, type TrendCursor } from '@/components/charts/TrendChart';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { StaticPart } from '@/components/frame/StaticPart';
import { formatNumber, formatRate } from '@/lib/format';
import { SCALE_INFO } from '@/lib/inequalities/scatter';
import type { profileView } from '@/lib/inequalities/profile';
import { ADJUSTED_CAVEAT, type adjustedView, type FrameModel, type gapView, type gradientView, type scatterView } from '@/lib/inequalities/views';
import styles from './inequalities.module.css';

/**
 * The four chart frames of /inequalities/, as pure functions of their view models (no hooks): the
 * server renders the default views with them, and the interactive charts render the same frames with
 * their cursor and selection callbacks.
 */

/**
 * `frozen`: the server's drawing of a chart with no cursor or selection (an area page's, or a default
 * view before its interactive chart swaps in) is kept as drawn, not hydrated (StaticPart).
 */
function Frame({ frame, frozen = false, children }: { readonly frame: FrameModel; readonly frozen?: boolean; readonly children: React.ReactNode }) {
  return (
    <ChartFrame id={frame.id} title={frame.title} definition={frame.definition} sources={frame.sources} rateNote={frame.rateNote} notes={frame.notes} share={frame.share} textKey={frozen ? '' : undefined}>
      {frozen ? <StaticPart>{children}</StaticPart> : children}
    </ChartFrame>
  );
}

export function GradientFrameView({ view, cursor, onCursorChange }: { readonly view: Pick<ReturnType<typeof gradientView>, 'frame' | 'panels'>; readonly cursor?: GradientCursor | null; readonly onCursorChange?: (c: GradientCursor | null) => void }) {
  return (
    <Frame frame={view.frame} frozen={!onCursorChange}>
      <GradientChart panels={view.panels} unitLabel="per 10,000 children" formatValue={formatNumber} cursor={cursor} onCursorChange={onCursorChange} titleId={`${view.frame.id}-title`} />
    </Frame>
  );
}

export function ScatterFrameView({
  view,
  cursor,
  onCursorChange,
  onSelect,
}: {
  readonly view: Pick<ReturnType<typeof scatterView>, 'frame' | 'chart'>;
  readonly cursor?: string | null;
  readonly onCursorChange?: (c: string | null) => void;
  readonly onSelect?: (code: string) => void;
}) {
  const c = view.chart;
  return (
    <Frame frame={view.frame} frozen={!onCursorChange}>
      <ScatterChart
        points={c.points}
        xLabel={c.xLabel}
        formatX={SCALE_INFO[c.scale].format}
        unitLabel="per 10,000 children aged 0 to 17"
        formatY={formatRate}
        england={c.england}
        line={c.line}
        lineLabel="Theil–Sen line (median of the slopes between pairs of councils)"
        selected={c.selected}
        highlightGroup={c.highlightGroup}
        missing={c.missing}
        cursor={cursor}
        onCursorChange={onCursorChange}
        onSelect={onSelect}
        titleId={`${view.frame.id}-title`}
      />
    </Frame>
  );
}

export function AdjustedFrameView({
  view,
  cursor,
  onCursorChange,
  onSelect,
}: {
  readonly view: Pick<ReturnType<typeof adjustedView>, 'frame' | 'chart'>;
  readonly cursor?: string | null;
  readonly onCursorChange?: (c: string | null) => void;
  readonly onSelect?: (code: string) => void;
}) {
  return (
    <Frame frame={view.frame} frozen={!onCursorChange}>
      <p className={styles.caveat} data-testid="adjusted-caveat" data-export-note={ADJUSTED_CAVEAT}>
        <strong>Read this first.</strong> {ADJUSTED_CAVEAT}
      </p>
      <RatioFunnelChart points={view.chart.points} missing={view.chart.missing} selected={view.chart.selected} cursor={cursor} onCursorChange={onCursorChange} onSelect={onSelect} titleId={`${view.frame.id}-title`} />
    </Frame>
  );
}

export function GapFrameView({ view, cursor, onCursorChange }: { readonly view: Pick<ReturnType<typeof gapView>, 'frame' | 'series' | 'chartBreaks' | 'from' | 'to' | 'period'>; readonly cursor?: TrendCursor | null; readonly onCursorChange?: (c: TrendCursor | null) => void }) {
  return (
    <Frame frame={view.frame} frozen={!onCursorChange}>
      <TrendChart series={view.series} unitLabel="per 10,000 children aged 0 to 17" period={view.period} from={view.from} to={view.to} formatValue={formatRate} breaks={view.chartBreaks} cursor={cursor} onCursorChange={onCursorChange} titleId={`${view.frame.id}-title`} />
    </Frame>
  );
}

export function ProfileFrameView({ view, name }: { readonly view: ReturnType<typeof profileView>; readonly name: string }) {
  return (
    <Frame frame={view.frame} frozen>
      <BarChart
        rows={view.rows.map((r) => ({ key: String(r.decile), label: r.label, value: { kind: 'value', value: r.share }, compare: { kind: 'value', value: r.england } }))}
        seriesLabel={name}
        compareLabel="England"
        unitLabel="% of children aged 0 to 15"
        formatValue={(n) => `${n}%`}
        titleId={`${view.frame.id}-title`}
        tableCaption={view.frame.title}
      />
    </Frame>
  );
}

/** Before a council is chosen: what the profile chart will show. */
export function ProfilePrompt() {
  return (
    <p className={styles.prompt} data-profile-prompt="">
      Label a council (with the box above, or by selecting it on the scatter or the funnel) to see where its children live: the profile behind its expected number.
    </p>
  );
}
