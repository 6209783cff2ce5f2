import type { AreaProfile } from '@/lib/areas/profile';
import { pickMeasures, type MeasureInfo } from '@/lib/areas/words';
import type { SeriesBreak, SourceRef } from '@/lib/explorer/types';
import { formatYear } from '@/lib/format';
import { TrendCard } from './TrendCard';
import styles from './areas.module.css';

interface Props {
  readonly data: AreaProfile;
  readonly measures: Readonly<Record<string, MeasureInfo>>;
  readonly sources: Readonly<Record<string, SourceRef>>;
  readonly breaks: Readonly<Record<string, readonly SeriesBreak[]>>;
}

/** The definition's first sentence (the measure page has the rest). */
const firstSentence = (s: string) => /^.*?\.(?=\s+[A-Z(]|$)/.exec(s)?.[0] ?? s;

/** A small multiple of each core measure since 2010, server-rendered, each linking to the measure's full chart. */
export function TrendsSection({ data, measures, sources, breaks }: Props) {
  const a = data.profile.area;
  return (
    <section className={styles.section} aria-labelledby="trends">
      <h2 id="trends">Trends since 2010</h2>
      <p className="small muted">
        Rates per 10,000 children{a.level === 'la' ? `, ${a.name} against its region and England` : a.level === 'region' ? `, ${a.name} against England` : ''}. A gap is a year with no figure,
        never a zero. Each chart opens in full on its measure&rsquo;s page, with maps, rankings and every council.
      </p>
      <div className={styles.grid}>
        {data.trends.map((t) => {
          const m = measures[t.measure]!;
          const notes = t.codeChanges.map((c) => `${a.name}'s figures to ${formatYear(m.period, c.year - 1)} are published under ${c.from}, from ${formatYear(m.period, c.year)} under ${c.to} (same council and area).`);
          return (
            <TrendCard
              key={t.measure}
              id={`trend-${t.measure}`}
              measure={m}
              definition={`${firstSentence(m.definition)} Rate per 10,000 children aged 0 to 17.`}
              unitLabel="per 10,000 children aged 0 to 17"
              trend={t}
              breaks={breaks[t.measure] ?? []}
              sources={pickMeasures(sources, t.sourceIds)}
              notes={notes}
              linkLabel={`Open the full chart of ${m.shortLabel.toLowerCase()}`}
            />
          );
        })}
      </div>
    </section>
  );
}
