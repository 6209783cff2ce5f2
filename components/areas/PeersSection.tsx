import Link from 'next/link';
import { profilePath } from '@/lib/areas/identity';
import type { PeerTable } from '@/lib/areas/peers';
import { cellText, yearText, type MeasureInfo } from '@/lib/areas/words';
import { ScrollRegion } from '@/components/frame/ScrollRegion';
import styles from './areas.module.css';

interface Props {
  readonly name: string;
  readonly peers: PeerTable;
  readonly measures: Readonly<Record<string, MeasureInfo>>;
}

/** England's regions, or a region's councils, with the latest rate of each core measure and a link to each profile. */
export function PeersSection({ name, peers, measures }: Props) {
  const title = peers.kind === 'regions' ? 'The regions' : `Councils in ${name}`;
  return (
    <section className={styles.section} aria-labelledby="peers">
      <h2 id="peers">{title}</h2>
      <ScrollRegion label={`${title}, as a table`}>
        <table>
          <caption>{peers.kind === 'regions' ? "England's nine regions" : `The ${peers.rows.length} councils of ${name}`}: rate per 10,000 children, latest year</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.rowName}>
                {peers.kind === 'regions' ? 'Region' : 'Council'}
              </th>
              {peers.measures.map((m) => (
                <th key={m.id} scope="col" className="num">
                  <Link href={`/measures/${m.id}/`}>{measures[m.id]!.shortLabel}</Link>
                  <br />
                  <span className="small muted">{yearText(measures[m.id]!, m.year)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {peers.rows.map((r) => (
              <tr key={r.code}>
                <th scope="row" className={styles.rowName}>
                  <Link href={profilePath(r.code)}>{r.name}</Link>
                </th>
                {r.cells.map((c, i) => (
                  <td key={peers.measures[i]!.id} className="num">
                    {cellText(c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
