import Link from 'next/link';
import { dataFreshness, nextUpdates } from '@/lib/data/freshness';

// GOV.UK's calendar of announced official statistics releases, filtered to DfE.
const DFE_RELEASE_CALENDAR = 'https://www.gov.uk/search/research-and-statistics?content_store_document_type=upcoming_statistics&organisations%5B%5D=department-for-education';

/** Site footer: licences, freshness of the data (from sources.csv) and where DfE announces its next releases. */
export function SiteFooter() {
  const { refreshed, releases } = dataFreshness();
  const next = nextUpdates();
  return (
    <footer className="site-footer">
      <div className="inner">
        <p data-testid="freshness">
          <strong>Data last refreshed {refreshed?.published}</strong>, from the latest releases of:{' '}
          {releases.map((r, i) => (
            <span key={r.id} data-source={r.id}>
              {i > 0 && '; '}
              {r.url ? <a href={r.url}>{r.series}</a> : r.series} ({r.published})
            </span>
          ))}
          .
        </p>
        <p data-testid="next-release">
          <strong>Next releases:</strong> DfE&rsquo;s LAIT data dictionary gives the next updates as{' '}
          {next.map((n, i) => (
            <span key={n.month}>
              {i > 0 && (i === next.length - 1 ? ' and ' : '; ')}
              {n.month} ({n.measures.join(', ')})
            </span>
          ))}
          . If a date has passed, newer figures may be out that this site does not yet hold: the release pages above and the{' '}
          <a href={DFE_RELEASE_CALENDAR}>GOV.UK statistics release calendar</a> give DfE&rsquo;s announced dates.
        </p>
        <p>
          Figures from the Department for Education (Children in need; Children looked after in England including adoptions; Local Authority Interactive Tool) and the Office
          for National Statistics, under the Open Government Licence v3.0. Every figure shows its release; see <Link href="/methodology/" prefetch={false}>methodology</Link> and{' '}
          <Link href="/data/" prefetch={false}>data and licences</Link>.
        </p>
        <p>This is an independent explorer, not an official statistics site. Check figures against the releases before publishing.</p>
      </div>
    </footer>
  );
}
