/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and extension bundles from its own package folder at run time;
  // bundling it breaks those paths and copies its files into the public static folder.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // forbidden(): a signed-in user whose role does not allow a page gets a 403 page.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // Metadata (the page title) is rendered in <head> before the page streams, for every client:
  // a screen reader announces the title at once.
  htmlLimitedBots: /.*/,
};

module.exports = nextConfig;
