/**
 * `npm run bench:tbt` — how long each kind of page blocks the main thread on a phone, in Chromium.
 *
 * Serves the static export (out/; run `npm run build` first) and loads one page of every route type
 * found in out/ in a 375 × 800 phone viewport, with the CPU slowed 4× and the network throttled to
 * Chrome DevTools' "Slow 4G" (Lighthouse's mobile throttling applied in the browser: 150 ms RTT ×
 * 3.75 = 562.5 ms request latency, 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up). Each sample is a new
 * browser context (cold cache), as for a reader following a link.
 *
 * The CPU is slowed 4× in one of two ways (--cpu):
 * - applied (default): Chromium's own throttling (CDP Emulation.setCPUThrottlingRate 4); long tasks
 *   are those a PerformanceObserver for 'longtask' reports, installed before any page script
 *   (addInitScript). This is what the page does to a phone, but on a busy machine every other
 *   process's work lands inside the page's tasks too.
 * - simulated: no CPU throttling; a trace of the page's main thread is recorded and each top-level
 *   task's own CPU time (thread time, which other processes do not inflate) is multiplied by 4, as
 *   Lighthouse's simulated throttling scales task durations. Steadier on a shared machine; use it
 *   to compare before and after a change, and the applied figures to check the result.
 * A page is measured from navigation until it is quiet: no request in flight and no long task for
 * --quiet ms (default 2000). Total blocking time (TBT) is the sum over long tasks of
 * (duration − 50 ms), as Lighthouse counts it (though over the whole load, not FCP→TTI), and the
 * longest task is reported beside it.
 *
 * Route types are found from out/: every exported page is grouped by its App Router route (the
 * `__next.<segments>.__PAGE__.txt` file Next writes beside each page, e.g. measures.$d$measure),
 * and one page per route is measured (the --measure one where the route takes a measure, else the
 * first in order). A measure page's non-default views are measured twice: reached by clicking
 * their tab on the loaded page, as a reader does (the blocking from the click until quiet), and
 * opened from a link (?view=map, a whole load). The 404 page is loaded from an unknown path.
 *
 * This machine is shared, so timings are noisy: medians over --runs (default 5) are reported, with
 * the range; compare runs made one after the other, not across days. The ratio to the home page is
 * paired: home is loaded between every two rows, and each sample is divided by the mean of the home
 * samples just before and after it, so a slow spell (which moves home's own TBT by 2× here) lands
 * on both sides of the ratio; the row's ratio is the median of those.
 *
 * Options: --cpu applied|simulated --runs 5 --port 4181 --measure s47-enquiries --quiet 2000 --only map,home (rows whose
 * name contains one of the words). Writes the table to stdout and .budget/bench-tbt.md.
 * Chromium from CHROMIUM_PATH or /usr/bin/chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const runs = Number(arg('runs', '5'));
const port = Number(arg('port', '4181'));
const preferredMeasure = arg('measure', 's47-enquiries');
const quietMs = Number(arg('quiet', '2000'));
const cpuMode = arg('cpu', 'applied');
if (cpuMode !== 'applied' && cpuMode !== 'simulated') throw new Error(`--cpu is applied or simulated, not ${cpuMode}`);
const only = arg('only', '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const OUT = path.join(process.cwd(), 'out');
const ORIGIN = `http://127.0.0.1:${port}`;

/** Chrome DevTools' "Slow 4G" preset (Lighthouse mobile: 150 ms RTT, 1.6 Mbps down, 750 kbps up, with DevTools' adjustment). */
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
  uploadThroughput: ((750 * 1024) / 8) * 0.9,
};
const CPU_SLOWDOWN = 4;
/** The views of a measure page other than the default chart (their tab labels). */
const VIEWS = [
  ['map', 'Map'],
  ['rank', 'Rank'],
  ['table', 'Table'],
  ['sources', 'Sources'],
] as const;

// --- which pages -------------------------------------------------------------------------------

interface RouteType {
  /** Row name: the route with its dynamic segments in brackets, e.g. /measures/[measure]/. */
  readonly name: string;
  /** The page measured. */
  readonly url: string;
  /** A measure page's view reached by clicking this tab after load. */
  readonly tab?: string;
}

/** Every exported page's folder (relative, '' for the home page) with its route, from Next's per-page file. */
function exportedPages(dir = OUT, rel = ''): { rel: string; route: string }[] {
  const names = readdirSync(dir);
  const here: { rel: string; route: string }[] = [];
  if (names.includes('index.html')) {
    const page = names.find((n) => /^__next\..*__PAGE__\.txt$/.test(n));
    // "__next.measures.$d$measure.__PAGE__.txt" → /measures/[measure]/ ; "__next.__PAGE__.txt" → /
    const segments = page ? page.replace(/^__next\./, '').replace(/\.?__PAGE__\.txt$/, '') : rel.replace(/\//g, '.');
    const route = segments === '' ? '/' : `/${segments.split('.').map((s) => s.replace(/^\$[a-z]+\$(.*)$/, '[$1]')).join('/')}/`;
    here.push({ rel, route });
  }
  for (const n of names.sort()) {
    const p = path.join(dir, n);
    if (n.startsWith('_') || n === '404' || !statSync(p).isDirectory()) continue; // _next, _not-found, 404: the 404 row loads an unknown path
    here.push(...exportedPages(p, rel ? `${rel}/${n}` : n));
  }
  return here;
}

function routeTypes(): RouteType[] {
  const byRoute = new Map<string, string[]>();
  for (const p of exportedPages()) {
    if (!byRoute.has(p.route)) byRoute.set(p.route, []);
    byRoute.get(p.route)!.push(p.rel);
  }
  const types: RouteType[] = [];
  for (const [route, rels] of byRoute) {
    const rel = rels.find((r) => r.split('/').includes(preferredMeasure)) ?? rels[0]!;
    const url = rel === '' ? '/' : `/${rel}/`;
    types.push({ name: route, url });
    if (route === '/measures/[measure]/') {
      for (const [view, label] of VIEWS) {
        types.push({ name: `${route} ${view} (tab)`, url, tab: label });
        types.push({ name: `${route}?view=${view} (link)`, url: `${url}?view=${view}` });
      }
    }
  }
  types.push({ name: '404', url: '/no-such-page/' });
  // The home page first: every other row is compared with it.
  return types.sort((a, b) => (a.name === '/' ? -1 : b.name === '/' ? 1 : 0));
}

// --- one sample ----------------------------------------------------------------------------------

/** Installed before any page script: records every long task (start and duration, ms). */
const LONGTASK_OBSERVER = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
})();`;

interface Sample {
  /** Sum of (duration − 50) over long tasks, ms. */
  readonly tbt: number;
  readonly longest: number;
  readonly tasks: number;
}

const summarise = (tasks: readonly (readonly [number, number])[]): Sample => ({
  tbt: tasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
  longest: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
  tasks: tasks.length,
});

async function waitQuiet(page: Page, net: { inflight: number; last: number }) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.waitForTimeout(250);
    const [now, lastEnd] = (await page.evaluate('[performance.now(), Math.max(0, ...window.__longTasks.map(([s, d]) => s + d))]')) as [number, number];
    if (net.inflight === 0 && Date.now() - net.last >= quietMs && now - lastEnd >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`${page.url()} was not quiet within 60 s`);
  }
}

/** A top-level task on the page's main thread, from a trace: start (µs, trace clock), wall and thread (CPU) duration (ms). */
interface TraceTask {
  readonly ts: number;
  readonly wall: number;
  readonly cpu: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly url?: string } };
}

/**
 * The page's main-thread tasks from a trace: the renderer main thread that evaluated a script from
 * this server, its outermost RunTask events (a nested run loop's tasks are inside their parent).
 */
function mainThreadTasks(events: readonly TraceEvent[]): { tasks: TraceTask[]; marks: Map<string, number> } {
  const script = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith(ORIGIN));
  if (!script) throw new Error('no script of the page in the trace');
  const own = events.filter((e) => e.pid === script.pid && e.tid === script.tid);
  const runs = own.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks: TraceTask[] = [];
  let end = -Infinity;
  for (const e of runs) {
    if (e.ts < end) continue; // nested
    end = e.ts + e.dur!;
    // Thread time can exceed wall time in these traces (a 0.07 ms mojo task with 108 ms of "thread
    // time" was seen, every 500 ms on the area pages): a task's CPU time is at most its duration.
    tasks.push({ ts: e.ts, wall: e.dur! / 1000, cpu: Math.min(e.tdur ?? e.dur!, e.dur!) / 1000 });
  }
  const marks = new Map(own.filter((e) => e.name.startsWith('bench:')).map((e) => [e.name, e.ts]));
  return { tasks, marks };
}

async function sample(browser: Browser, type: RouteType): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  let tracing = false;
  try {
    await context.addInitScript(LONGTASK_OBSERVER);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (cpuMode === 'applied') await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const net = { inflight: 0, last: Date.now() };
    const busy = () => {
      net.inflight++;
      net.last = Date.now();
    };
    const done = () => {
      net.inflight--;
      net.last = Date.now();
    };
    page.on('request', busy);
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    if (cpuMode === 'simulated') {
      await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
      tracing = true;
    }
    await page.goto(ORIGIN + type.url, { waitUntil: 'load', timeout: 120_000 });
    await waitQuiet(page, net);
    // The view as a reader reaches it: a tap on its tab once the page has settled.
    let t0 = -Infinity;
    if (type.tab) {
      t0 = (await page.evaluate(`performance.mark('bench:tab'), performance.now()`)) as number;
      await page.getByRole('tab', { name: type.tab, exact: true }).click();
      await waitQuiet(page, net);
    }
    if (cpuMode === 'applied') {
      const observed = (await page.evaluate('window.__longTasks')) as [number, number][];
      return summarise(observed.filter(([s]) => s >= t0));
    }
    tracing = false;
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const { tasks, marks } = mainThreadTasks(trace.traceEvents);
    const from = type.tab ? marks.get('bench:tab') : -Infinity;
    if (from === undefined) throw new Error('the tab mark is missing from the trace');
    // A phone 4× slower: each task's own CPU time, 4× (as Lighthouse's simulated throttling scales tasks).
    return summarise(tasks.filter((t) => t.ts >= from).map((t) => [0, t.cpu * CPU_SLOWDOWN] as const).filter(([, d]) => d > 50));
  } finally {
    if (tracing) await browser.stopTracing().catch(() => undefined);
    await context.close();
  }
}

// --- report ----------------------------------------------------------------------------------------

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (n: number) => n.toFixed(0);

async function main() {
  if (!existsSync(path.join(OUT, 'index.html'))) throw new Error('out/ has no export: run `npm run build` first');
  let types = routeTypes();
  if (only.length > 0) types = types.filter((t) => t.name === '/' || only.some((w) => t.name.includes(w)));
  const load0 = loadavg()[0]!;
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'out', '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
  const results = new Map<string, Sample[]>(types.map((t) => [t.name, []]));
  /** Per route, each sample's TBT over the mean of the home samples taken just before and just after it. */
  const ratios = new Map<string, number[]>(types.map((t) => [t.name, []]));
  const homeType = types.find((t) => t.name === '/')!;
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const launch = () =>
      chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    let browser = await launch();
    const measure = async (r: number, t: RouteType) => {
      // A sample that fails (this shared machine can stall a load past the timeouts) is tried once more.
      const s = await sample(browser, t).catch(async (e: unknown) => {
        process.stderr.write(`run ${r + 1}/${runs} ${t.name}: failed (${e instanceof Error ? e.message.split('\n')[0] : String(e)}), trying again\n`);
        // The browser itself may have gone (it crashed once under load here): a new one for the retry.
        await browser.close().catch(() => undefined);
        browser = await launch();
        return sample(browser, t);
      });
      results.get(t.name)!.push(s);
      process.stderr.write(`run ${r + 1}/${runs} ${t.name}: TBT ${ms(s.tbt)} ms, longest ${ms(s.longest)} ms, ${s.tasks} long tasks\n`);
      return s;
    };
    try {
      // Rounds over every route (not every run of one route in a row), and the home page measured
      // between every two routes: each route's sample is compared with the home samples on either
      // side of it, taken within a minute, so a slow spell on this shared machine (home's TBT has
      // moved 62 → 164 ms between rounds here) lands on both sides of a ratio and mostly cancels.
      for (let r = 0; r < runs; r++) {
        let before = await measure(r, homeType);
        for (const t of types) {
          if (t === homeType) continue;
          const s = await measure(r, t);
          const after = await measure(r, homeType);
          const home = (before.tbt + after.tbt) / 2;
          ratios.get(t.name)!.push(home > 0 ? s.tbt / home : Number.NaN);
          before = after;
        }
      }
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }

  const range = (xs: readonly number[], f: (n: number) => string) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
  const rows = types.map((t) => {
    const xs = results.get(t.name)!;
    const tbts = xs.map((s) => s.tbt);
    const rs = ratios.get(t.name)!;
    const ratio = t === homeType ? 1 : median(rs);
    const within = ratio <= 1.5 ? 'yes' : 'no';
    const ratioCells = t === homeType ? '1.00 | – ' : `${ratio.toFixed(2)} | ${range(rs, (n) => n.toFixed(2))}`;
    return `| ${t.name} | ${t.tab ? `${t.url} → ${t.tab} tab` : t.url} | ${ms(median(tbts))} | ${range(tbts, ms)} | ${ms(median(xs.map((s) => s.longest)))} | ${median(xs.map((s) => s.tasks))} | ${ratioCells} | ${within} |`;
  });
  const report = [
    `Total blocking time on a phone, ${new Date().toISOString().slice(0, 10)}: Chromium headless, 375 × 800 (2×, touch), CPU ${CPU_SLOWDOWN}× slower (${cpuMode === 'applied' ? "Chromium's CPU throttling, long tasks as observed" : 'simulated: each task’s CPU time × 4, from a trace'}), network "Slow 4G" (562.5 ms latency, 1.44 Mbps down), cold cache.`,
    `Median of ${runs} runs per row (range beside it: the low end is the least disturbed run); the home page is measured between every two rows, so its row has ${results.get('/')!.length} samples. Load average ${load0.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end: this machine is shared, so figures move between runs.`,
    'TBT: sum of (long task − 50 ms) from navigation until quiet; a "tab" row counts only from the tap on the tab. × home: median over runs of the row\'s TBT ÷ the mean of the two home samples taken just before and after it (paired, so a slow spell of the machine cancels), with their range; target ≤ 1.5.',
    '',
    '| route | page | TBT ms | range | longest task ms | long tasks | × home | × home range | ≤ 1.5× |',
    '|---|---|---:|---:|---:|---:|---:|---:|:---:|',
    ...rows,
  ].join('\n');
  console.log(report);
  mkdirSync('.budget', { recursive: true });
  writeFileSync('.budget/bench-tbt.md', report + '\n');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
