import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="inner">
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
