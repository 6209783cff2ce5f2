import { formatYear } from '@/lib/format';
import { ENGLAND } from '@/lib/explorer/access';
import { rateNote } from '@/lib/explorer/describe';
import type { MeasureData } from '@/lib/explorer/types';
import styles from './views.module.css';

/** Definition, releases, caveats and where the rates come from. */
export function SourcesView({ data }: { readonly data: MeasureData }) {
  const { measure } = data;
  const allCodes = data.areas.map((a) => a.code);
  return (
    <section aria-labelledby={`sources-${measure.id}`}>
      <h2 id={`sources-${measure.id}`}>About these figures</h2>
      <dl className={styles.sources}>
        <dt>Definition</dt>
        <dd>{measure.definition}</dd>
        <dt>Counted</dt>
        <dd>
          {measure.kind === 'flow' ? 'Over a year' : 'On one day'}; years are labelled like {formatYear(measure.period, measure.lastYear)}. Data from {formatYear(measure.period, measure.firstYear)} to{' '}
          {formatYear(measure.period, measure.lastYear)}.
        </dd>
        {measure.hasRate && (
          <>
            <dt>Rates</dt>
            <dd>
              Per 10,000 children aged 0 to 17. England: {rateNote(data, [ENGLAND], data.years, 'rate')} All areas: {rateNote(data, allCodes, data.years, 'rate')}
            </dd>
          </>
        )}
        <dt>Releases used</dt>
        <dd>
          <ul>
            {data.sources.map((s) => (
              <li key={s.id}>
                {s.url ? <a href={s.url}>{s.citation}</a> : s.citation}. {s.licence}.
              </li>
            ))}
          </ul>
        </dd>
        <dt>Caveats</dt>
        <dd>{measure.caveats}</dd>
      </dl>
      <p>
        <a href={`/methodology/#${measure.id}`}>Methodology for this measure</a> · <a href="/data/">Download the data</a>
      </p>
    </section>
  );
}
