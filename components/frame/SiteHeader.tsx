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

/** Site header with the main navigation; `current` marks the active section for screen readers. */
export function SiteHeader({ current }: { current?: string }) {
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="site-name">
          {SITE_NAME}
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={current === n.href ? 'page' : undefined}>
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
