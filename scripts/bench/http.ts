// The portal as users feel it: real HTTP requests over loopback, driven by autocannon.
import autocannon from 'autocannon';
import { createBody, createV1Body, ingestV1Body } from './create-body';
import { latencyFigures, type Figures } from './stats';

export type HttpScenarioKey =
  | 'list'
  | 'deep'
  | 'search'
  | 'alias'
  | 'create'
  | 'listHtml'
  | 'bare'
  | 'sessionRetrieve'
  | 'v1Retrieve'
  | 'v1List'
  | 'v1Create'
  | 'v1Ingest';

export interface HttpScenario {
  key: HttpScenarioKey;
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** The status a working request gets. */
  expect: number;
  /** How it signs its requests: the portal's session cookie, or the /v1 API key (Authorization: Bearer). */
  auth: 'session' | 'apiKey';
  /** POST: the JSON body of the n-th request, unique by prefix and n. */
  body?: (prefix: string, n: number) => unknown;
}

/** What the bench signs in with: the editor's session cookie, and an editor API key. */
export interface Credentials {
  cookie: string;
  apiKey: string;
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

/** Every scenario, in the order they run. */
export function scenarios(p: {
  deepCursor: string | null;
  searchTerm: string;
  alias: string;
  customerId: string;
}): HttpScenario[] {
  const session = 'session' as const;
  const apiKey = 'apiKey' as const;
  const id = encodeURIComponent(p.customerId);
  return [
    { key: 'bare', label: 'bare route (floor b)', method: 'GET', path: '/api/bench/floor', expect: 200, auth: session },
    { key: 'list', label: 'list API, first page', method: 'GET', path: '/api/customers', expect: 200, auth: session },
    {
      key: 'deep',
      label: 'list API, deep page',
      method: 'GET',
      path: `/api/customers${p.deepCursor ? query({ cursor: p.deepCursor }) : ''}`,
      expect: 200,
      auth: session,
    },
    {
      key: 'search',
      label: `search "${p.searchTerm}"`,
      method: 'GET',
      path: `/api/customers${query({ q: p.searchTerm })}`,
      expect: 200,
      auth: session,
    },
    {
      key: 'alias',
      label: 'exact alias lookup',
      method: 'GET',
      path: `/api/customers${query({ q: p.alias })}`,
      expect: 200,
      auth: session,
    },
    {
      key: 'listHtml',
      label: 'list page HTML /customers',
      method: 'GET',
      path: '/customers',
      expect: 200,
      auth: session,
    },
    // The same read as /v1's retrieve, signed by the session: what key checking adds is the difference.
    {
      key: 'sessionRetrieve',
      label: 'retrieve, session (bench twin)',
      method: 'GET',
      path: `/api/bench/customer/${id}`,
      expect: 200,
      auth: session,
    },
    {
      key: 'v1Retrieve',
      label: 'GET /v1/customers/{id}',
      method: 'GET',
      path: `/v1/customers/${id}`,
      expect: 200,
      auth: apiKey,
    },
    {
      key: 'v1List',
      label: 'GET /v1/customers (100 rows)',
      method: 'GET',
      path: `/v1/customers${query({ limit: '100' })}`,
      expect: 200,
      auth: apiKey,
    },
    // Last: they add customers.
    {
      key: 'create',
      label: 'create customer (POST)',
      method: 'POST',
      path: '/api/customers',
      expect: 201,
      auth: session,
      body: createBody,
    },
    {
      key: 'v1Create',
      label: 'POST /v1/customers',
      method: 'POST',
      path: '/v1/customers',
      expect: 200,
      auth: apiKey,
      body: createV1Body,
    },
    {
      key: 'v1Ingest',
      label: 'POST /v1/ingest (100 events)',
      method: 'POST',
      path: '/v1/ingest',
      expect: 200,
      auth: apiKey,
      body: (prefix, n) => ingestV1Body(prefix, n, p.alias),
    },
  ];
}

/** The headers that sign a scenario's requests. */
function authHeaders(baseUrl: string, credentials: Credentials, s: HttpScenario): Record<string, string> {
  return s.auth === 'apiKey'
    ? { authorization: `Bearer ${credentials.apiKey}` }
    : { cookie: credentials.cookie, origin: baseUrl };
}

/** One request, to check the scenario works before it is measured. */
async function probe(baseUrl: string, credentials: Credentials, s: HttpScenario, body: string): Promise<string> {
  const response = await fetch(`${baseUrl}${s.path}`, {
    method: s.method,
    redirect: 'manual',
    headers: {
      ...authHeaders(baseUrl, credentials, s),
      ...(s.method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    body: s.method === 'POST' ? body : undefined,
  });
  const text = await response.text();
  let summary = `${text.length} bytes`;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      const json = JSON.parse(text) as { items?: unknown[]; exactMatches?: unknown[]; data?: unknown };
      if (Array.isArray(json.items)) {
        summary = `${json.items.length} items${Array.isArray(json.exactMatches) ? `, ${json.exactMatches.length} exact` : ''}`;
      } else if (Array.isArray(json.data)) summary = `${json.data.length} items`;
      else summary = text.slice(0, 120);
    } catch {
      // keep the byte count
    }
  }
  return `${response.status}: ${summary}`;
}

function cannon(
  baseUrl: string,
  credentials: Credentials,
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
        headers: authHeaders(baseUrl, credentials, s),
        requests: [
          s.method === 'POST'
            ? {
                method: 'POST',
                path: s.path,
                headers: { 'content-type': 'application/json' },
                // Every request a new customer: a unique name, ID and aliases.
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
  credentials: Credentials,
  s: HttpScenario,
  o: HttpOptions,
  runLabel: string,
): Promise<HttpResult> {
  let n = 0;
  const nextBody = () => JSON.stringify(s.body?.(`bench-${runLabel}`, n++) ?? null);
  const c = credentials;
  const probed = await probe(baseUrl, c, s, nextBody());
  if (o.warmup > 0) await cannon(baseUrl, c, s, o.warmup, o.connections, nextBody, () => {});
  const alone: number[] = [];
  const single = await cannon(baseUrl, c, s, Math.max(3, Math.min(15, o.duration / 2)), 1, nextBody, (ms) =>
    alone.push(ms),
  );
  const latencies: number[] = [];
  const result = await cannon(baseUrl, c, s, o.duration, o.connections, nextBody, (ms) => latencies.push(ms));
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
