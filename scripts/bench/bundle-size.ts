// The JavaScript a page ships: every <script src> of its HTML, fetched and gzipped, summed. Gzip
// at zlib's default level, as a server compressing on the fly sends it.
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  path: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
}

export async function bundleSize(baseUrl: string, cookie: string, path: string): Promise<BundleSize> {
  const page = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}, not the page`);
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    sources.add(new URL(match[1]!.replace(/&amp;/g, '&'), baseUrl).toString());
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const url of sources) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { path, scripts: sources.size, rawBytes, gzipBytes };
}
