import type { Metadata } from 'next';
import Link from 'next/link';
import { PageShell } from '@/components/frame/PageShell';
import { ScrollRegion } from '@/components/frame/ScrollRegion';
import { apiEndpoints, apiExample } from '@/lib/api/docs';
import { apiPaths, DATAPACKAGE_PATH } from '@/lib/api/v1';
import { DOWNLOAD_TABLES, OTHER_FILES } from '@/lib/data/catalog';
import { fileSize, loadTable } from '@/lib/data/load';
import { formatBytes, formatNumber } from '@/lib/format';
import { SITE_URL } from '@/lib/site';
import styles from './data.module.css';

/** Files that a page draws as a chart, beyond the measure pages. */
const DRAWN_ON: Readonly<Record<string, { href: string; label: string }>> = {
  'cwip.csv': { href: '/inequalities/#gradient', label: 'Deprivation and children’s social care (the neighbourhood gradient)' },
  'deprivation-deciles.csv': { href: '/inequalities/#adjusted', label: 'Deprivation and children’s social care (the adjusted comparison, and the share of children in the most deprived 10%)' },
};

export const metadata: Metadata = {
  title: 'Data downloads',
  description: 'Every tidy data file behind the explorer, with its columns explained, size and licence; a JSON API and a Frictionless Data Package of the same data.',
};

export default function DataPage() {
  const endpoints = apiEndpoints();
  const example = apiExample();
  return (
    <PageShell current="/data/">
      <h1>Data downloads</h1>
      <p className="lede">
        Every figure on this site comes from these files. They are produced from the public releases by the project&rsquo;s ingest script and validated again when the site is
        built. All are CSV (UTF-8, comma-separated, one header row).
      </p>
      <p>
        Missing values are never zero: a number column is empty and the status column beside it gives DfE&rsquo;s reason &mdash; <code>c</code> suppressed, <code>x</code> not
        available, <code>z</code> not applicable, <code>u</code> low reliability, <code>low</code> rounds to zero. Years are years ending 31 March unless a measure says otherwise.
      </p>
      <nav aria-label="Files on this page">
        <ul className="toc">
          {DOWNLOAD_TABLES.map((t) => (
            <li key={t.file}>
              <a href={`#${anchor(t.file)}`}>{t.title}</a>
            </li>
          ))}
          <li>
            <a href="#other-files">Maps and reports</a>
          </li>
          <li>
            <a href="#api">JSON API</a>
          </li>
          <li>
            <a href="#datapackage">Frictionless Data Package</a>
          </li>
        </ul>
      </nav>
      {DOWNLOAD_TABLES.map((t) => {
        const rows = loadTable(t).length;
        return (
          <section key={t.file} className="dataset" aria-labelledby={anchor(t.file)} data-file={t.file}>
            <h2 id={anchor(t.file)}>{t.title}</h2>
            <p>{t.description}</p>
            {DRAWN_ON[t.file] && (
              <p>
                Drawn on <Link href={DRAWN_ON[t.file]!.href}>{DRAWN_ON[t.file]!.label}</Link>.
              </p>
            )}
            <dl>
              <dt>File</dt>
              <dd>
                <a className="button" href={`/data/${t.file}`} download>
                  Download {t.file}
                </a>
              </dd>
              <dt>Size</dt>
              <dd>
                {formatBytes(fileSize(t.file))}, {formatNumber(rows)} rows
              </dd>
              <dt>Licence</dt>
              <dd>{t.licence}</dd>
            </dl>
            <ScrollRegion label={`Columns of ${t.file}`}>
              <table className={styles.dictionary}>
                <caption>Columns of {t.file}</caption>
                <thead>
                  <tr>
                    <th scope="col">Column</th>
                    <th scope="col">Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {t.columns.map((c) => (
                    <tr key={c.name}>
                      <th scope="row">
                        <code>{c.name}</code>
                      </th>
                      <td>{c.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        );
      })}
      <section className="dataset" aria-labelledby="other-files">
        <h2 id="other-files">Maps and reports</h2>
        <ul className={styles.files}>
          {OTHER_FILES.map((f) => (
            <li key={f.file}>
              <p className={styles.fileTitle}>
                <a href={`/data/${f.file}`} download>
                  {f.title}
                </a>{' '}
                <span className="small muted">
                  <code>{f.file}</code>, {formatBytes(fileSize(f.file))}
                </span>
              </p>
              <p>{f.description}</p>
              <p className="small muted">Licence: {f.licence}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="dataset" aria-labelledby="api">
        <h2 id="api">JSON API</h2>
        <p>
          The same data as static JSON files, one per measure and one per area, for scripts and apps: no key, no limits. The version is in the path (<code>/api/v1/</code>); a
          change that would break a v1 reader gets a new version, and v1 stays.
        </p>
        <p>
          Each file holds the rows of the CSV files above, with the same columns, checked by the same schemas, and typed: numbers are numbers, <code>yes</code>/<code>no</code>{' '}
          are <code>true</code>/<code>false</code>, <code>|</code>-separated lists are arrays, and an empty cell is <code>null</code>. A figure DfE did not publish is{' '}
          <code>null</code> with its status code beside it (<code>count_status</code>, <code>rate_status</code>), never 0. Every file names its <code>resource</code> (the CSV and
          its schema in the Data Package), its licence, when the data were last refreshed, and the sources its rows cite.
        </p>
        <ul className={styles.endpoints} aria-label="Files of the JSON API">
          {endpoints.map((e) => (
            <li key={e.path}>
              <p className={styles.endpointPath}>
                {e.path.includes('{') ? <code>{e.path}</code> : <a href={e.path}><code>{e.path}</code></a>}
              </p>
              <p>{e.what}</p>
              <p className="small muted">
                {e.files > 1 ? `${formatNumber(e.files)} files, the largest ${formatBytes(e.bytes)}` : formatBytes(e.bytes)} ({formatBytes(e.gzipped)} gzipped)
              </p>
            </li>
          ))}
        </ul>
        <h3>Examples</h3>
        <p>The catalogue, then every figure of one measure for England, then everything about one council:</p>
        <pre className={styles.codeBlock}>
          <code>
            {[
              `curl -s ${SITE_URL}${apiPaths.measures} | jq '.measures[] | {id, label}'`,
              `curl -s ${SITE_URL}${apiPaths.measure(example.measureId)} | jq '.rows[] | select(.area_code == "E92000001")'`,
              `curl -s ${SITE_URL}${apiPaths.area(example.areaCode)} | jq '.area.name, (.tables | keys)'`,
            ].join('\n')}
          </code>
        </pre>
        <p>
          Two rows of <a href={apiPaths.measure(example.measureId)}>{apiPaths.measure(example.measureId)}</a>: England&rsquo;s latest figure, and a figure that was not
          published, with DfE&rsquo;s code:
        </p>
        <pre className={styles.codeBlock} data-testid="api-excerpt">
          <code>{example.excerpt}</code>
        </pre>
      </section>
      <section className="dataset" aria-labelledby="datapackage">
        <h2 id="datapackage">Frictionless Data Package</h2>
        <p>
          <a href={DATAPACKAGE_PATH}>datapackage.json</a> describes every CSV file above as a{' '}
          <a href="https://specs.frictionlessdata.io/tabular-data-package/">Tabular Data Package</a>: each column&rsquo;s type, whether it is required, the codes it allows,
          the missing value (an empty cell), and each file&rsquo;s licence, sources, size and SHA-256 hash. Tools that read Data Packages can load and check the files from it,
          for example:
        </p>
        <pre className={styles.codeBlock}>
          <code>{`frictionless validate ${SITE_URL}${DATAPACKAGE_PATH}`}</code>
        </pre>
      </section>
    </PageShell>
  );
}

const anchor = (file: string) => file.replace(/\.csv$/, '');
