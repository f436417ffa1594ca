// The JavaScript a page ships: every script Chromium actually downloads while opening the page
// signed in (the noModule polyfills a modern browser skips are not counted; chunks the page loads
// after its HTML are), each gzipped at zlib's default level, as a server compressing on the fly.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';

export interface BundleSize {
  path: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
}

export async function bundleSize(baseUrl: string, cookie: string, path: string): Promise<BundleSize> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext();
    const url = new URL(baseUrl);
    await context.addCookies(
      cookie.split(/;\s*/).flatMap((pair) => {
        const at = pair.indexOf('=');
        return at > 0
          ? [
              {
                name: pair.slice(0, at),
                value: pair.slice(at + 1),
                domain: url.hostname,
                path: '/',
                secure: pair.startsWith('__Secure-'),
              },
            ]
          : [];
      }),
    );
    const page = await context.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' && !scripts.has(response.url())) {
        scripts.set(response.url(), response.body());
      }
    });
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    if (response?.status() !== 200 || new URL(page.url()).pathname !== path) {
      throw new Error(`${path} answered ${response?.status()} at ${page.url()}, not the page`);
    }
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const body of await Promise.all(scripts.values())) {
      rawBytes += body.length;
      gzipBytes += gzipSync(body).length;
    }
    return { path, scripts: scripts.size, rawBytes, gzipBytes };
  } finally {
    await browser.close();
  }
}
