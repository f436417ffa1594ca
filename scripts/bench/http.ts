// The portal as users feel it: real HTTP requests over loopback, driven by autocannon.
import autocannon from 'autocannon';
import { createBody } from './create-body';
import { latencyFigures, type Figures } from './stats';

export type HttpScenarioKey = 'list' | 'deep' | 'search' | 'alias' | 'create' | 'listHtml' | 'bare';

export interface HttpScenario {
  key: HttpScenarioKey;
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** The status a working request gets. */
  expect: number;
}

export interface HttpResult extends Figures {
  scenario: HttpScenario;
  /** The same requests one at a time (one connection): the latency a single user feels. */
  oneUser: Figures;
  /** Responses by status code, and connection errors/timeouts. */
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Requests that did not get the expected status (counted in the latency figures too). */
  unexpected: number;
  /** What one request returned before the run: status and a short summary. */
  probe: string;
}

export interface HttpOptions {
  duration: number;
  warmup: number;
  connections: number;
}

const query = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

export function scenarios(p: { deepCursor: string | null; searchTerm: string; alias: string }): HttpScenario[] {
  return [
    { key: 'bare', label: 'bare route (floor b)', method: 'GET', path: '/api/bench/floor', expect: 200 },
    { key: 'list', label: 'list API, first page', method: 'GET', path: '/api/customers', expect: 200 },
    {
      key: 'deep',
      label: 'list API, deep page',
      method: 'GET',
      path: `/api/customers${p.deepCursor ? query({ cursor: p.deepCursor }) : ''}`,
      expect: 200,
    },
    {
      key: 'search',
      label: `search "${p.searchTerm}"`,
      method: 'GET',
      path: `/api/customers${query({ q: p.searchTerm })}`,
      expect: 200,
    },
    {
      key: 'alias',
      label: 'exact alias lookup',
      method: 'GET',
      path: `/api/customers${query({ q: p.alias })}`,
      expect: 200,
    },
    { key: 'listHtml', label: 'list page HTML /customers', method: 'GET', path: '/customers', expect: 200 },
    // Last: it adds customers.
    { key: 'create', label: 'create customer (POST)', method: 'POST', path: '/api/customers', expect: 201 },
  ];
}

/** One request, to check the scenario works before it is measured. */
async function probe(baseUrl: string, cookie: string, s: HttpScenario, body: string): Promise<string> {
  const response = await fetch(`${baseUrl}${s.path}`, {
    method: s.method,
    redirect: 'manual',
    headers: { cookie, origin: baseUrl, ...(s.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    body: s.method === 'POST' ? body : undefined,
  });
  const text = await response.text();
  let summary = `${text.length} bytes`;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      const json = JSON.parse(text) as { items?: unknown[]; exactMatches?: unknown[] };
      if (Array.isArray(json.items)) {
        summary = `${json.items.length} items${Array.isArray(json.exactMatches) ? `, ${json.exactMatches.length} exact` : ''}`;
      } else summary = text.slice(0, 120);
    } catch {
      // keep the byte count
    }
  }
  return `${response.status}: ${summary}`;
}

function cannon(
  baseUrl: string,
  cookie: string,
  s: HttpScenario,
  seconds: number,
  connections: number,
  nextBody: () => string,
  onLatency: (ms: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        headers: { cookie, origin: baseUrl },
        requests: [
          s.method === 'POST'
            ? {
                method: 'POST',
                path: s.path,
                headers: { 'content-type': 'application/json' },
                // Every request a new customer: a unique ID and aliases.
                setupRequest: (request) => ({ ...request, body: nextBody() }),
              }
            : { method: 'GET', path: s.path },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => onLatency(responseTime));
  });
}

export async function measureHttp(
  baseUrl: string,
  cookie: string,
  s: HttpScenario,
  o: HttpOptions,
  runLabel: string,
): Promise<HttpResult> {
  let n = 0;
  const nextBody = () => JSON.stringify(createBody(`bench-${runLabel}`, n++));
  const probed = await probe(baseUrl, cookie, s, nextBody());
  if (o.warmup > 0) await cannon(baseUrl, cookie, s, o.warmup, o.connections, nextBody, () => {});
  const alone: number[] = [];
  const single = await cannon(baseUrl, cookie, s, Math.max(3, o.duration / 2), 1, nextBody, (ms) => alone.push(ms));
  const latencies: number[] = [];
  const result = await cannon(baseUrl, cookie, s, o.duration, o.connections, nextBody, (ms) => latencies.push(ms));
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = count ?? 0;
  const expected = statusCodes[String(s.expect)] ?? 0;
  return {
    ...latencyFigures(latencies, result.duration),
    scenario: s,
    oneUser: latencyFigures(alone, single.duration),
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    unexpected: latencies.length - expected,
    probe: probed,
  };
}
