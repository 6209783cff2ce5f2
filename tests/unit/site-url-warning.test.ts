import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import { afterEach, describe, expect, it, vi } from 'vitest';
import config from '../../next.config';
import { siteUrlWarning } from '@/lib/site';

/** A build without NEXT_PUBLIC_SITE_URL says, in one line, that its absolute links name localhost; it does not fail. */
describe('build-time warning when NEXT_PUBLIC_SITE_URL is unset', () => {
  const saved = process.env.NEXT_PUBLIC_SITE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXT_PUBLIC_SITE_URL;
    else process.env.NEXT_PUBLIC_SITE_URL = saved;
    vi.restoreAllMocks();
  });

  it('is one line naming the variable and what it affects, and nothing when the URL is set', () => {
    const w = siteUrlWarning({})!;
    expect(w).toMatch(/NEXT_PUBLIC_SITE_URL is not set/);
    expect(w).toMatch(/canonical.*social card.*oEmbed/);
    expect(w).toContain('http://localhost:3000');
    expect(w).not.toContain('\n');
    expect(siteUrlWarning({ NEXT_PUBLIC_SITE_URL: 'https://example.org' })).toBeUndefined();
  });

  it('next.config prints it once for a production build, not for the dev server, and still returns the export config', () => {
    delete process.env.NEXT_PUBLIC_SITE_URL;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(config(PHASE_DEVELOPMENT_SERVER).output).toBe('export');
    expect(warn).not.toHaveBeenCalled();
    expect(config(PHASE_PRODUCTION_BUILD).output).toBe('export');
    config(PHASE_PRODUCTION_BUILD); // Next may load its config more than once per build
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(siteUrlWarning({}));
  });
});
