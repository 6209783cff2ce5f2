/**
 * The local static server for the export (`npm start`, the end-to-end tests, `npm run load:server`):
 * out/ as a static host serves it. Files are sent by serve-static/send (expressjs), which answer
 * conditional requests (ETag, Last-Modified) before opening a file, so a 304 holds no file handle.
 * `serve` 14.2.7 leaked one handle on every 304 (serve-handler #235) and fell over under load.
 *
 *   tsx scripts/serve.ts [dir=out] [--port 3000] [--host ::]
 *
 * - /path/ serves path/index.html; /path (a folder) redirects to /path/ (the export's URLs end in /);
 * - an unknown path answers 404 with the export's 404.html;
 * - a path with an encoded slash or backslash (%2F, %5C) names no file (404): send would decode it
 *   into a separator, so /measures/referrals%2F..%2F..%2Fdata/ would reach /data/;
 * - a NUL byte (%00) or malformed escape is a bad request (400), never a server error;
 * - only GET and HEAD (405 otherwise); nothing outside the folder (403), no dotfiles (404).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { pathToFileURL } from 'node:url';
import serveStatic from 'serve-static';

export interface StaticServerOptions {
  /** The folder to serve (the export, out/). */
  readonly root: string;
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } as const;

export function createStaticServer({ root }: StaticServerOptions): http.Server {
  const dir = path.resolve(root);
  const files = serveStatic(dir, { index: ['index.html'], redirect: true, fallthrough: false, dotfiles: 'ignore' });
  const notFoundPage = path.join(dir, '404.html');

  const plain = (res: http.ServerResponse, status: number, text: string, head: boolean) => {
    res.writeHead(status, { ...TEXT, 'content-length': Buffer.byteLength(text) });
    res.end(head ? undefined : text);
  };

  const notFound = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const head = req.method === 'HEAD';
    if (!existsSync(notFoundPage)) return plain(res, 404, 'Not found\n', head);
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': statSync(notFoundPage).size, 'cache-control': 'no-cache' });
    if (head) return void res.end();
    // pipeline closes the file when the response ends or the client goes away
    pipeline(createReadStream(notFoundPage), res, () => undefined);
  };

  return http.createServer((req, res) => {
    const head = req.method === 'HEAD';
    try {
      const rawPath = (req.url ?? '/').split(/[?#]/)[0]!;
      if (/%00|\0/.test(rawPath)) return plain(res, 400, 'Bad request: a NUL byte is not allowed in a path.\n', head);
      if (/%2f|%5c/i.test(rawPath)) return notFound(req, res);
      files(req, res, (err?: { status?: number; statusCode?: number }) => {
        const status = err?.status ?? err?.statusCode ?? 404;
        if (status === 404) return notFound(req, res);
        if (status === 405) {
          res.setHeader('allow', 'GET, HEAD');
          return plain(res, 405, 'Method not allowed\n', head);
        }
        if (status < 500) return plain(res, status, `${http.STATUS_CODES[status] ?? 'Bad request'}\n`, head);
        console.error(err);
        plain(res, 500, 'Server error\n', head);
      });
    } catch (e) {
      console.error(e);
      if (!res.headersSent) plain(res, 500, 'Server error\n', head);
      else res.destroy();
    }
  });
}

function parseArgs(argv: readonly string[]) {
  let root = 'out';
  let port = Number(process.env.PORT ?? 3000);
  let host: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--port' || a === '-p') port = Number(argv[++i]);
    else if (a === '--host') host = argv[++i];
    else if (!a.startsWith('-')) root = a;
    else throw new Error(`unknown option ${a} (usage: serve.ts [dir] [--port N] [--host H])`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${port} is not a port number`);
  return { root, port, host };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { root, port, host } = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error(`serve: ${root}/index.html not found: build the site first (npm run build).`);
    process.exit(1);
  }
  const server = createStaticServer({ root });
  server.on('error', (e) => {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  });
  // Without --host: every interface, so a phone on the same network can open it too.
  server.listen(port, host, () => {
    const addr = server.address();
    const p = typeof addr === 'object' && addr ? addr.port : port;
    console.log(`Serving ${root}/ on http://localhost:${p}/ (pid ${process.pid})`);
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.close(() => process.exit(0)).closeAllConnections());
}
