import type { NextConfig } from 'next';

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

export default nextConfig;
