/**
 * A bounded load test of the local static server (npm run load:server, after a build): starts the
 * server on a free port on 127.0.0.1, sends a fixed number of mixed requests from this machine
 * (plain, conditional If-None-Match and If-Modified-Since, stale validators, HEAD, ranges, unknown
 * and hostile paths), checks every status and body length against the files in out/, and watches
 * the server process's open file handles (/proc/<pid>/fd), which must stay bounded. Stops by
 * itself: at most REQUESTS requests and DEADLINE_MS; exits 1 on any wrong answer or handle growth.
 *
 *   npm run load:server                     # 5,000 requests, 16 at a time
 *   npm run load:server -- --requests 20000 --concurrency 32
 *   LOAD_SERVER_CMD='node node_modules/serve/build/main.js {root} -l {port} --no-clipboard' npm run load:server
 *                                           # the same load against another server, to compare
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const ROOT = 'out';
const HOST = '127.0.0.1';
const DEADLINE_MS = 120_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number`);
  return v;
}
const REQUESTS = arg('requests', 5000);
const CONCURRENCY = arg('concurrency', 16);
/** Handles the server may hold beyond its idle count: one socket per client connection, and slack for files being streamed. */
const FD_SLACK = CONCURRENCY * 2 + 16;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const fdCount = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

/** URL paths of the files in out/, with their sizes: folder URLs for index.html, as the site links them. */
function targets(): { url: string; size: number }[] {
  const all: { url: string; size: number }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else {
        const rel = `/${path.relative(ROOT, p).split(path.sep).join('/')}`;
        all.push({ url: rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel, size: st.size });
      }
    }
  };
  walk(ROOT);
  // A fixed sample across the kinds of file (pages, code, data, maps, images): every k-th file.
  const k = Math.max(1, Math.floor(all.length / 300));
  return all.filter((_, i) => i % k === 0 || all[i]!.url === '/');
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: number;
}

function request(agent: http.Agent, port: number, urlPath: string, method: string, headers: http.OutgoingHttpHeaders): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, path: urlPath, method, headers, agent }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${method} ${urlPath}`)));
    req.on('error', reject);
    req.end();
  });
}

interface Case {
  readonly kind: string;
  readonly path: string;
  readonly method: 'GET' | 'HEAD';
  readonly headers: http.OutgoingHttpHeaders;
  /** Expected status and body length (bytes). */
  readonly status: number;
  readonly bytes: number;
}

function startServer(port: number): ChildProcess {
  const template = process.env.LOAD_SERVER_CMD ?? `${process.execPath} --import tsx scripts/serve.ts {root} --port {port} --host ${HOST}`;
  const [cmd, ...args] = template.replaceAll('{root}', ROOT).replaceAll('{port}', String(port)).split(/\s+/);
  const child = spawn(cmd!, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`server: ${[cmd, ...args].join(' ')} (pid ${child.pid})`);
  return child;
}

async function waitUntilUp(agent: http.Agent, port: number, child: ChildProcess) {
  const until = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    try {
      if ((await request(agent, port, '/', 'GET', {})).status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error('the server did not answer within 20 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  if (!existsSync(path.join(ROOT, 'index.html')) || !existsSync(path.join(ROOT, '404.html'))) {
    console.error('load:server: out/ has no index.html or 404.html: run npm run build first.');
    process.exit(1);
  }
  const files = targets();
  const notFoundBytes = statSync(path.join(ROOT, '404.html')).size;
  const port = await freePort();
  const child = startServer(port);
  const pid = child.pid!;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const started = Date.now();
  const failures: string[] = [];
  const tally = new Map<string, number>();
  try {
    await waitUntilUp(agent, port, child);
    // Learn each file's validators (as a browser's cache does) and check its plain answer once.
    const validators = new Map<string, { etag?: string; lastModified?: string }>();
    for (const f of files) {
      const r = await request(agent, port, f.url, 'GET', {});
      if (r.status !== 200 || r.bytes !== f.size) failures.push(`prime ${f.url}: ${r.status}, ${r.bytes} bytes (expected 200, ${f.size})`);
      validators.set(f.url, { etag: r.headers.etag, lastModified: r.headers['last-modified'] });
    }
    const idleFds = fdCount(pid);

    const caseFor = (i: number): Case => {
      const f = files[(i * 7919) % files.length]!; // spread over the files, fixed order
      const v = validators.get(f.url)!;
      switch (i % 10) {
        case 0:
        case 1:
          return { kind: 'GET', path: f.url, method: 'GET', headers: {}, status: 200, bytes: f.size };
        case 2:
        case 3:
        case 4:
          return { kind: 'If-None-Match (fresh)', path: f.url, method: 'GET', headers: { 'if-none-match': v.etag ?? '' }, status: 304, bytes: 0 };
        case 5:
        case 6:
          return { kind: 'If-Modified-Since (fresh)', path: f.url, method: 'GET', headers: { 'if-modified-since': v.lastModified ?? '' }, status: 304, bytes: 0 };
        case 7:
          return { kind: 'If-None-Match (stale)', path: f.url, method: 'GET', headers: { 'if-none-match': 'W/"0-0"' }, status: 200, bytes: f.size };
        case 8:
          return i % 20 === 8
            ? { kind: 'HEAD', path: f.url, method: 'HEAD', headers: {}, status: 200, bytes: 0 }
            : { kind: 'Range 0-99', path: f.url, method: 'GET', headers: { range: 'bytes=0-99' }, status: f.size > 100 ? 206 : f.size === 0 ? 416 : 206, bytes: Math.min(100, f.size) };
        default: {
          const hostile = [
            { path: `/no-such-page-${i}/`, status: 404, bytes: notFoundBytes },
            { path: '/measures/referrals%2F..%2F..%2Fdata/', status: 404, bytes: notFoundBytes },
            { path: `/data/%00${i}`, status: 400, bytes: -1 },
          ][Math.floor(i / 10) % 3]!;
          return { kind: `unknown or hostile (${hostile.status})`, method: 'GET', headers: {}, ...hostile };
        }
      }
    };

    let next = 0;
    let done = 0;
    let maxFds = idleFds;
    const samples: number[] = [];
    const worker = async () => {
      while (next < REQUESTS && Date.now() - started < DEADLINE_MS) {
        const c = caseFor(next++);
        try {
          const r = await request(agent, port, c.path, c.method, c.headers);
          const okBytes = c.bytes < 0 ? r.bytes > 0 : r.bytes === c.bytes;
          if (r.status !== c.status || !okBytes) failures.push(`${c.kind} ${c.path}: ${r.status}, ${r.bytes} bytes (expected ${c.status}, ${c.bytes < 0 ? 'a message' : `${c.bytes} bytes`})`);
          if (c.method === 'HEAD' && Number(r.headers['content-length']) !== files.find((f) => f.url === c.path)!.size) failures.push(`HEAD ${c.path}: content-length ${r.headers['content-length']}`);
        } catch (e) {
          failures.push(`${c.kind} ${c.path}: ${e instanceof Error ? e.message : String(e)}`);
        }
        tally.set(c.kind, (tally.get(c.kind) ?? 0) + 1);
        if (++done % 250 === 0 && child.exitCode === null) {
          const n = fdCount(pid);
          samples.push(n);
          maxFds = Math.max(maxFds, n);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;
    if (done < REQUESTS) failures.push(`stopped at the ${DEADLINE_MS / 1000} s limit after ${done} of ${REQUESTS} requests`);
    if (child.exitCode !== null) failures.push(`the server exited (${child.exitCode}) during the test`);

    agent.destroy();
    await new Promise((r) => setTimeout(r, 500));
    const finalFds = child.exitCode === null ? fdCount(pid) : NaN;
    const rss = child.exitCode === null ? rssKiB(pid) : NaN;

    console.log(`\n${done} requests in ${seconds.toFixed(1)} s (${Math.round(done / seconds)}/s), ${CONCURRENCY} at a time, over ${files.length} files of out/`);
    for (const [k, n] of [...tally].sort()) console.log(`  ${String(n).padStart(5)}  ${k}`);
    console.log(`open handles of the server: ${idleFds} after warm-up, at most ${maxFds} under load (allowed ${idleFds + FD_SLACK}), ${finalFds} after the clients closed`);
    console.log(`  every 250 requests: ${samples.join(' ')}`);
    console.log(`server memory (RSS): ${Math.round(rss / 1024)} MiB`);
    if (maxFds > idleFds + FD_SLACK) failures.push(`open handles grew from ${idleFds} to ${maxFds} (a leak: more than ${FD_SLACK} above the idle count)`);
    if (finalFds > idleFds + 4) failures.push(`open handles after the clients closed: ${finalFds}, against ${idleFds} at the start`);
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 2000).unref();
  }
  if (failures.length) {
    console.error(`\n${failures.length} failures:`);
    for (const f of failures.slice(0, 20)) console.error(`  ${f}`);
    if (failures.length > 20) console.error(`  … and ${failures.length - 20} more`);
    process.exit(1);
  }
  console.log('\nevery answer as expected; handles bounded');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
