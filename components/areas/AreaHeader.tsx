import Link from 'next/link';
import { profilePath } from '@/lib/areas/identity';
import type { AreaProfile } from '@/lib/areas/profile';
import styles from './areas.module.css';

/** What kind of area this is, in a few words. */
export function areaKind(code: string, level: 'country' | 'region' | 'la'): string {
  if (level === 'country') return 'Country';
  if (level === 'region') return 'Region of England';
  if (code.startsWith('E06')) return 'Unitary council';
  if (code.startsWith('E08')) return 'Metropolitan borough council';
  if (code.startsWith('E09')) return 'London borough';
  return 'County council';
}

/** The page's title, what the area is, a notice for a council that no longer exists, and the sections on the page. */
export function AreaHeader({ data, sections }: { readonly data: AreaProfile; readonly sections: readonly { id: string; label: string }[] }) {
  const { profile, regionName, history } = data;
  const a = profile.area;
  const f = (y: number) => `${y - 1}-${String(y).slice(2)}`;
  return (
    <>
      <p className="small">
        <Link href="/areas/">All areas</Link>
        {a.regionCode && regionName && (
          <>
            {' '}
            · <Link href={profilePath(a.regionCode)}>{regionName}</Link>
          </>
        )}
      </p>
      <h1>{a.name}</h1>
      <p className={styles.sub}>
        {areaKind(profile.code, a.level)}
        {a.level === 'la' && regionName ? ` in ${inRegion(regionName)}` : ''} · GSS code <code>{profile.code}</code>
        {a.laNumber && (
          <>
            {' '}
            · DfE number <code>{a.laNumber}</code>
          </>
        )}
      </p>
      {history?.former && (
        <div className={styles.former} role="note" data-testid="former">
          <p>
            <strong>{a.name} no longer exists.</strong> Its figures run from {f(profile.members[0]!.firstYear)} to {f(a.lastYear!)}.
            {history.successors.length > 0 && (
              <>
                {' '}
                It was replaced by{' '}
                {history.successors.map((s, i) => (
                  <span key={s.code}>
                    {i > 0 && (i === history.successors.length - 1 ? ' and ' : ', ')}
                    <Link href={profilePath(s.profileCode)}>{s.name}</Link>
                  </span>
                ))}
                .
              </>
            )}
          </p>
          {history.notes.length > 0 && <p className="small">{history.notes.join(' ')}</p>}
        </div>
      )}
      <nav aria-label="On this page">
        <ul className={styles.toc}>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** "the North West", "London". */
export const inRegion = (name: string) => (name === 'London' ? name : `the ${name}`);
