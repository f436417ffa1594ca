/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and extension bundles from its own package folder at run time;
  // bundling it breaks those paths and copies its files into the public static folder.
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'pino-pretty'],
  poweredByHeader: false,
  // forbidden(): a signed-in user whose role does not allow a page gets a 403 page.
  // serverActions.bodySizeLimit: the largest customer the form accepts is about 1.7 MB of
  // arguments; lib/request-limits.ts holds the same limit for route handlers (and its test, both).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '2mb' } },
  reactStrictMode: true,
  // Metadata (the page title) is rendered in <head> before the page streams, for every client:
  // a screen reader announces the title at once.
  htmlLimitedBots: /.*/,
};

module.exports = nextConfig;
