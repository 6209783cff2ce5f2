'use client';

import { memo, useId, useState, useSyncExternalStore } from 'react';
import { cite, CITATION_FORMATS, CITATION_LABELS } from '@/lib/cite';
import { absolute, embedSnippet, EMBED_HEIGHT } from '@/lib/share/embed';
import type { ChartShare } from '@/lib/share/types';
import { SITE_NAME, SITE_URL, SITE_URL_CONFIGURED } from '@/lib/site';
import styles from './ShareKit.module.css';

type Panel = 'embed' | 'cite' | 'download' | null;

/** The site's public origin: the configured one, or where this page is served from (after hydration). */
const noSubscribe = () => () => undefined;
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscribe,
    () => (SITE_URL_CONFIGURED ? SITE_URL : window.location.origin),
    () => SITE_URL,
  );
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The actions of a chart frame (DESIGN §5): copy the permalink of exactly this view, embed code,
 * downloads (PNG, SVG, CSV of the figures shown), citations, and the chart's text description.
 * `chartId` is the id of the element holding the chart, which the image downloads draw from.
 */
function ShareKitImpl({ share, chartId }: { readonly share: ChartShare; readonly chartId: string }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [panel, setPanel] = useState<Panel>(null);
  const [status, setStatus] = useState('');
  const origin = useOrigin();
  const permalink = absolute(share.path, origin);
  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? null : p));
  const say = (msg: string) => {
    setStatus(msg);
    window.setTimeout(() => setStatus((s) => (s === msg ? '' : s)), 4000);
  };

  const download = async (kind: 'png' | 'svg' | 'csv') => {
    try {
      const ex = await import('@/lib/share/export');
      if (kind === 'csv') {
        ex.downloadText(ex.csvText(share.csv), `${share.csv.filename}.csv`, 'text/csv;charset=utf-8');
        say(`Downloaded ${share.csv.filename}.csv`);
        return;
      }
      const container = document.getElementById(chartId);
      if (!container) throw new Error('chart not found');
      const built = ex.buildExportSvg(container, { title: share.title, sourceText: `${share.sourceText} ${SITE_NAME}: ${permalink}`, description: share.description });
      if (kind === 'svg') {
        ex.downloadText(built.svg, `${share.csv.filename}.svg`, 'image/svg+xml;charset=utf-8');
      } else {
        ex.downloadBlob(await ex.svgToPngBlob(built.svg, built.width, built.height, 2), `${share.csv.filename}.png`);
      }
      say(`Downloaded ${share.csv.filename}.${kind}`);
    } catch (e) {
      say(`Sorry, the download failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const snippet = embedSnippet(share.embedPath, share.title, origin);
  const accessed = new Date();

  return (
    <div className={styles.kit}>
      <div className={styles.buttons} role="group" aria-label="Share this chart">
        <button
          type="button"
          className={styles.button}
          onClick={async () => {
            if (await copy(permalink)) say('Link to this exact view copied.');
            else {
              setPanel('embed');
              say('Copying is blocked here: the link is shown below.');
            }
          }}
        >
          Copy link
        </button>
        <button type="button" className={styles.button} aria-expanded={panel === 'embed'} aria-controls={`${id}-embed`} onClick={() => toggle('embed')}>
          Embed
        </button>
        <button type="button" className={styles.button} aria-expanded={panel === 'download'} aria-controls={`${id}-download`} onClick={() => toggle('download')}>
          Download
        </button>
        <button type="button" className={styles.button} aria-expanded={panel === 'cite'} aria-controls={`${id}-cite`} onClick={() => toggle('cite')}>
          Cite
        </button>
      </div>
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>

      <div id={`${id}-embed`} className={styles.panel} hidden={panel !== 'embed'}>
        <p>
          <label htmlFor={`${id}-permalink`}>Link to this view</label>
          <input id={`${id}-permalink`} className={styles.field} readOnly value={permalink} onFocus={(e) => e.currentTarget.select()} />
        </p>
        <p>
          <label htmlFor={`${id}-snippet`}>Embed code</label>
          <textarea id={`${id}-snippet`} className={styles.code} readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
        </p>
        <button type="button" className={styles.button} onClick={async () => say((await copy(snippet)) ? 'Embed code copied.' : 'Select the code and copy it.')}>
          Copy embed code
        </button>
        <p className={styles.help}>
          Paste it into your page. The script resizes the chart to fit (once per page is enough, for any number of charts); without it, the chart shows at {EMBED_HEIGHT} pixels high. The
          embed shows the same figures, their source and a link back here.
        </p>
      </div>

      <div id={`${id}-download`} className={styles.panel} hidden={panel !== 'download'}>
        <p className={styles.help}>The image files include the title and source. The CSV holds exactly the figures shown, with DfE&rsquo;s status codes and the source of each.</p>
        <div className={styles.buttons}>
          <button type="button" className={styles.button} onClick={() => void download('png')}>
            PNG image
          </button>
          <button type="button" className={styles.button} onClick={() => void download('svg')}>
            SVG image
          </button>
          <button type="button" className={styles.button} onClick={() => void download('csv')}>
            CSV data
          </button>
        </div>
      </div>

      <div id={`${id}-cite`} className={styles.panel} hidden={panel !== 'cite'}>
        {CITATION_FORMATS.map((f) => {
          const text = cite(f, { input: share.cite, permalink, accessed, siteName: SITE_NAME });
          return (
            <div key={f} className={styles.citation}>
              <p className={styles.citationHead}>
                <span id={`${id}-cite-${f}`}>{CITATION_LABELS[f]}</span>
                <button type="button" className={styles.small} aria-describedby={`${id}-cite-${f}`} onClick={async () => say((await copy(text)) ? `${CITATION_LABELS[f]} citation copied.` : 'Select the citation and copy it.')}>
                  Copy
                </button>
              </p>
              <pre className={styles.pre} data-format={f} tabIndex={0} aria-labelledby={`${id}-cite-${f}`}>
                {text}
              </pre>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Memoised: a redraw of the chart that leaves what is shared unchanged does not re-render the kit. */
export const ShareKit = memo(ShareKitImpl);

/** "Describe this chart": the generated description, open to everyone, reachable by screen readers. */
export function ChartDescription({ id, text }: { readonly id: string; readonly text: string }) {
  return (
    <details className={styles.describe}>
      <summary>Describe this chart</summary>
      <p id={id}>{text}</p>
    </details>
  );
}
