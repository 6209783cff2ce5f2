import Link from 'next/link';
import { NeighboursChart } from '@/components/charts/NeighboursChart';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { profilePath } from '@/lib/areas/identity';
import type { NeighbourComparison, NeighbourSet } from '@/lib/areas/neighbours';
import { neighboursShare, neighboursTitle, type AreaRef } from '@/lib/areas/share';
import { cellText, yearText, type MeasureInfo } from '@/lib/areas/words';
import type { SourceRef } from '@/lib/explorer/types';
import { formatRate } from '@/lib/format';
import { ScrollRegion } from '@/components/frame/ScrollRegion';
import { StaticPart } from '@/components/frame/StaticPart';
import styles from './areas.module.css';

interface Props {
  readonly area: AreaRef;
  readonly set: NeighbourSet;
  readonly comparisons: readonly NeighbourComparison[];
  readonly measures: Readonly<Record<string, MeasureInfo>>;
  readonly sources: Readonly<Record<string, SourceRef>>;
  /** Embeds: the frame only. */
  readonly embedded?: boolean;
}

/** DfE's ten statistical neighbours, named with their closeness, and the council against them on each core measure. */
export function NeighboursSection({ area, set, comparisons, measures, sources, embedded }: Props) {
  const share = neighboursShare(area, set, comparisons, measures, sources);
  const allSources = [...new Set([set.sourceId, ...comparisons.flatMap((c) => [c.areaSourceId, c.englandSourceId, ...c.neighbours.map((n) => n.sourceId)])])].map((id) => (id ? sources[id] : undefined)).filter((s): s is SourceRef => s !== undefined);
  const frameId = embedded ? 'similar-embed' : 'similar-chart';
  const model = set.model === '2025' ? "DfE's 2025 statistical neighbour model" : "DfE's April 2021 statistical neighbour groupings";
  const frame = (
    <ChartFrame
      sourcesListed={false}
      id={frameId}
      title={neighboursTitle(area, set)}
      definition={`Each measure's latest year. The neighbours' average is the plain mean of the rates of the neighbours with a figure, each council counted once, as DfE's LAIT tool averages statistical neighbours.`}
      sources={allSources}
      share={share}
      textKey=""
    >
      <StaticPart>
        <NeighboursChart
          areaLabel={area.name}
          strips={comparisons.map((c) => ({
            key: c.measure,
            label: measures[c.measure]!.shortLabel,
            yearLabel: yearText(measures[c.measure]!, c.year),
            area: c.area,
            england: c.england,
            average: c.average?.value,
            neighbours: c.neighbours.map((n) => ({ name: n.neighbour.name, cell: n.cell })),
          }))}
          unitLabel="Rates per 10,000 children aged 0 to 17"
          formatValue={formatRate}
          titleId={`${frameId}-title`}
          descId={`${frameId}-desc`}
        />
        <details className={styles.tableDetails}>
          <summary>Show as a table</summary>
        <ScrollRegion label={`${area.name} and its statistical neighbours, as a table`}>
          <table>
            <caption>
              {area.name}, its statistical neighbours and England: rate per 10,000 children, latest year
            </caption>
            <thead>
              <tr>
                <th scope="col" className={styles.rowName}>
                  Council
                </th>
                {comparisons.map((c) => (
                  <th key={c.measure} scope="col" className="num">
                    {measures[c.measure]!.shortLabel}
                    <br />
                    <span className="small muted">{yearText(measures[c.measure]!, c.year)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className={styles.rowName}>
                  {area.name}
                </th>
                {comparisons.map((c) => (
                  <td key={c.measure} className="num">
                    <strong>{cellText(c.area)}</strong>
                  </td>
                ))}
              </tr>
              {set.neighbours.map((n, i) => (
                <tr key={n.code}>
                  <th scope="row" className={styles.rowName}>
                    {embedded ? n.name : <Link href={profilePath(n.profileCode)}>{n.name}</Link>}
                  </th>
                  {comparisons.map((c) => (
                    <td key={c.measure} className="num">
                      {cellText(c.neighbours[i]!.cell)}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row" className={styles.rowName}>
                  Neighbours&rsquo; average
                </th>
                {comparisons.map((c) => (
                  <td key={c.measure} className="num">
                    {c.average ? `${cellText({ kind: 'value', value: Math.round(c.average.value * 10) / 10 })}${c.average.n < set.neighbours.length ? ` (${c.average.n} of ${set.neighbours.length})` : ''}` : 'no figure'}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row" className={styles.rowName}>
                  England
                </th>
                {comparisons.map((c) => (
                  <td key={c.measure} className="num">
                    {cellText(c.england)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
        </details>
      </StaticPart>
    </ChartFrame>
  );
  if (embedded) return frame;
  return (
    <section className={styles.section} aria-labelledby="similar">
      <h2 id="similar">Similar councils</h2>
      <p>
        {model} finds these ten councils closest to {area.name} on a set of demographic and socio-economic characteristics, closest first
        {set.note ? ` (${set.note})` : ''}:
      </p>
      <StaticPart>
      <ol className={styles.neighbours} data-testid="neighbours">
        {set.neighbours.map((n) => (
          <li key={n.code}>
            <Link href={profilePath(n.profileCode)}>{n.name}</Link> <span className={styles.closeness}>({n.closeness.toLowerCase()})</span>
          </li>
        ))}
      </ol>
      </StaticPart>
      <p className="small muted">
        Neighbours are chosen from the characteristics of the area, not from the social care figures below, so a council can differ from all of its neighbours. The lists are not
        symmetric, and some neighbours are not close: see the <Link href="/methodology/#neighbours">methodology</Link>.
      </p>
      {frame}
    </section>
  );
}
