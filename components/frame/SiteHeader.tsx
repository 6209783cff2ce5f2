import Link from 'next/link';
import { SITE_NAME } from '@/lib/site';

const NAV = [
  { href: '/', label: 'Home' },
  { href: '/measures/', label: 'Measures' },
  { href: '/areas/', label: 'Areas' },
  { href: '/inequalities/', label: 'Deprivation' },
  { href: '/claims/', label: 'Claims' },
  { href: '/data/', label: 'Data' },
  { href: '/methodology/', label: 'Methodology' },
  { href: '/about/', label: 'About' },
] as const;

/**
 * Site header with the main navigation; `current` marks the active section for screen readers. The
 * links are not prefetched: on every page load they fetched each section's whole payload (about
 * 1 MB in all, /inequalities/ alone 409 kB), a phone's data and bandwidth spent on pages not asked for.
 */
export function SiteHeader({ current }: { current?: string }) {
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="site-name" prefetch={false}>
          {SITE_NAME}
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} prefetch={false} aria-current={current === n.href ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
