import Link from 'next/link';
import type { AreaProfile } from '@/lib/areas/profile';
import { cellText, countText, FUNNEL_WORDS, missingReason, RATE_UNIT, rankText, yearText, type MeasureInfo } from '@/lib/areas/words';
import type { SourceRef } from '@/lib/explorer/types';
import { STATUS_LABEL } from '@/lib/status';
import styles from './areas.module.css';
import { SourceLine } from '@/components/frame/SourceLine';
import { StaticPart } from '@/components/frame/StaticPart';

interface Props {
  readonly data: AreaProfile;
  readonly measures: Readonly<Record<string, MeasureInfo>>;
  readonly sources: Readonly<Record<string, SourceRef>>;
}

/**
 * The latest figure of each core measure: rate and count with the year, England's and the region's
 * rate, the rank and the funnel verdict, each linking to the measure page with this area selected.
 * A missing figure shows DfE's reason and the last year with a figure.
 */
export function HeadlineSection({ data, measures, sources }: Props) {
  const { profile, regionName } = data;
  return (
    <section className={styles.section} aria-labelledby="latest">
      <h2 id="latest">Latest figures</h2>
      <p className="small muted">
        Rates are per 10,000 children aged 0 to 17.{' '}
        {profile.area.level === 'la' && (
          <>
            The ranks put the highest rate first. The limits are those of a <Link href="/methodology/#funnel">funnel plot</Link>: a council with as many children as this one and
            England&rsquo;s rate would fall outside its 99.8% limits by chance only twice in a thousand.
          </>
        )}
      </p>
      {/* Figures and links only: kept as the build drew them (not hydrated). */}
      <StaticPart>
      <ul className={styles.headline}>
        {data.headline.map((h) => {
          const m = measures[h.measure]!;
          const value = m.hasRate ? h.rate : h.count;
          const missing = value?.kind !== 'value';
          const source = h.sourceId ? sources[h.sourceId] : undefined;
          return (
            <li key={h.measure} className={styles.card} data-measure={h.measure}>
              <h3>
                <Link href={h.link}>{m.label}</Link>
              </h3>
              <p className={styles.year}>{yearText(m, h.year)}</p>
              {!missing ? (
                <>
                  <p className={styles.figure} data-testid={`figure-${h.measure}`}>
                    {cellText(value)} <span className={styles.unit}>{m.hasRate ? RATE_UNIT : m.countUnit}</span>
                  </p>
                  {m.hasRate && <p>{countText(h.count, m)}</p>}
                </>
              ) : (
                <>
                  <p className={styles.missingFigure} data-testid={`figure-${h.measure}`}>
                    {value ? (
                      <>
                        {STATUS_LABEL[value.status]} <code>{value.status}</code>
                      </>
                    ) : (
                      'No figure'
                    )}
                  </p>
                  <p className={styles.reason}>{missingReason(value)}</p>
                  {h.lastValue && (
                    <p className={styles.reason}>
                      Last published figure: {yearText(m, h.lastValue.year)}, {m.hasRate ? `${cellText(h.lastValue.rate)} ${RATE_UNIT} (${countText(h.lastValue.count, m)})` : countText(h.lastValue.count, m)}.
                    </p>
                  )}
                </>
              )}
              {h.england && (
                <dl className={styles.compare}>
                  <div>
                    <dt>England</dt>
                    <dd>{cellText(m.hasRate ? h.england.rate : h.england.count)}</dd>
                  </div>
                  {h.region && (
                    <div>
                      <dt>{regionName}</dt>
                      <dd>{cellText(h.region.rate)}</dd>
                    </div>
                  )}
                </dl>
              )}
              {h.rank && (
                <p className="small">
                  <Link href={h.rankLink}>{rankText(h.rank)}</Link>
                </p>
              )}
              {h.funnel && (
                <div className={styles.verdictText}>
                  <p>
                    <span className={`${styles.verdict} ${styles[h.funnel.verdict]}`}>{FUNNEL_WORDS[h.funnel.verdict].short}</span>
                  </p>
                  <p>
                    {capitalise(FUNNEL_WORDS[h.funnel.verdict].long)} (limits {cellText({ kind: 'value', value: Math.round(h.funnel.lower998 * 10) / 10 })} to {cellText({ kind: 'value', value: Math.round(h.funnel.upper998 * 10) / 10 })}).
                  </p>
                </div>
              )}
              {source && <SourceLine source={source} rateOrigin={m.hasRate ? h.rateOrigin : ''} />}
            </li>
          );
        })}
      </ul>
      </StaticPart>
    </section>
  );
}

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
