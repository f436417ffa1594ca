/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and extension bundles from its own package folder at run time;
  // bundling it breaks those paths and copies its files into the public static folder.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Metadata (the page title) is rendered in <head> before the page streams, for every client:
  // a screen reader announces the title at once.
  htmlLimitedBots: /.*/,
};

module.exports = nextConfig;
