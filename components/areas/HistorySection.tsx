import Link from 'next/link';
import { profilePath } from '@/lib/areas/identity';
import { reportedYears, type AreaHistory } from '@/lib/areas/history';
import styles from './areas.module.css';

interface Props {
  readonly name: string;
  readonly history: AreaHistory;
  readonly lastDataYear: number;
  /** A measure page link showing this council with its predecessors and successors. */
  readonly compareLink: string | undefined;
}

/** The codes a council has had, the councils it replaced and those that replaced it, with their years. */
export function HistorySection({ name, history, lastDataYear, compareLink }: Props) {
  const { codes, predecessors, successors, notes } = history;
  const changed = codes.length > 1 || predecessors.length > 0 || successors.length > 0;
  return (
    <section className={styles.section} aria-labelledby="history">
      <h2 id="history">History</h2>
      {!changed && (
        <p>
          {name} has reported to DfE under the same code ({codes[0]!.code}) in every year since 2009-10, with no change of area.
        </p>
      )}
      {notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
      {codes.length > 1 && (
        <>
          <h3>Codes</h3>
          <ul className={styles.history}>
            {codes.map((c) => (
              <li key={c.code}>
                <code>{c.code}</code>: {reportedYears(c, lastDataYear)}
              </li>
            ))}
          </ul>
          <p className="small muted">The figures under every code are shown here as one series: the council and its area did not change.</p>
        </>
      )}
      {predecessors.length > 0 && (
        <>
          <h3>Replaced</h3>
          <ul className={styles.history}>
            {predecessors.map((p) => (
              <li key={p.code}>
                <Link href={profilePath(p.profileCode)}>{p.name}</Link> (<code>{p.code}</code>), figures {reportedYears(p, lastDataYear)}
              </li>
            ))}
          </ul>
        </>
      )}
      {successors.length > 0 && (
        <>
          <h3>Replaced by</h3>
          <ul className={styles.history}>
            {successors.map((s) => (
              <li key={s.code}>
                <Link href={profilePath(s.profileCode)}>{s.name}</Link> (<code>{s.code}</code>), figures {reportedYears(s, lastDataYear)}
              </li>
            ))}
          </ul>
        </>
      )}
      {compareLink && (
        <p>
          <Link href={compareLink}>See {name} with the councils it replaced or that replaced it on one chart</Link> (children looked after; any measure can be chosen there).
        </p>
      )}
    </section>
  );
}
