'use client';

import { memo, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { cite, CITATION_FORMATS, CITATION_LABELS, type CitationFormat } from '@/lib/cite';
import { absolute, embedSnippet, EMBED_HEIGHT } from '@/lib/share/embed';
import type { ChartShare } from '@/lib/share/types';
import { SITE_NAME, SITE_URL, SITE_URL_CONFIGURED } from '@/lib/site';
import styles from './ShareKit.module.css';

type Panel = 'embed' | 'cite' | 'download' | null;
type Cited = 'figure' | 'chart';

/** Copy buttons are named for their format, so a list of buttons (or a screen reader's) tells them apart. */
const COPY_LABELS: Record<CitationFormat, string> = { apa: 'Copy APA citation', harvard: 'Copy Harvard citation', bibtex: 'Copy BibTeX citation', plain: 'Copy plain text citation' };

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
  const noun = share.noun ?? 'chart';
  const images = share.images !== false;
  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? null : p));
  const panelButtons = { embed: useRef<HTMLButtonElement>(null), download: useRef<HTMLButtonElement>(null), cite: useRef<HTMLButtonElement>(null) };
  // Escape closes the open panel and returns focus to the button that opened it.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || panel === null) return;
    e.preventDefault();
    e.stopPropagation();
    const button = panelButtons[panel].current;
    setPanel(null);
    button?.focus();
  };
  const say = (msg: string) => {
    setStatus(msg);
    window.setTimeout(() => setStatus((s) => (s === msg ? '' : s)), 4000);
  };

  const download = async (kind: 'png' | 'svg' | 'csv') => {
    try {
      const ex = await import('@/lib/share/export');
      if (kind === 'csv') {
        const csv = share.csv;
        ex.downloadText('href' in csv ? await fetchText(csv.href) : ex.csvText(csv), `${csv.filename}.csv`, 'text/csv;charset=utf-8');
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

  return (
    <div className={styles.kit} onKeyDown={onKeyDown}>
      <div className={styles.buttons} role="group" aria-label={`Share this ${noun}`}>
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
        <button ref={panelButtons.embed} type="button" className={styles.button} aria-expanded={panel === 'embed'} aria-controls={`${id}-embed`} onClick={() => toggle('embed')}>
          Embed
        </button>
        <button ref={panelButtons.download} type="button" className={styles.button} aria-expanded={panel === 'download'} aria-controls={`${id}-download`} onClick={() => toggle('download')}>
          Download
        </button>
        <button ref={panelButtons.cite} type="button" className={styles.button} aria-expanded={panel === 'cite'} aria-controls={`${id}-cite`} onClick={() => toggle('cite')}>
          Cite
        </button>
      </div>
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>

      {/* A panel's contents are drawn only while it is open: the citations carry the day they are
          read (drawn at build time they would not match on hydration the next day), and twelve kits
          of closed panels were a tenth of an area page's elements. */}
      <div id={`${id}-embed`} className={styles.panel} hidden={panel !== 'embed'}>
        {panel === 'embed' && <EmbedPanel id={id} permalink={permalink} snippet={embedSnippet(share.embedPath, share.title, origin)} noun={noun} say={say} />}
      </div>
      <div id={`${id}-download`} className={styles.panel} hidden={panel !== 'download'}>
        {panel === 'download' && <DownloadPanel images={images} noun={noun} download={download} />}
      </div>
      <div id={`${id}-cite`} className={styles.panel} hidden={panel !== 'cite'}>
        {panel === 'cite' && <CitePanel id={id} share={share} permalink={permalink} noun={noun} say={say} />}
      </div>
    </div>
  );
}

type Say = (msg: string) => void;

/** A CSV the build wrote as a static file (too large to carry in the page). */
async function fetchText(href: string): Promise<string> {
  const res = await fetch(href);
  if (!res.ok) throw new Error(`${href} answered ${res.status}`);
  return res.text();
}

function EmbedPanel({ id, permalink, snippet, noun, say }: { readonly id: string; readonly permalink: string; readonly snippet: string; readonly noun: string; readonly say: Say }) {
  return (
    <>
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
        Paste it into your page. The script resizes the {noun} to fit (once per page is enough, for any number of embeds); without it, the {noun} shows at {EMBED_HEIGHT} pixels high. The
        embed shows the same figures, their source and a link back here.
      </p>
    </>
  );
}

function DownloadPanel({ images, noun, download }: { readonly images: boolean; readonly noun: string; readonly download: (kind: 'png' | 'svg' | 'csv') => Promise<void> }) {
  return (
    <>
      <p className={styles.help}>
        {images && 'The image files include the title and source. '}The CSV holds exactly the figures shown{noun === 'table' ? ' in the table' : ''}, with DfE&rsquo;s status codes and the source of each.
      </p>
      <div className={styles.buttons}>
        {images && (
          <>
            <button type="button" className={styles.button} onClick={() => void download('png')}>
              PNG image
            </button>
            <button type="button" className={styles.button} onClick={() => void download('svg')}>
              SVG image
            </button>
          </>
        )}
        <button type="button" className={styles.button} onClick={() => void download('csv')}>
          CSV data
        </button>
      </div>
    </>
  );
}

/** The citations, of the figure in focus or of the whole chart, dated the day they are read. */
function CitePanel({ id, share, permalink, noun, say }: { readonly id: string; readonly share: ChartShare; readonly permalink: string; readonly noun: string; readonly say: Say }) {
  const [cited, setCited] = useState<Cited>('figure');
  const [accessed] = useState(() => new Date());
  const figure = share.figure;
  const citing = figure && cited === 'figure' ? figure : share.cite;
  return (
    <>
      {figure && (
        <fieldset className={styles.choice}>
          <legend>Cite</legend>
          <label>
            <input type="radio" name={`${id}-cited`} value="figure" checked={cited === 'figure'} onChange={() => setCited('figure')} /> this figure:{' '}
            <span>
              <strong>{figure.value}</strong> ({figure.subject}, {figure.dataYears})
            </span>
          </label>
          <label>
            <input type="radio" name={`${id}-cited`} value="chart" checked={cited === 'chart'} onChange={() => setCited('chart')} /> this {noun}: every figure shown ({share.cite.dataYears})
          </label>
          {share.figureHint && <p className={styles.help}>{share.figureHint}</p>}
        </fieldset>
      )}
      {CITATION_FORMATS.map((f) => {
        const text = cite(f, { input: citing, permalink, accessed, siteName: SITE_NAME });
        return (
          <div key={f} className={styles.citation}>
            <p className={styles.citationHead}>
              <span id={`${id}-cite-${f}`}>{CITATION_LABELS[f]}</span>
              <button type="button" className={styles.small} onClick={async () => say((await copy(text)) ? `${CITATION_LABELS[f]} citation copied.` : 'Select the citation and copy it.')}>
                {COPY_LABELS[f]}
              </button>
            </p>
            <pre className={styles.pre} data-format={f} tabIndex={0} aria-labelledby={`${id}-cite-${f}`}>
              {text}
            </pre>
          </div>
        );
      })}
    </>
  );
}

/** Memoised: a redraw of the chart that leaves what is shared unchanged does not re-render the kit. */
export const ShareKit = memo(ShareKitImpl);

/** "Describe this chart": the generated description, open to everyone, reachable by screen readers. */
export function ChartDescription({ id, text, noun = 'chart' }: { readonly id: string; readonly text: string; readonly noun?: 'chart' | 'table' }) {
  return (
    <details className={styles.describe}>
      <summary>Describe this {noun}</summary>
      <p id={id}>{text}</p>
    </details>
  );
}
