import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { test, expect, type APIRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { MAX_ACTION_BODY_BYTES } from '../lib/http/server-action-guard.mjs';
import { E2E_PASSWORD, E2E_USERS, type E2ERole } from './users';

// Hostile requests to every route handler, server action and page that reads a query string, as
// each kind of caller: whatever arrives, the server answers within a bound, never with a 5xx,
// explains every refusal, and writes nothing it refused. Bounded runs (FUZZ_RUNS) keep CI short.

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** Generous for a loaded 2-core CI machine; a quadratic check or a hang blows far past it. */
const BOUND_MS = 5_000;

type Caller = 'anonymous' | E2ERole;
const CALLERS: Caller[] = ['anonymous', 'viewer', 'editor'];

const HUGE = 'x'.repeat(3_000_000);
const COMBINING_FLOOD = `a${'\u0301'.repeat(200_000)}`;

/** Strings a careless server chokes on: huge, NUL, lone surrogates, combining floods, LIKE and SQL metacharacters. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\0',
    'a\0b',
    '\uD800',
    'x\uDFFFy',
    '%',
    '_',
    '\\',
    '%00',
    "' or 1=1 --",
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '../../etc/passwd',
    '$@0',
    '$F0',
    '$K1',
    '$Q0',
    '1 2_00000000-0000-0000-0000-000000000000',
    '0_00000000-0000-0000-0000-000000000000',
    '0000-01-01',
    '9999-12-31',
    '\u202e\u0301\u200d',
    '😀'.repeat(300),
    'a'.repeat(5_000),
    `a${'\u0301'.repeat(1_500)}`,
    COMBINING_FLOOD,
  ),
);

/** Any JSON value, with hostile strings in it and numbers where strings belong. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A customer that breaks one rule in one field: the ID marks it, so a refusal can be checked to have written nothing. */
const nearlyValidCustomer = fc
  .record({
    field: fc.constantFrom(
      'displayName',
      'email',
      'externalId',
      'description',
      'ingestAliases',
      'tags',
      'customFields',
      'measurementMappings',
      'billingProviders',
      'pricePlanName',
      'country',
    ),
    value: hostileJson,
  })
  .map(({ field, value }) => ({
    name: `fz_${randomUUID().slice(0, 12)}`,
    displayName: 'Fuzzed customer',
    ingestAliases: [],
    [field]: value,
  }));

/** Raw bodies that are not what any handler expects. */
const hostileBody = fc.oneof(
  hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(
    '',
    'garbage',
    '{',
    '[[[[[',
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    `{"a":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_001)}`,
    JSON.stringify({ name: HUGE }),
    JSON.stringify([{ description: COMBINING_FLOOD }]),
    '\uFEFF{}',
  ),
);

const hostileContentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain;charset=UTF-8',
  'multipart/form-data; boundary=zz',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'garbage/;;',
);

/** Percent-encodes any string, lone surrogates included (as U+FFFD, which is what a browser sends). */
const encode = (s: string) =>
  encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** Escapes that do not decode, sent as they are. */
const brokenEscape = fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%80', '%00', '%FF%FE');

const hostileQuery = (keys: string[]) =>
  fc
    .dictionary(fc.constantFrom(...keys), fc.oneof(hostileString.map(encode), brokenEscape), {
      maxKeys: keys.length,
    })
    .map((params) =>
      Object.entries(params)
        .map(([k, v]) => `${k}=${v}`)
        .join('&'),
    );

const LIST_KEYS = ['q', 'status', 'plan', 'provider', 'tag', 'sort', 'order', 'limit', 'cursor', 'dir'];
const AUDIT_KEYS = ['actor', 'customer', 'action', 'from', 'to', 'cursor'];

/**
 * A client at an address of its own. A signed-in caller gets a session of its own, not the role's
 * saved one: the fuzzed actions include signOut, which would end the session every other spec uses.
 */
async function api(playwright: { request: APIRequest }, baseURL: string, caller: Caller) {
  const client = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    // The portal's limits key on the client address (the e2e server trusts this header).
    extraHTTPHeaders: {
      'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
    maxRedirects: 0,
    timeout: 30_000,
  });
  if (caller !== 'anonymous') {
    const signIn = await client.post('/api/auth/sign-in/email', {
      headers: { origin: new URL(baseURL).origin },
      data: { email: E2E_USERS[caller], password: E2E_PASSWORD },
    });
    expect(signIn.status(), await signIn.text()).toBe(200);
  }
  return client;
}

/** Sends one request and checks the answer: in time, no 5xx, and a JSON message with every 4xx from a JSON route. */
async function expectHandled(
  label: string,
  send: () => Promise<APIResponse>,
  jsonErrors: boolean,
): Promise<APIResponse> {
  const started = Date.now();
  const response = await send();
  const took = Date.now() - started;
  const status = response.status();
  expect(status, `${label} answered ${status}: ${(await response.text()).slice(0, 300)}`).toBeLessThan(500);
  expect(took, `${label} took ${took} ms`).toBeLessThan(BOUND_MS);
  if (jsonErrors && status >= 400) {
    const body: unknown = await response.json().catch(() => undefined);
    expect(body, `${label}: a ${status} must explain itself in JSON`).toMatchObject({ message: expect.any(String) });
  }
  return response;
}

/** Whether a customer with this ID exists (read as the editor). */
async function customerExists(editor: APIRequestContext, id: string): Promise<boolean> {
  const response = await editor.get(`/api/customers?status=all&q=${encodeURIComponent(id)}`);
  expect(response.status()).toBe(200);
  const page = (await response.json()) as { exactMatches: { name: string }[]; items: { name: string }[] };
  return [...page.exactMatches, ...page.items].some((c) => c.name === id);
}

interface ServerAction {
  id: string;
  name: string;
  /** A page that serves it. */
  path: string;
}

/** Every server action of the build, with a page that serves it (from Next's own manifest). */
function serverActions(): ServerAction[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { workers: Record<string, unknown>; exportedName: string }> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const route = worker
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace(/\/\([^)]+\)/g, '')
      .replace(/\[[^\]]+\]/g, randomUUID());
    return { id, name: entry.exportedName, path: route || '/' };
  });
}

test.describe.configure({ mode: 'parallel' });

for (const caller of CALLERS) {
  test.describe(`hostile requests as ${caller}`, () => {
    test(`POST /api/customers: random bodies and content types`, async ({ playwright, baseURL }) => {
      const client = await api(playwright, baseURL!, caller);
      await fc.assert(
        fc.asyncProperty(hostileBody, hostileContentType, async (body, contentType) => {
          await expectHandled(
            `POST /api/customers (${contentType}, ${body.length} chars)`,
            () => client.post('/api/customers', { headers: { 'content-type': contentType }, data: Buffer.from(body) }),
            true,
          );
        }),
        { numRuns: RUNS },
      );
    });

    test(`POST /api/customers: one hostile field, and nothing written when refused`, async ({
      playwright,
      baseURL,
    }) => {
      const client = await api(playwright, baseURL!, caller);
      const editor = await api(playwright, baseURL!, 'editor');
      await fc.assert(
        fc.asyncProperty(nearlyValidCustomer, async (customer) => {
          const response = await expectHandled(
            `POST /api/customers with ${JSON.stringify(customer).slice(0, 200)}`,
            () => client.post('/api/customers', { data: customer }),
            true,
          );
          if (response.status() !== 201) expect(await customerExists(editor, customer.name)).toBe(false);
        }),
        { numRuns: RUNS },
      );
    });

    test(`GET routes: random query strings`, async ({ playwright, baseURL }) => {
      const client = await api(playwright, baseURL!, caller);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/api/customers', '/api/customers/count', '/api/aliases/availability'),
          hostileQuery([...LIST_KEYS, 'alias', 'except']),
          async (route, query) => {
            await expectHandled(`GET ${route}?${query.slice(0, 200)}`, () => client.get(`${route}?${query}`), true);
          },
        ),
        { numRuns: RUNS },
      );
    });

    test(`pages: random query strings and paths`, async ({ playwright, baseURL }) => {
      const client = await api(playwright, baseURL!, caller);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            hostileQuery(LIST_KEYS).map((q) => `/customers?${q}`),
            hostileQuery(AUDIT_KEYS).map((q) => `/audit?${q}`),
            fc
              .oneof(
                hostileString.map((s) => encode(s.slice(0, 2_000))),
                brokenEscape,
              )
              .map((s) => `/customers/${s}`),
            fc
              .oneof(
                hostileString.map((s) => encode(s.slice(0, 2_000))),
                brokenEscape,
              )
              .map((s) => `/customers/${s}/edit`),
            hostileQuery(['next']).map((q) => `/sign-in?${q}`),
          ),
          async (url) => {
            await expectHandled(`GET ${url.slice(0, 200)}`, () => client.get(url), false);
          },
        ),
        { numRuns: RUNS },
      );
    });

    test(`server actions: random arguments, bodies and headers`, async ({ playwright, baseURL }) => {
      const client = await api(playwright, baseURL!, caller);
      const editor = await api(playwright, baseURL!, 'editor');
      const actions = serverActions();
      expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(['createCustomer', 'createFirstAdmin']));
      const origin = new URL(baseURL!).origin;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...actions),
          fc.oneof(
            fc.array(hostileJson, { maxLength: 3 }).map((args) => JSON.stringify(args)),
            nearlyValidCustomer.map((c) => JSON.stringify([c])),
            hostileBody,
          ),
          hostileContentType,
          fc.constantFrom(origin, 'https://evil.example', 'null', undefined),
          fc.option(hostileString, { nil: undefined }),
          async (action, body, contentType, requestOrigin, routerState) => {
            let response: APIResponse | undefined;
            try {
              response = await expectHandled(
                `${action.name} (${contentType}, origin ${requestOrigin}, ${body.slice(0, 200)})`,
                () =>
                  client.post(action.path, {
                    headers: {
                      'next-action': action.id,
                      'content-type': contentType,
                      accept: 'text/x-component',
                      ...(requestOrigin ? { origin: requestOrigin } : {}),
                      ...(routerState !== undefined
                        ? { 'next-router-state-tree': encode(routerState.slice(0, 2_000)) }
                        : {}),
                    },
                    data: Buffer.from(body),
                  }),
                false,
              );
            } catch (err) {
              // A body over the cap is refused from its announced length (413, Connection: close)
              // before it is read; a client still writing it may see its pipe break first.
              const oversized = Buffer.byteLength(body) > MAX_ACTION_BODY_BYTES;
              if (!oversized || !/EPIPE|ECONNRESET/.test(String(err))) throw err;
            }
            const marker = /"name":"(fz_[0-9a-f-]{12})"/.exec(body)?.[1];
            const saved = response?.ok() && (await response.text()).includes('"ok":true');
            if (marker && !saved) expect(await customerExists(editor, marker)).toBe(false);
          },
        ),
        { numRuns: RUNS * 3 },
      );
    });

    test(`sign-in and auth endpoints: random bodies`, async ({ playwright, baseURL }) => {
      const client = await api(playwright, baseURL!, caller);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/api/auth/sign-in/email', '/api/auth/get-session', '/api/auth/sign-out', '/api/auth/nope'),
          hostileBody,
          hostileContentType,
          async (route, body, contentType) => {
            await expectHandled(
              `POST ${route} (${contentType}, ${body.slice(0, 100)})`,
              () =>
                client.post(route, {
                  headers: { 'content-type': contentType, origin: new URL(baseURL!).origin },
                  data: Buffer.from(body),
                }),
              false,
            );
          },
        ),
        { numRuns: RUNS },
      );
    });
  });
}
