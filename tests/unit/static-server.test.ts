import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../scripts/serve';

/**
 * The local server of the export (scripts/serve.ts), on a small folder shaped like out/: folder
 * URLs, the 404 page, hostile paths, conditional requests, and no file handle kept per request.
 */
let root: string;
let server: http.Server;
let port: number;

const PAGES = { 'index.html': '<h1>home</h1>', '404.html': '<h1>not found page</h1>', 'measures/referrals/index.html': '<h1>referrals</h1>', 'data/index.html': '<h1>data page</h1>', 'data/a.csv': 'x,y\n1,2\n' };

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'csc-serve-'));
  for (const [f, body] of Object.entries(PAGES)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), body);
  }
  writeFileSync(path.join(os.tmpdir(), 'csc-serve-outside.txt'), 'outside');
  server = createStaticServer({ root });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path is sent exactly as given (fetch would normalise "..", and so hide what the server does). */
function get(rawPath: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  it('serves a folder URL from its index.html, and redirects the folder without its slash', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: PAGES['index.html'] });
    expect(await get('/measures/referrals/')).toMatchObject({ status: 200, body: PAGES['measures/referrals/index.html'] });
    const r = await get('/measures/referrals');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/measures/referrals/');
    expect(await get('/data/a.csv')).toMatchObject({ status: 200, body: PAGES['data/a.csv'] });
  });

  it('answers an unknown path with 404 and the export’s 404 page', async () => {
    for (const p of ['/nope/', '/measures/nope', '/data/b.csv']) expect(await get(p), p).toMatchObject({ status: 404, body: PAGES['404.html'] });
    expect((await get('/nope/', {}, 'HEAD')).body).toBe('');
  });

  it('answers a NUL byte in a path with 400, never 500', async () => {
    for (const p of ['/%00', '/a%00b/', '/measures/referrals/%00', '/data/a.csv%00.html']) expect((await get(p)).status, p).toBe(400);
    expect((await get('/%E0%A4%A')).status).toBe(400); // a malformed escape too
  });

  it('never lets an encoded slash or backslash climb out of a folder: /measures/referrals%2F..%2F..%2Fdata/ is not /data/', async () => {
    for (const p of ['/measures/referrals%2F..%2F..%2Fdata/', '/measures/referrals%2f..%2f..%2fdata/', '/measures%2F..%2Fdata%2Fa.csv', '/measures/referrals%5C..%5C..%5Cdata/']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('data page');
    }
  });

  it('serves nothing outside its folder, and no dotfiles', async () => {
    writeFileSync(path.join(root, '.env'), 'SECRET=1');
    for (const p of ['/../csc-serve-outside.txt', '/%2e%2e/csc-serve-outside.txt', '/measures/../../csc-serve-outside.txt', '/.env']) {
      const r = await get(p);
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body).not.toMatch(/outside|SECRET/);
    }
  });

  it('answers conditional requests with 304 and an empty body; only GET and HEAD', async () => {
    const first = await get('/measures/referrals/');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['last-modified']).toBeTruthy();
    expect(await get('/measures/referrals/', { 'if-none-match': first.headers.etag! })).toMatchObject({ status: 304, body: '' });
    expect(await get('/measures/referrals/', { 'if-modified-since': first.headers['last-modified']! })).toMatchObject({ status: 304, body: '' });
    expect((await get('/measures/referrals/', { 'if-none-match': 'W/"other"' })).status).toBe(200);
    const post = await get('/', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it.skipIf(!existsSync('/proc/self/fd'))('keeps no file handle per request (serve 14.2.7 kept one per 304)', async () => {
    const fds = () => readdirSync('/proc/self/fd').length;
    const { etag } = (await get('/data/a.csv')).headers;
    const before = fds();
    for (let i = 0; i < 300; i++) {
      const r = await get(i % 3 === 0 ? '/data/a.csv' : '/nope/', i % 3 === 0 ? { 'if-none-match': etag! } : {});
      expect(r.status).toBe(i % 3 === 0 ? 304 : 404);
    }
    await new Promise((r) => setTimeout(r, 100)); // sockets closing
    expect(fds() - before).toBeLessThan(20);
  });
});
