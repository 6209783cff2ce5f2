/**
 * `postbuild`: the exported pages load Next's code with `defer` instead of `async`.
 *
 * Why: with `async`, the code runs as soon as it has downloaded, and React starts hydrating while the
 * rest of a long page (its HTML and the inline payload the hydration reads) is still arriving. On a
 * slow phone connection an area page then re-rendered its whole tree each time another part of the
 * payload arrived: 566 MB allocated during the load instead of 7 MB, and garbage collections of 20 ms
 * and more (measured with Chromium's heap sampler on "Slow 4G"). With `defer` the code still
 * downloads in parallel (Next also preloads it) but runs once the document has been parsed, when the
 * whole payload is there: one hydration pass. The page is readable before either way (static HTML).
 *
 * Only Next's own start-up scripts (`/_next/static/chunks/*.js`) are changed; every exported page
 * must have some, or the build fails (Next's markup changed: check this script). The chunks of the
 * page's client components stay `async`: React renders those as `<script async>` elements of the
 * page's tree (they are in its payload) and, hydrating, looks for them by `script[async][src]`.
 * Deferred, they were not found, so React inserted a second copy of each, and the browser ran it
 * again (six chunks on an area page, ~20 ms of a slowed phone's main thread). Running early does no
 * harm for them: a chunk only registers its modules; hydration starts from the deferred start-up code.
 *
 * Then the app starts in a task of its own, after DOMContentLoaded. Turbopack starts it when its
 * bootstrap (the inline `<script id="_R_">` that lists the start-up chunks) is pushed and every chunk
 * in it has run: with the push at parse time, that was the last deferred script's task, which also
 * holds DOMContentLoaded and the load event, and the browser forces a style and layout pass at load
 * (Document::ImplicitClose) for whatever the parser added since the last frame. On an area page on
 * a slowed phone that pass was ~30 ms inside the ~190 ms start-up task. The push now waits for
 * DOMContentLoaded and then a zero timeout, so the load work and the app's start-up are two tasks,
 * with the main thread free (input, a frame) between them. Nothing is fetched later: the chunks
 * are loaded and run as before, only the call that starts them moves.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const OUT = path.join(process.cwd(), 'out');
const CHUNK_SCRIPT = /(<script src="(\/_next\/static\/chunks\/[^"]+\.js)") async=""/g;

/** Turbopack's bootstrap: `<script id="_R_">(globalThis["TURBOPACK"] || …).push({"otherChunks":[…],"runtimeModuleIds":[…]})</script>`. */
const BOOTSTRAP = /<script id="_R_">(\(globalThis\["TURBOPACK"\][^<]*"runtimeModuleIds"[^<]*)<\/script>/;

/** The page with Turbopack's bootstrap pushed after DOMContentLoaded and a zero timeout, or null when it has none (Next's markup changed). */
export function startAppInItsOwnTask(html: string): string | null {
  const m = BOOTSTRAP.exec(html);
  if (!m) return null;
  const start = `<script id="_R_">addEventListener("DOMContentLoaded",function(){setTimeout(function(){${m[1]}})},{once:true})</script>`;
  return html.slice(0, m.index) + start + html.slice(m.index + m[0].length);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

/** The chunk scripts that are elements of the page's React tree: `["$","script",…,{"src":…,"async":true` in its inline payload (a JSON text inside a JS string). */
const TREE_SCRIPT = /\\?"src\\?":\\?"(\/_next\/static\/chunks\/[^"\\]+\.js)\\?",\\?"async\\?":true/g;

/** The page with its start-up scripts deferred (not the chunks in its React tree), and how many were changed. */
export function deferChunkScripts(html: string): { html: string; changed: number } {
  const tree = new Set([...html.matchAll(TREE_SCRIPT)].map((m) => m[1]!));
  let changed = 0;
  const out = html.replace(CHUNK_SCRIPT, (whole, open: string, src: string) => {
    if (tree.has(src)) return whole;
    changed++;
    return `${open} defer=""`;
  });
  return { html: out, changed };
}

function main() {
  const files = htmlFiles(OUT);
  let pages = 0;
  const without: string[] = [];
  const noBootstrap: string[] = [];
  for (const f of files) {
    const html = readFileSync(f, 'utf8');
    // A redirect stub (meta refresh) of a former council code may carry no code at all.
    if (!html.includes('/_next/static/chunks/')) continue;
    // Already rewritten (postbuild run twice): leave it.
    if (html.includes('<script id="_R_">addEventListener(')) continue;
    const r = deferChunkScripts(html);
    if (r.changed === 0) {
      without.push(path.relative(OUT, f));
      continue;
    }
    const started = startAppInItsOwnTask(r.html);
    if (started === null) {
      noBootstrap.push(path.relative(OUT, f));
      continue;
    }
    writeFileSync(f, started);
    pages++;
  }
  if (without.length) throw new Error(`defer-scripts: no async chunk script found in ${without.length} page(s), e.g. ${without.slice(0, 3).join(', ')}: has Next's markup changed?`);
  if (noBootstrap.length) throw new Error(`defer-scripts: no Turbopack bootstrap (<script id="_R_">) found in ${noBootstrap.length} page(s), e.g. ${noBootstrap.slice(0, 3).join(', ')}: has Next's markup changed?`);
  console.log(`defer-scripts: Next's code deferred, and its start put in a task of its own, in ${pages} of ${files.length} pages`);
}

if (process.argv[1]?.endsWith('defer-scripts.ts')) main();
