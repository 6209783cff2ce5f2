import type { Metadata } from 'next';
import Link from 'next/link';
import { AreaSearch } from '@/components/areas/AreaSearch';
import { PageShell } from '@/components/frame/PageShell';
import { profilePath } from '@/lib/areas/identity';
import { andList } from '@/lib/areas/words';
import { profileIndex, siteSearchEntries } from '@/lib/data/areas';
import { areaByCode } from '@/lib/data/load';
import { postcodeAreas } from '@/lib/data/postcodes';
import styles from './areas.module.css';

export const metadata: Metadata = {
  title: 'Areas',
  description: "Every council in England, the nine regions and England: each area's children's social care figures against England, its region and similar councils. Find a council by name, town or postcode.",
  alternates: { canonical: '/areas/' },
};

const span = (first: number, last: number) => `${first - 1}-${String(first).slice(2)} to ${last - 1}-${String(last).slice(2)}`;

/** Every area with a profile, grouped by region, current councils first, with a search box. */
export default function AreasPage() {
  const idx = profileIndex();
  const areas = areaByCode();
  const regions = idx.profiles.filter((p) => p.area.level === 'region');
  const councils = idx.profiles.filter((p) => p.area.level === 'la');
  return (
    <PageShell current="/areas/">
      <h1>Areas</h1>
      <p className="lede">
        Every council that has run children&rsquo;s services in England since 2010, the nine regions and England: each with its latest figures against England, its region and similar
        councils, the child protection pathway and trends since 2010.
      </p>
      <AreaSearch entries={siteSearchEntries()} postcodeAreas={postcodeAreas()} />
      <p>
        <Link href={profilePath('E92000001')}>England</Link> · {councils.filter((c) => c.area.lastYear === undefined).length} councils of today,{' '}
        {councils.filter((c) => c.area.lastYear !== undefined).length} former councils, in {regions.length} regions:
      </p>
      <nav aria-label="Regions">
        <ul className={styles.regionNav}>
          {regions.map((r) => (
            <li key={r.code}>
              <a href={`#${r.code}`}>{r.area.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {regions.map((r) => {
        const here = councils.filter((c) => c.area.regionCode === r.code);
        const current = here.filter((c) => c.area.lastYear === undefined);
        const former = here.filter((c) => c.area.lastYear !== undefined);
        return (
          <section key={r.code} aria-labelledby={r.code} className={styles.region}>
            <h2 id={r.code}>
              <Link href={profilePath(r.code)}>{r.area.name}</Link>
            </h2>
            <ul className={styles.councils}>
              {current.map((c) => (
                <li key={c.code}>
                  <Link href={profilePath(c.code)}>{c.area.name}</Link>
                </li>
              ))}
            </ul>
            {former.length > 0 && (
              <>
                <h3 className={styles.formerTitle}>Former councils</h3>
                <ul className={styles.former}>
                  {former.map((c) => (
                    <li key={c.code}>
                      <Link href={profilePath(c.code)}>{c.area.name}</Link> <span className="muted">({span(c.members[0]!.firstYear, c.area.lastYear!)})</span>
                      {c.area.successors.length > 0 && (
                        <>
                          , replaced by{' '}
                          {andList(c.area.successors.map((s) => idx.profileOf(s)?.area.name ?? areas.get(s)?.name ?? s))}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}
      <p className="small muted">
        Councils whose code changed with no change of area (Barnsley and Sheffield in 2025; Buckinghamshire, North Yorkshire and Somerset becoming unitary councils) are listed once, under
        today&rsquo;s code; their older codes still lead to them.
      </p>
    </PageShell>
  );
}
