// The worst single request the app accepts: a create with every field at its limit (2,000
// aliases…), against a small create in the same run. Time, and the server's memory: heap in use
// after each (GET /api/bench/memory) and its peak resident size (VmHWM, from /proc).
import fs from 'node:fs';
import { createBody } from './create-body';
import { largestCustomer, type Fill } from './largest-customer';

export interface RequestCost {
  bytes: number;
  status: number;
  ms: number;
  /** Heap in use after the request, less before it (MB). */
  heapMb: number;
  /** How much the server's peak resident size rose during the request (MB). */
  peakRssMb: number | null;
}

export interface WorstRequest {
  small: RequestCost;
  largest: Record<Fill, RequestCost>;
}

const MB = 2 ** 20;

export function peakRss(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The server's heap in use, in bytes (GET /api/bench/memory). */
export async function heapUsed(baseUrl: string, cookie: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/bench/memory`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET /api/bench/memory answered ${response.status}`);
  return ((await response.json()) as { heapUsed: number }).heapUsed;
}

async function cost(baseUrl: string, cookie: string, pid: number | undefined, values: unknown): Promise<RequestCost> {
  const body = JSON.stringify(values);
  const heapBefore = await heapUsed(baseUrl, cookie);
  const peakBefore = peakRss(pid);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/customers`, {
    method: 'POST',
    headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${text.slice(0, 300)}`);
  const peakAfter = peakRss(pid);
  return {
    bytes: Buffer.byteLength(body),
    status: response.status,
    ms: Math.round(ms),
    heapMb: Math.round(((await heapUsed(baseUrl, cookie)) - heapBefore) / MB),
    peakRssMb: peakBefore !== null && peakAfter !== null ? Math.round((peakAfter - peakBefore) / MB) : null,
  };
}

export async function measureWorstRequest(
  baseUrl: string,
  cookie: string,
  pid: number | undefined,
  tag: string,
): Promise<WorstRequest> {
  // A warm-up create, so that the small one is not the first to load the code.
  await cost(baseUrl, cookie, pid, createBody(`${tag}-warm`, 0));
  const small = await cost(baseUrl, cookie, pid, createBody(`${tag}-small`, 0));
  return {
    small,
    largest: {
      escapes: await cost(baseUrl, cookie, pid, largestCustomer(`${tag}e`, 'escapes')),
      jamo: await cost(baseUrl, cookie, pid, largestCustomer(`${tag}j`, 'jamo')),
    },
  };
}

/** One line per request: bytes, time and memory, beside the targets (< 100 ms, < 50 MB heap). */
export function worstRequestTable(w: WorstRequest): string {
  const row = (label: string, c: RequestCost) =>
    `${label.padEnd(34)} ${(c.bytes / 1024).toFixed(0).padStart(6)} KB ${String(c.ms).padStart(7)} ms ` +
    `${String(c.heapMb).padStart(5)} MB heap ${c.peakRssMb === null ? '' : `${String(c.peakRssMb).padStart(5)} MB peak RSS`}`;
  return [
    'Worst accepted request (POST /api/customers; targets: < 100 ms, < 50 MB heap growth)',
    row('small create', w.small),
    row('largest create, control characters', w.largest.escapes),
    row('largest create, Hangul jamo', w.largest.jamo),
  ].join('\n');
}
