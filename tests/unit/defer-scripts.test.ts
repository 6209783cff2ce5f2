import { describe, expect, it } from 'vitest';
import { deferChunkScripts } from '../../scripts/defer-scripts';

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
