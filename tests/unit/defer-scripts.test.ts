import { describe, expect, it } from 'vitest';
import { deferChunkScripts, startAppInItsOwnTask } from '../../scripts/defer-scripts';

describe('deferring Next’s start-up scripts (postbuild)', () => {
  const page = (tree: string) =>
    `<html><head><script src="/_next/static/chunks/main-app.js" async=""></script><script src="/_next/static/chunks/page.js" async=""></script></head><body><script>self.__next_f.push([1,"${tree}"])</script></body></html>`;

  it('defers the start-up code but keeps async the chunks that are elements of the React tree (React looks them up by script[async])', () => {
    const r = deferChunkScripts(page('0:[[\\"$\\",\\"script\\",\\"script-0\\",{\\"src\\":\\"/_next/static/chunks/page.js\\",\\"async\\":true}]]'));
    expect(r.changed).toBe(1);
    expect(r.html).toContain('<script src="/_next/static/chunks/main-app.js" defer="">');
    expect(r.html).toContain('<script src="/_next/static/chunks/page.js" async="">');
  });

  it('defers every chunk script when none is in the tree', () => {
    const r = deferChunkScripts(page('0:[]'));
    expect(r.changed).toBe(2);
    expect(r.html).not.toContain('async=""');
  });
});

describe('starting the app after DOMContentLoaded, in a task of its own (postbuild)', () => {
  const push = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[94553]});';
  const page = `<body><p>Text</p><script id="_R_">${push}</script><script src="/_next/static/chunks/a.js" defer=""></script></body>`;

  it('pushes Turbopack’s bootstrap unchanged, after DOMContentLoaded and a zero timeout', () => {
    const html = startAppInItsOwnTask(page)!;
    expect(html).toBe(
      `<body><p>Text</p><script id="_R_">addEventListener("DOMContentLoaded",function(){setTimeout(function(){${push}})},{once:true})</script><script src="/_next/static/chunks/a.js" defer=""></script></body>`,
    );
  });

  it('the rewritten bootstrap runs the same push, but only once the document has loaded and the timeout fired', () => {
    const script = /<script id="_R_">(.*?)<\/script>/.exec(startAppInItsOwnTask(page)!)![1]!;
    const listeners: Array<() => void> = [];
    const timeouts: Array<() => void> = [];
    const pushed: unknown[] = [];
    const globalThis = { TURBOPACK: { push: (x: unknown) => pushed.push(x) } };
    new Function('addEventListener', 'setTimeout', 'globalThis', script)(
      (type: string, f: () => void) => type === 'DOMContentLoaded' && listeners.push(f),
      (f: () => void) => timeouts.push(f),
      globalThis,
    );
    expect(pushed).toEqual([]);
    listeners.forEach((f) => f());
    expect(pushed).toEqual([]);
    timeouts.forEach((f) => f());
    expect(pushed).toEqual([{ otherChunks: ['static/chunks/a.js'], runtimeModuleIds: [94553] }]);
  });

  it('finds no bootstrap in a page without one (the build then fails: Next’s markup changed)', () => {
    expect(startAppInItsOwnTask('<body><script id="_R_">console.log(1)</script></body>')).toBeNull();
    expect(startAppInItsOwnTask('<body></body>')).toBeNull();
  });
});
