import type { Metadata } from 'next';
import { PageShell } from '@/components/frame/PageShell';
import { DOWNLOAD_TABLES, OTHER_FILES } from '@/lib/data/catalog';
import { fileSize, loadTable } from '@/lib/data/load';
import { formatBytes, formatNumber } from '@/lib/format';

export const metadata: Metadata = {
  title: 'Data downloads',
  description: 'Every tidy data file behind the explorer, with its columns explained, size and licence.',
};

export default function DataPage() {
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
        </ul>
      </nav>
      {DOWNLOAD_TABLES.map((t) => {
        const rows = loadTable(t).length;
        return (
          <section key={t.file} className="dataset" aria-labelledby={anchor(t.file)} data-file={t.file}>
            <h2 id={anchor(t.file)}>{t.title}</h2>
            <p>{t.description}</p>
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
            <div className="table-wrap">
              <table>
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
            </div>
          </section>
        );
      })}
      <section className="dataset" aria-labelledby="other-files">
        <h2 id="other-files">Maps and reports</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">What it is</th>
                <th scope="col" className="num">Size</th>
                <th scope="col">Licence</th>
              </tr>
            </thead>
            <tbody>
              {OTHER_FILES.map((f) => (
                <tr key={f.file}>
                  <td>
                    <a href={`/data/${f.file}`} download>
                      {f.title}
                    </a>
                    <br />
                    <code className="small">{f.file}</code>
                  </td>
                  <td>{f.description}</td>
                  <td className="num">{formatBytes(fileSize(f.file))}</td>
                  <td className="small">{f.licence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </PageShell>
  );
}

const anchor = (file: string) => file.replace(/\.csv$/, '');
