import Link from 'next/link';
import { profilePath } from '@/lib/areas/identity';

/**
 * The page of an older code of a council (Barnsley's E08000016, Buckinghamshire county's
 * E10000002…): says where the council's figures are now and takes the reader there at once
 * (a meta refresh, which needs no JavaScript); the link stays for anyone whose browser does not follow it.
 */
export function RedirectPage({ from, to, reason }: { readonly from: string; readonly to: { readonly code: string; readonly name: string }; readonly reason: string }) {
  return (
    <>
      <meta httpEquiv="refresh" content={`0; url=${profilePath(to.code)}`} />
      <h1>
        {to.name} <span className="muted">({from})</span>
      </h1>
      <p className="lede">{reason}</p>
      <p>
        <Link href={profilePath(to.code)} data-testid="current-page">
          Go to {to.name}&rsquo;s page ({to.code})
        </Link>
        , which shows the figures published under both codes.
      </p>
      <p className="small muted">
        Links to this address keep working: this page exists so that they do. <Link href="/areas/">All areas</Link>
      </p>
    </>
  );
}
