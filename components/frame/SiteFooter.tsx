import Link from 'next/link';
import { dataFreshness } from '@/lib/data/freshness';

// GOV.UK's calendar of announced official statistics releases, filtered to DfE.
const DFE_RELEASE_CALENDAR = 'https://www.gov.uk/search/research-and-statistics?content_store_document_type=upcoming_statistics&organisations%5B%5D=department-for-education';

/** Site footer: licences, freshness of the data (from sources.csv) and where DfE announces its next releases. */
export function SiteFooter() {
  const { refreshed, releases } = dataFreshness();
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
          <strong>Next releases:</strong> this site holds no announced date for DfE&rsquo;s next releases, so it gives none. DfE announces its releases in advance in the{' '}
          <a href={DFE_RELEASE_CALENDAR}>GOV.UK statistics release calendar</a>, and the Explore Education Statistics release pages above show their next update.
        </p>
        <p>
          Figures from the Department for Education (Children in need; Children looked after in England including adoptions; Local Authority Interactive Tool) and the Office
          for National Statistics, under the Open Government Licence v3.0. Every figure shows its release; see <Link href="/methodology/">methodology</Link> and{' '}
          <Link href="/data/">data and licences</Link>.
        </p>
        <p>This is an independent explorer, not an official statistics site. Check figures against the releases before publishing.</p>
      </div>
    </footer>
  );
}
