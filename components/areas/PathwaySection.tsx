'use client';

import { useDeferredValue, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { LazyPathwayChart, preloadPathwayChart } from '@/components/charts/lazy';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { unpackCell, type PathwaySeries } from '@/lib/areas/pathway';
import { pathwayShare, pathwayTitle, type AreaRef } from '@/lib/areas/share';
import { cellText, conversionText, missingReason, stepConversionText, type MeasureInfo } from '@/lib/areas/words';
import type { SeriesBreak, SourceRef } from '@/lib/explorer/types';
import { formatCount, formatRate, formatYear } from '@/lib/format';
import { ScrollRegion } from '@/components/frame/ScrollRegion';
import { StaticPart } from '@/components/frame/StaticPart';
import styles from './areas.module.css';

interface Props {
  readonly area: AreaRef;
  readonly series: PathwaySeries;
  readonly measures: Readonly<Record<string, MeasureInfo>>;
  readonly sources: Readonly<Record<string, SourceRef>>;
  readonly breaks: Readonly<Record<string, readonly SeriesBreak[]>>;
  readonly embedded?: boolean;
}

/** Read ?year= once the page is in the browser (a static page cannot know its query string). */
function yearFromUrl(years: readonly number[]): number | undefined {
  const y = Number(new URLSearchParams(window.location.search).get('year'));
  return years.includes(y) ? y : undefined;
}

/**
 * The pathway (referrals → section 47 enquiries → conferences → plans started) of a year, with a
 * year control; the server renders the latest year. Steps that are missing say why.
 */
export function PathwaySection({ area, series, measures, sources, breaks, embedded }: Props) {
  const years = useMemo(() => series.years.map((y) => y.year), [series]);
  const latest = years[years.length - 1]!;
  // The select shows the year chosen at once; the chart follows (deferred), so while its code loads
  // (components/charts/lazy.tsx; usually already, from the select's focus or pointer) the year shown
  // before stays drawn. No Suspense boundary here: the build must draw the chart in place.
  const [selected, setYear] = useState(latest);
  const year = useDeferredValue(selected);
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  useEffect(() => {
    const y = yearFromUrl(years);
    if (y !== undefined) setYear(y);
  }, [years]);
  const choose = (y: number) => {
    setYear(y);
    if (embedded) return;
    const url = new URL(window.location.href);
    if (y === latest) url.searchParams.delete('year');
    else url.searchParams.set('year', String(y));
    window.history.replaceState(null, '', url);
  };
  const y = series.years.find((x) => x.year === year)!;
  const isEngland = area.code === 'E92000001';
  const hasNeighbours = series.neighbourModel !== undefined;
  const share = useMemo(() => pathwayShare(area, series, year, latest, measures, sources, breaks), [area, series, year, latest, measures, sources, breaks]);
  const used = [...new Set(y.sourceIds)].map((s) => (s ? sources[s] : undefined)).filter((s): s is SourceRef => s !== undefined);
  const yl = formatYear('reporting-year', year);
  const steps = series.steps.map((sid) => measures[sid]!);
  const missing = steps.map((m, i) => ({ m, c: unpackCell(y.rate[i]!) })).filter((x) => x.c?.kind !== 'value');
  const counted = steps.flatMap((m) => (breaks[m.id] ?? []).filter((b) => b.appliesTo === 'count-and-rate' && year < b.year).map((b) => ({ m, b })));

  const notes: ReactNode[] = [
    ...missing.map(({ m, c }) => (
      <span key={`m-${m.id}`}>
        <strong>{m.shortLabel}:</strong> {cellText(c)}
        {c?.kind === 'missing' && (
          <>
            {' '}
            (<code>{c.status}</code>)
          </>
        )}
        . {missingReason(c)}
      </span>
    )),
    ...counted.map(({ m, b }) => (
      <span key={`b-${m.id}-${b.year}`}>
        <strong>{m.shortLabel}</strong> in {yl}: {b.before} ({b.label.toLowerCase()} from {formatYear('reporting-year', b.year)}).
      </span>
    )),
    <span key="conv">Conversions are the later step&rsquo;s count divided by the earlier one&rsquo;s, in the same year: not the same children followed through, since a child can be referred, or enquired into, more than once.</span>,
  ];

  return (
    <ChartFrame
      sourcesListed={false}
      id={embedded ? 'pathway-embed' : 'pathway-chart'}
      title={pathwayTitle(area, yl, hasNeighbours, isEngland)}
      definition={`Referrals to children's social care, section 47 enquiries, initial child protection conferences and child protection plans started in the year, per 10,000 children aged 0 to 17, from DfE's children in need census.${hasNeighbours ? " The neighbours' average is the plain mean of the neighbours' rates." : ''}`}
      sources={used}
      share={share}
      notes={notes}
      textKey={String(year)}
    >
      <div className={styles.controls}>
        <label htmlFor={`${id}-year`}>
          Year{' '}
          <select id={`${id}-year`} value={selected} onChange={(e) => choose(Number(e.target.value))} onFocus={preloadPathwayChart} onPointerEnter={preloadPathwayChart}>
            {[...years].reverse().map((yy) => (
              <option key={yy} value={yy}>
                {formatYear('reporting-year', yy)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* Kept as the server drew it on load; a change of year draws it anew (the key). */}
      <StaticPart key={year}>
        <LazyPathwayChart
          series={[
            { key: 'area', label: area.name },
            ...(hasNeighbours ? [{ key: 'neighbours', label: "Statistical neighbours' average" }] : []),
            ...(isEngland ? [] : [{ key: 'england', label: 'England' }]),
          ]}
          steps={steps.map((m, i) => ({
            key: m.id,
            label: m.shortLabel,
            values: [unpackCell(y.rate[i]!), ...(hasNeighbours ? [y.neighbours[i] === null ? undefined : { kind: 'value' as const, value: y.neighbours[i]! }] : []), ...(isEngland ? [] : [unpackCell(y.england[i]!)])],
          }))}
          conversions={steps.slice(1).map((m, i) => (y.conversions[i] === null ? undefined : `${stepConversionText(y.conversions[i], steps[i]!.countUnit, m.countUnit)}${isEngland || y.englandConversions[i] === null ? '' : ` (England ${conversionText(y.englandConversions[i])})`}`))}
          unitLabel="per 10,000 children aged 0 to 17"
          formatValue={formatRate}
          titleId={`${embedded ? 'pathway-embed' : 'pathway-chart'}-title`}
          descId={`${embedded ? 'pathway-embed' : 'pathway-chart'}-desc`}
        />
        <details className={styles.tableDetails}>
          <summary>Show as a table</summary>
        <ScrollRegion label={`The pathway in ${area.name}, ${yl}, as a table`}>
          <table>
            <caption>
              The pathway in {area.name}, {yl}: per 10,000 children (number in brackets)
            </caption>
            <thead>
              <tr>
                <th scope="col" className={styles.rowName}>
                  Step
                </th>
                <th scope="col" className="num">
                  {area.name}
                </th>
                {hasNeighbours && (
                  <th scope="col" className="num">
                    Neighbours&rsquo; average
                  </th>
                )}
                {!isEngland && (
                  <th scope="col" className="num">
                    England
                  </th>
                )}
                <th scope="col">From the step before</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((m, i) => (
                <tr key={m.id}>
                  <th scope="row" className={styles.rowName}>
                    {m.shortLabel}
                  </th>
                  <td className="num">
                    {cellText(unpackCell(y.rate[i]!))}
                    {typeof y.count[i] === 'number' && <span className="muted"> ({formatCount(y.count[i] as number, '')})</span>}
                  </td>
                  {hasNeighbours && <td className="num">{y.neighbours[i] === null ? 'no figure' : `${formatRate(y.neighbours[i]!)}${y.neighboursN[i]! < 10 ? ` (${y.neighboursN[i]} of 10)` : ''}`}</td>}
                  {!isEngland && <td className="num">{cellText(unpackCell(y.england[i]!))}</td>}
                  <td>
                    {i === 0
                      ? '—'
                      : `${stepConversionText(y.conversions[i - 1], steps[i - 1]!.countUnit, m.countUnit)}${isEngland ? '' : ` (England ${conversionText(y.englandConversions[i - 1])})`}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        </details>
      </StaticPart>
    </ChartFrame>
  );
}
