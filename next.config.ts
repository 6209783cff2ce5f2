import type { NextConfig } from 'next';

// Static export: every route is pre-rendered HTML under out/, served by any static host.
const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true, // the URL contract (DESIGN §4) uses /measures/{id}/ style paths
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
