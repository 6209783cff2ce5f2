import Link from 'next/link';
import { SourceLine } from '@/components/frame/SourceLine';
import type { DeprivationSummary, LaitFigure, PopulationFigure } from '@/lib/areas/context';
import { cellText, countText, RATE_UNIT, yearText, type MeasureInfo } from '@/lib/areas/words';
import type { SourceRef } from '@/lib/explorer/types';
import { formatNumber, formatRate } from '@/lib/format';
import { ScrollRegion } from '@/components/frame/ScrollRegion';
import { StaticPart } from '@/components/frame/StaticPart';
import styles from './areas.module.css';

interface Props {
  readonly name: string;
  readonly isEngland: boolean;
  /** A council's IMD 2019 summary (undefined for England and regions). */
  readonly deprivation?: DeprivationSummary;
  readonly population: PopulationFigure | undefined;
  readonly lait: readonly LaitFigure[];
  readonly measures: Readonly<Record<string, MeasureInfo>>;
  readonly sources: Readonly<Record<string, SourceRef>>;
}

/** How many children live here, and the workforce and spending figures of DfE's LAIT beside England's. */
export function ContextSection({ name, isEngland, deprivation, population, lait, measures, sources }: Props) {
  const fig = (l: LaitFigure, c: LaitFigure['cell']) => {
    const m = measures[l.measure]!;
    return l.unit === 'rate' ? `${cellText(c)} ${RATE_UNIT}` : countText(c, m);
  };
  const laitSources = [...new Set(lait.map((l) => l.sourceId).filter((s): s is string => !!s))].map((id) => sources[id]).filter((s): s is SourceRef => !!s);
  return (
    <section className={styles.section} aria-labelledby="context">
      <h2 id="context">Context</h2>
      {/* Words, figures and links only: kept as the build drew them (not hydrated). */}
      <StaticPart>
      {population && (
        <>
          <p>
            <strong>{formatNumber(population.children)}</strong> children aged 0 to 17 lived in {name} in mid-{population.midYear}
            {!isEngland && population.england !== undefined && <> ({shareText(population.children / population.england)} of England&rsquo;s {formatNumber(population.england)})</>}: the
            population the rates per 10,000 are worked out from.
          </p>
          {population.sourceId && sources[population.sourceId] && <SourceLine source={sources[population.sourceId]!} />}
        </>
      )}
      {deprivation && (
        <>
          <h3 id="imd">Deprivation: the English Indices of Deprivation 2019</h3>
          <dl className={styles.facts}>
            <dt>IMD 2019 rank</dt>
            <dd>{deprivation.imdRank !== undefined ? `${deprivation.imdRank} of 151 upper-tier councils (1 = most deprived)` : 'not published for this council (see below)'}</dd>
            <dt>IDACI 2019 rank</dt>
            <dd>{deprivation.idaciRank !== undefined ? `${deprivation.idaciRank} of 151 (income deprivation affecting children)` : 'not published for this council'}</dd>
            <dt>Neighbourhoods in England&rsquo;s most deprived 10%</dt>
            <dd>{pct(deprivation.shareLsoasMostDeprived10)} of its LSOAs</dd>
            <dt>Children in those neighbourhoods</dt>
            <dd>{pct(deprivation.childrenMostDeprived10)} of its children aged 0 to 15</dd>
          </dl>
          {deprivation.basis !== 'published' && deprivation.basis !== 'not-applicable' && deprivation.note && <p className="small muted">{deprivation.note}</p>}
          <p className="small muted">
            The ranks are of the council&rsquo;s average score among the 151 councils of 2019; the shares are computed here from the neighbourhood files. Where its children live, decile by
            decile, is under <a href="#deprivation">Deprivation</a>.
          </p>
        </>
      )}
      {lait.length > 0 && (
        <>
          <h3 id="workforce">Workforce, spending and courts</h3>
          <ScrollRegion label={`Workforce, spending and courts: ${name}`}>
            <table>
              <caption>
                {name}
                {isEngland ? '' : ' and England'}: the latest figure of each
              </caption>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Year</th>
                  <th scope="col" className="num">
                    {name}
                  </th>
                  {!isEngland && (
                    <th scope="col" className="num">
                      England
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {lait.map((l) => {
                  const m = measures[l.measure]!;
                  return (
                    <tr key={l.measure}>
                      <th scope="row" className={styles.rowName}>
                        <Link href={`/measures/${l.measure}/`}>{m.shortLabel}</Link>
                      </th>
                      <td>{yearText(m, l.year)}</td>
                      <td className="num">{fig(l, l.cell)}</td>
                      {!isEngland && <td className="num">{fig(l, l.england)}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          <p className={styles.tableNote}>
            Spending is gross, in cash terms (not adjusted for inflation). Workforce figures are for 30 September. See each measure&rsquo;s page for its definition and caveats.
          </p>
          {laitSources.map((s) => (
            <SourceLine key={s.id} source={s} />
          ))}
        </>
      )}
      </StaticPart>
    </section>
  );
}

const shareText = (x: number) => (x < 0.001 ? 'under 0.1%' : `${formatRate(100 * x)}%`);

const pct = (x: number | undefined) => (x === undefined ? 'not available' : `${formatRate(100 * x)}%`);
