import Link from 'next/link';
import type { ReactNode } from 'react';
import { BarChart } from '@/components/charts/BarChart';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { StaticPart } from '@/components/frame/StaticPart';
import type { DeprivationSummary } from '@/lib/areas/context';
import { decilesShare, type AreaRef } from '@/lib/areas/share';
import type { SourceRef } from '@/lib/explorer/types';
import { formatRate } from '@/lib/format';
import styles from './areas.module.css';

interface Props {
  readonly area: AreaRef;
  readonly level: 'country' | 'region' | 'la';
  readonly summary: DeprivationSummary;
  readonly sources: Readonly<Record<string, SourceRef>>;
  readonly embedded?: boolean;
  /** Further deprivation content (the inequalities work adds rates by decile here). */
  readonly children?: ReactNode;
}

const pct = (x: number | undefined) => (x === undefined ? 'not available' : `${formatRate(100 * x)}%`);

/**
 * How deprived England's or a region's neighbourhoods are (English Indices of Deprivation 2019): its
 * children by neighbourhood decile against England's. A council's page shows the inequalities
 * work's own section instead (components/inequalities/CouncilDeprivation: where its children live,
 * its point on the scatter, observed against expected); the embed keeps this decile chart for
 * every area. Further content can be added as children.
 */
export function DeprivationSection({ area, level, summary, sources, embedded, children }: Props) {
  const d = summary.deciles;
  const isEngland = level === 'country';
  const frameId = embedded ? 'deprivation-embed' : 'deprivation-chart';
  const frame = d && (
    <ChartFrame
      sourcesListed={false}
      id={frameId}
      title={decilesShare(area, d, sources).title}
      definition="The share of the area's children aged 0 to 15 (mid-2015) who live in each tenth of England's 32,844 neighbourhoods (LSOAs), ranked by the Index of Multiple Deprivation 2019: decile 1 is the most deprived tenth. In England as a whole about a tenth of children live in each."
      sources={[sources[d.sourceId]].filter((s): s is SourceRef => s !== undefined)}
      share={decilesShare(area, d, sources)}
    >
      <StaticPart>
        <BarChart
          rows={d.area.map((share, i) => ({ key: `decile-${i + 1}`, label: i === 0 ? 'Decile 1 (most deprived)' : i === 9 ? 'Decile 10 (least deprived)' : `Decile ${i + 1}`, value: { kind: 'value', value: 100 * share }, compare: isEngland ? undefined : { kind: 'value', value: 100 * d.england[i]! } }))}
          seriesLabel={area.name}
          compareLabel={isEngland ? undefined : 'England'}
          unitLabel="% of children aged 0 to 15, by IMD 2019 decile of their neighbourhood"
          formatValue={(n) => `${formatRate(n)}%`}
          titleId={`${frameId}-title`}
          descId={`${frameId}-desc`}
          tableCaption={`Share of children aged 0 to 15 by IMD 2019 decile, ${area.name}${isEngland ? '' : ' and England'}`}
        />
      </StaticPart>
    </ChartFrame>
  );
  if (embedded) return frame ?? null;
  return (
    <section className={styles.section} aria-labelledby="deprivation">
      <h2 id="deprivation">Deprivation</h2>
      {level !== 'la' && d && (
        <p>
          {pct(summary.childrenMostDeprived10)} of {area.name}&rsquo;s children aged 0 to 15 live in England&rsquo;s most deprived tenth of neighbourhoods.
        </p>
      )}
      {summary.basis !== 'published' && summary.basis !== 'not-applicable' && summary.note && <p className="small muted">{summary.note}</p>}
      {frame}
      {children}
      <p className="small muted">
        Children&rsquo;s social care rates are much higher in more deprived neighbourhoods: see the <Link href="/methodology/">methodology</Link> and the Child Welfare Inequalities Project&rsquo;s findings.
      </p>
    </section>
  );
}
