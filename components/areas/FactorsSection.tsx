import type { ReactNode } from 'react';
import { ChartFrame } from '@/components/frame/ChartFrame';
import type { FactorsTable } from '@/lib/areas/factors';
import { factorsShare, type AreaRef } from '@/lib/areas/share';
import { cellText } from '@/lib/areas/words';
import type { SourceRef } from '@/lib/explorer/types';
import { formatNumber, formatYear } from '@/lib/format';
import { STATUS_LABEL } from '@/lib/status';
import styles from './areas.module.css';

interface Props {
  readonly area: AreaRef;
  readonly factors: FactorsTable;
  readonly sources: Readonly<Record<string, SourceRef>>;
  readonly chart?: ReactNode;
  readonly embedded?: boolean;
}

/** The factors most often recorded at the end of assessments here, against England. */
export function FactorsSection({ area, factors, sources, chart, embedded }: Props) {
  const isEngland = area.code === 'E92000001';
  const share = factorsShare(area, factors, sources);
  const yl = formatYear('reporting-year', factors.year);
  const frame = (
    <ChartFrame
      id={embedded ? 'factors-embed' : 'factors-chart'}
      title={share.title}
      definition={`The factors social workers recorded at the end of children in need assessments completed in ${yl}, as a share of the assessments with factor information (${factors.base?.kind === 'value' ? formatNumber(factors.base.value) : cellText(factors.base)} here). One assessment can record several factors, so the shares add up to more than 100%.`}
      sources={[sources[factors.sourceId]].filter((s): s is SourceRef => s !== undefined)}
      share={share}
      notes={factors.missing.length ? [`Not shown, missing here: ${factors.missing.map((m) => `${m.label} (${m.cell.kind === 'missing' ? STATUS_LABEL[m.cell.status] : ''})`).join('; ')}.`] : undefined}
    >
      {chart}
      <div className="table-wrap">
        <table>
          <caption>
            The {factors.top.length} most common factors in {area.name}, {yl}: % of assessments
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.rowName}>
                Factor
              </th>
              <th scope="col" className="num">
                {area.name}
              </th>
              {!isEngland && (
                <th scope="col" className="num">
                  England
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {factors.top.map((f) => (
              <tr key={f.factor}>
                <th scope="row" className={styles.rowName}>
                  {f.label}
                </th>
                <td className="num">{cellText(f.share)}%</td>
                {!isEngland && <td className="num">{f.england ? `${cellText(f.england)}%` : 'no figure'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
  if (embedded) return frame;
  return (
    <section className={styles.section} aria-labelledby="factors">
      <h2 id="factors">Factors at assessment</h2>
      {frame}
    </section>
  );
}
