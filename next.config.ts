import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { siteUrlWarning } from './lib/site';

// Static export: every route is pre-rendered HTML under out/, served by any static host.
const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true, // the URL contract (DESIGN §4) uses /measures/{id}/ style paths
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // Type checking runs once, as its own step of `npm test` (npm run typecheck), not inside every build.
  typescript: { ignoreBuildErrors: true },
};

let warned = false;

export default function config(phase: string): NextConfig {
  // A build without a public URL is fine for CI and local use, but should not be deployed unnoticed.
  const warning = phase === PHASE_PRODUCTION_BUILD && !warned ? siteUrlWarning(process.env) : undefined;
  if (warning) {
    warned = true;
    console.warn(warning);
  }
  return nextConfig;
}
