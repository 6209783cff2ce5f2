'use client';

import { useCallback, useMemo, useState } from 'react';
import { TrendChart } from '@/components/charts/TrendChart';
import { useFrameMode, useLinkTarget } from '@/components/frame/FrameMode';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { formatCount, formatDate, formatRate, formatYear, formatYearShort } from '@/lib/format';
import { areaMap, cellAt, ENGLAND, provenanceAt, regions, seriesOf, stateContextOf } from '@/lib/explorer/access';
import { describeTrend } from '@/lib/explorer/alt';
import { makeShare, trendCsv, type FigureFocus } from '@/lib/explorer/share';
import { chartTitle, rateNote, sourcesShown, unitLabel, valueFormatter, yearRange } from '@/lib/explorer/describe';
import { breaksInRange, chartBreaks } from '@/lib/explorer/breaks';
import type { AreaMeta, MeasureData, QuoteRef } from '@/lib/explorer/types';
import { STATUS_LABEL } from '@/lib/status';
import { MAX_AREAS, type ViewState } from '@/lib/view-state';
import styles from './views.module.css';

interface Props {
  readonly data: MeasureData;
  readonly state: ViewState;
  readonly onChange: (patch: Partial<ViewState>) => void;
}

/** Places shown, in words: "England and Hackney", "England, the regions and 3 councils". */
export function placesLabel(shown: readonly AreaMeta[], withRegions: boolean): string {
  const picked = shown.filter((a) => a.level !== 'country' && !(withRegions && a.level === 'region'));
  const parts = ['England'];
  if (withRegions) parts.push('the regions');
  if (picked.length > 0 && picked.length <= 3) parts.push(...picked.map((a) => a.name));
  else if (picked.length > 3) parts.push(`${picked.length} selected areas`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function shownAreas(data: MeasureData, state: ViewState): AreaMeta[] {
  const byCode = areaMap(data);
  const chosen = state.areas.map((c) => byCode.get(c)).filter((a): a is AreaMeta => a !== undefined);
  const regs = state.regions ? regions(data).filter((r) => !state.areas.includes(r.code)) : [];
  return [byCode.get(ENGLAND)!, ...regs, ...chosen];
}

export function ChartView({ data, state, onChange }: Props) {
  const { measure } = data;
  const embed = useFrameMode() === 'embed';
  const linkTarget = useLinkTarget();
  const [cursor, setCursor] = useState<{ key: string; year: number } | null>(null);
  // The last point the cursor was on stays the figure "Cite this figure" cites (the cursor itself
  // clears when the pointer leaves the chart for the Cite button).
  const [focus, setFocus] = useState<FigureFocus | null>(null);
  const moveCursor = useCallback((c: { key: string; year: number } | null) => {
    setCursor(c);
    if (c) setFocus({ code: c.key, year: c.year });
  }, []);
  const [activeQuote, setActiveQuote] = useState<string | null>(null);
  const [activeBreak, setActiveBreak] = useState<string | null>(null);
  const byCode = useMemo(() => areaMap(data), [data]);
  const shown = shownAreas(data, state);
  // A region the reader picked is a line of its own (coloured and marked like a council), not a grey background line.
  const series = shown.map((a) => {
    const s = seriesOf(data, state.unit, a, state.from, state.to);
    return a.level === 'region' && state.areas.includes(a.code) ? { ...s, kind: 'area' as const } : s;
  });
  const years = data.years.filter((y) => y >= state.from && y <= state.to);
  const codes = shown.map((a) => a.code);
  const quotes = data.quotes.filter((q) => q.year !== undefined && q.year >= state.from && q.year <= state.to);
  const quote = data.quotes.find((q) => q.id === activeQuote);
  const breaks = breaksInRange(chartBreaks(data.breaks, state.unit), state.from, state.to);
  const openBreak = breaks.find((b) => b.id === activeBreak);
  const id = `chart-${measure.id}`;
  const title = chartTitle(measure, state.unit, placesLabel(shown, state.regions), yearRange(measure, state.from, state.to));
  const sources = sourcesShown(data, codes, years);
  const note = rateNote(data, codes, years, state.unit);
  const share = makeShare({
    data,
    state: { ...state, view: 'chart' },
    ctx: stateContextOf(data),
    title,
    sources,
    rateNote: note,
    description: describeTrend(data, state.unit, shown, state.from, state.to, quotes.length),
    subject: `${measure.label}, ${unitLabel(measure, state.unit)}, ${placesLabel(shown, state.regions)}`,
    from: state.from,
    to: state.to,
    csv: trendCsv(data, state.unit, shown, state.from, state.to),
    focus: focus && codes.includes(focus.code) && years.includes(focus.year) ? focus : null,
  });

  // Reorganised councils: say where their line stops or starts, and offer their successors/predecessors.
  const reorganised = shown.filter((a) => a.level === 'la' && (a.successors.length > 0 || a.predecessors.length > 0));
  // In an embed (a fixed height on someone else's page) the breaks share one line; each note opens from its label on the chart.
  const span = (b: { year: number }) => `${formatYearShort(measure.period, b.year - 1)} to ${formatYearShort(measure.period, b.year)}`;
  const notes =
    embed && breaks.length > 0
      ? [
          <span key="breaks">
            <strong>Break{breaks.length > 1 ? 's' : ''} in the series:</strong> {breaks.map((b) => `${span(b)} (${b.label.toLowerCase()})`).join('; ')}; the label{breaks.length > 1 ? 's' : ''} on the chart open{breaks.length > 1 ? '' : 's'} the note.
          </span>,
        ]
      : breaks.map((b) => (
          <span key={b.id}>
            <strong>Break in the series, {span(b)}:</strong> {b.note}
          </span>
        ));
  notes.push(...reorganised.map((a) => {
    const related = [...a.predecessors, ...a.successors].filter((c) => !state.areas.includes(c) && byCode.has(c));
    return (
      <span key={a.code}>
        <strong>{a.name}:</strong> {a.changeNote}{' '}
        {!embed && related.length > 0 && state.areas.length + related.length <= MAX_AREAS && (
          <button type="button" className={styles.linkButton} onClick={() => onChange({ areas: [...state.areas, ...related] })}>
            Add {related.map((c) => byCode.get(c)!.name).join(' and ')}
          </button>
        )}
      </span>
    );
  }));
  const anyMissing = series.some((s) => s.points.some((p) => p.cell?.kind === 'missing'));
  if (anyMissing) notes.push(<span key="gaps">A missing figure is a gap in its line, never a zero; the marks under the chart say why (hover or use the arrow keys).</span>);

  return (
    <>
      {!embed && (
      <div className={`${styles.viewControls} needs-js`}>
        <label className={styles.inline}>
          From{' '}
          <select value={state.from} onChange={(e) => onChange({ from: Number(e.target.value) })}>
            {data.years.filter((y) => y <= state.to).map((y) => (
              <option key={y} value={y}>
                {formatYearShort(measure.period, y)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.inline}>
          to{' '}
          <select value={state.to} onChange={(e) => onChange({ to: Number(e.target.value) })}>
            {data.years.filter((y) => y >= state.from).map((y) => (
              <option key={y} value={y}>
                {formatYearShort(measure.period, y)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.inline}>
          <input type="checkbox" checked={state.regions} onChange={(e) => onChange({ regions: e.target.checked })} /> Show all regions
        </label>
      </div>
      )}
      <ChartFrame
        id={id}
        title={title}
        definition={`${measure.definition} Unit: ${unitLabel(measure, state.unit)}.`}
        sources={sources}
        rateNote={note}
        notes={notes}
        share={share}
      >
        <TrendChart
          series={series}
          unitLabel={unitLabel(measure, state.unit)}
          period={measure.period}
          from={state.from}
          to={state.to}
          formatValue={valueFormatter(measure, state.unit)}
          quotes={quotes.map((q) => ({ id: q.id, year: q.year!, label: `${q.speaker}: “${q.quote}”` }))}
          cursor={cursor}
          onCursorChange={moveCursor}
          activeQuote={activeQuote}
          onQuoteActivate={setActiveQuote}
          breaks={breaks}
          activeBreak={activeBreak}
          onBreakActivate={setActiveBreak}
          titleId={`${id}-title`}
        />
      </ChartFrame>
      {openBreak && (
        <aside className={styles.breakNote} aria-live="polite" aria-label="Break in the series" data-break-note={openBreak.year}>
          <p>
            <strong>
              Break in the series between {formatYearShort(measure.period, openBreak.year - 1)} and {formatYearShort(measure.period, openBreak.year)}: {openBreak.label.toLowerCase()}.
            </strong>{' '}
            {openBreak.note}
            {openBreak.before ? ` Figures before ${formatYearShort(measure.period, openBreak.year)}: ${openBreak.before}.` : ''}
          </p>
          <p className={styles.quoteCite}>
            {openBreak.advice} Source: {openBreak.sources.join('; ')}.
          </p>
          <button type="button" className={styles.linkButton} onClick={() => setActiveBreak(null)}>
            Close note
          </button>
        </aside>
      )}
      {quote && (
        <aside className={styles.quote} aria-live="polite" aria-label="Quote from a report">
          <blockquote cite={quote.url}>
            <p>“{quote.quote}”</p>
          </blockquote>
          <p className={styles.quoteCite}>
            — {quote.speaker}, <a href={quote.url} {...linkTarget}>
              {quote.sourceTitle}
            </a>
            , {quote.publisher}
            {quote.date && `, ${formatDate(quote.date)}`}. Speaks of {quote.year !== undefined ? formatYear(measure.period, quote.year) : 'no single year'}.
            {quote.verification !== 'V' && ` Wording checked in ${quote.verification === 'V2' ? 'a secondary source quoting it' : 'a seed document only'}.`}
          </p>
          <QuoteFigure data={data} quote={quote} />
          {quote.claim ? (
            <p className={styles.quoteCheck} data-quote-claim={quote.id}>
              <strong>Checked: {quote.claim.label}.</strong>{' '}
              <a href={`/claims/${quote.id}/`} {...linkTarget}>
                See the arithmetic and the verdict
              </a>
            </p>
          ) : (
            <p className={styles.quoteCheck}>A quote without a figure to check: shown as context, with no verdict.</p>
          )}
          <button type="button" className={styles.linkButton} onClick={() => setActiveQuote(null)}>
            Close quote
          </button>
        </aside>
      )}
      {data.quotes.length > 0 && !embed && (
        <details className={styles.quotesList}>
          <summary>What the reports said ({data.quotes.length})</summary>
          <ul>
            {data.quotes.map((q) => (
              <li key={q.id}>
                <q cite={q.url}>{q.quote}</q> — {q.speaker}, <a href={q.url}>{q.sourceTitle}</a>
                {q.date && ` (${formatDate(q.date)})`}.{' '}
                {q.claim ? <a href={`/claims/${q.id}/`}>Checked: {q.claim.label.toLowerCase()}</a> : <span className={styles.muted}>Context: no figure to check.</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** The site's figure for the year a quote speaks of (England, count and rate), with its release, next to what the quote says. */
function QuoteFigure({ data, quote }: { readonly data: MeasureData; readonly quote: QuoteRef }) {
  if (quote.year === undefined) return null;
  const m = data.measure;
  const count = m.hasCount ? cellAt(data, 'count', ENGLAND, quote.year) : undefined;
  const rate = m.hasRate ? cellAt(data, 'rate', ENGLAND, quote.year) : undefined;
  const p = provenanceAt(data, ENGLAND, quote.year);
  const src = p ? data.sources.find((s) => s.id === p.sourceId) : undefined;
  const parts = [
    count?.kind === 'value' ? `${formatCount(count.value, m.countUnit)} ${m.countUnit === '£' || m.countUnit === '%' ? '' : m.countUnit}`.trim() : count ? STATUS_LABEL[count.status] : undefined,
    rate?.kind === 'value' ? `${formatRate(rate.value)} per 10,000 children` : undefined,
  ].filter(Boolean);
  if (!parts.length) return <p className={styles.quoteFigure}>This site has no England figure for {formatYear(m.period, quote.year)}.</p>;
  return (
    <p className={styles.quoteFigure} data-quote-figure={quote.year}>
      <strong>
        This site&rsquo;s figure, England, {formatYear(m.period, quote.year)}: {parts.join(' (')}
        {parts.length > 1 ? ')' : ''}.
      </strong>
      {src && ` Source: ${src.citation}.`}
    </p>
  );
}
