import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { getDb } from '@/db';
import { ForbiddenError, type Actor, type Role } from '@/lib/auth/permissions';
import { authenticateApiKey } from '@/lib/data/api-keys';
import { isDatabaseUnavailable } from '@/lib/data/db-errors';
import {
  claimIdempotencyKey,
  releaseIdempotencyKey,
  storeIdempotentAnswer,
  type IdempotencyClaim,
} from '@/lib/data/idempotency';
import { inTransaction } from '@/lib/data/transaction';
import { env } from '@/lib/env';
import { MAX_V1_BODY_BYTES } from '@/lib/request-limits';
import { canonical } from '@/lib/same-value';
import { readCappedBody } from './read-json-body';
import { TokenBuckets } from './rate-limit';
import { V1Error, validationFailed } from '@/lib/validations/v1/errors';
import { queryObject } from '@/lib/validations/v1/customers';

/*
 * The one wrapper of every /v1 (and /v2) route handler: the API's contract (authentication,
 * rate limit, roles, bodies, idempotency, errors) lives here, so a handler holds only its own rules.
 *
 *   // app/v1/customers/archive/route.ts
 *   export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
 *     POST: v1Route({ role: 'editor', body: archiveCustomerBody }, async ({ actor, body }) => {
 *       return { data: await archiveV1Customer(actor, body.id) };     // answered as 200 JSON
 *     }),
 *   });
 *
 * Options:
 *   role     the least role that may call it (viewer < editor < admin); below it: 403 `forbidden`,
 *            decided before the body is read.
 *   body     POST: the zod schema of the JSON body (a failure: 400 `validation_failed`, with
 *            `field` = the first problem's path, e.g. `ingest_aliases[2]`, and `errors` = all).
 *            Unknown keys are ignored if the schema strips them (z.object does).
 *   emptyBody  what an empty POST body reads as: `'object'` ({}, the default) or `'array'` ([]).
 *   bodyError  the refusal of a body that failed `body` (default `validationFailed`; ingest answers
 *            `invalid_events` with each bad event's index).
 *   query    the zod schema of the query string, given as an object: a repeated parameter is an
 *            array of strings, a single one a string (so a schema that takes both, e.g. for
 *            `customer_ids`, sees either).
 *
 * The handler gets `{ actor, apiKeyId, body, query, params, request, requestId }` and returns the
 * answer's JSON body (`{ data: … }`, `{}`, or a bare array), sent as 200. For a refusal it throws
 * (or returns) a `V1Error(status, code, message, { field?, errors?, owner? })`; anything else
 * thrown is a 503 `service_unavailable` when the database did not answer, else a logged 500
 * `internal_error`. A `ForbiddenError` from the data layer is a 403.
 *
 * Idempotency (POST with `Idempotency-Key`): the wrapper claims the key, then runs the handler
 * inside one transaction and stores the answer (200, or a 404/409 V1Error) in it. Nothing special
 * is needed in the handler: inside that transaction `getDb()` answers the transaction and every
 * `inTransaction` of lib/data joins it (as a savepoint), so the write and its stored answer commit
 * together. The handler must therefore do nothing outside the database that cannot run twice (the
 * transaction may be run again after a deadlock). Any other answer (400, 5xx) frees the key.
 *
 * Checks run in the contract's order: key (401), rate limit (429), route (404 `not_supported`,
 * `v1NotSupported`), role (403), body size and JSON (413, 400), idempotency key, then the
 * handler's rules. Every answer is JSON (`application/json; charset=utf-8`) with `X-Request-Id`
 * and `Cache-Control: no-store`; every 4xx but 408, 429 and 409 `idempotency_key_in_progress`
 * carries `x-should-retry: false`, so the SDK tries once.
 */

const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export interface V1Context<TBody, TQuery> {
  /** The API key, acting as "API key ‹name›" with its role. */
  actor: Actor;
  apiKeyId: string;
  body: TBody;
  query: TQuery;
  /** The route's dynamic segments, e.g. `{ customer_id }` (unchecked text: a malformed ID is the handler's 404). */
  params: Record<string, string | string[] | undefined>;
  request: NextRequest;
  requestId: string;
}

export interface V1RouteOptions<TBodySchema extends z.ZodType | undefined, TQuerySchema extends z.ZodType | undefined> {
  role: Role;
  body?: TBodySchema;
  emptyBody?: 'object' | 'array';
  bodyError?: (error: z.ZodError) => V1Error;
  query?: TQuerySchema;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : unknown;
type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type V1Handler = (request: NextRequest, context: RouteContext) => Promise<Response>;

/** A handler made by v1Route keeps its options, so a test can hold each route to the API's documented schemas. */
export type V1RouteHandler = V1Handler & { v1Options: V1RouteOptions<z.ZodType | undefined, z.ZodType | undefined> };

const globalForBuckets = globalThis as unknown as { meterlineV1Buckets?: TokenBuckets };
const buckets = (globalForBuckets.meterlineV1Buckets ??= new TokenBuckets());

/** A JSON answer with the headers every /v1 answer carries. */
function answer(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  const out = new Headers({
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-request-id': requestId,
    ...headers,
  });
  const retryable =
    status === 408 || status === 429 || (body as { code?: unknown })?.code === 'idempotency_key_in_progress';
  if (status >= 400 && status < 500 && !retryable) out.set('x-should-retry', 'false');
  return new Response(JSON.stringify(body), { status, headers: out });
}

function errorAnswer(err: V1Error, requestId: string, headers?: Record<string, string>): Response {
  return answer(err.status, { ...err.body(), request_id: requestId }, requestId, headers);
}

/** What a thrown value answers (outside the handler's own V1Errors). */
function failureAnswer(err: unknown, request: NextRequest, requestId: string): Response {
  if (err instanceof V1Error) return errorAnswer(err, requestId);
  if (err instanceof ForbiddenError) {
    return errorAnswer(new V1Error(403, 'forbidden', "This API key's role may not make this call."), requestId);
  }
  if (isDatabaseUnavailable(err)) {
    const unavailable = new V1Error(
      503,
      'service_unavailable',
      'The database is not answering; try again in a moment.',
    );
    return errorAnswer(unavailable, requestId, { 'x-should-retry': 'true', 'retry-after': '1' });
  }
  console.error(`${request.method} ${request.nextUrl.pathname} failed (request ${requestId}):`, err);
  const internal = new V1Error(
    500,
    'internal_error',
    `The server failed to answer this request; nothing was saved. The problem has been logged (request ${requestId}).`,
  );
  return errorAnswer(internal, requestId);
}

/** The key behind `Authorization: Bearer …` (401 without a good one), within its rate limit (429). */
async function admit(request: NextRequest): Promise<{ actor: Actor; apiKeyId: string } | V1Error> {
  const [scheme, token, ...rest] = (request.headers.get('authorization') ?? '').trim().split(/\s+/);
  const key = scheme?.toLowerCase() === 'bearer' && token && rest.length === 0 ? await authenticateApiKey(token) : null;
  if (!key) {
    return new V1Error(401, 'unauthorized', 'Send a valid API key: Authorization: Bearer <key>.');
  }
  const taken = buckets.take(key.keyId, env.V1_RATE_LIMIT_PER_SECOND, env.V1_RATE_LIMIT_BURST);
  if (!taken.ok) {
    return Object.assign(
      new V1Error(429, 'rate_limited', 'Too many requests for this API key; try again after the time in Retry-After.'),
      { retryAfterMs: taken.retryAfterMs },
    );
  }
  return { actor: key.actor, apiKeyId: key.keyId };
}

function admissionAnswer(refusal: V1Error, requestId: string): Response {
  if (refusal.status === 401) return errorAnswer(refusal, requestId, { 'www-authenticate': 'Bearer' });
  const ms = (refusal as V1Error & { retryAfterMs?: number }).retryAfterMs ?? 1000;
  return errorAnswer(refusal, requestId, {
    'retry-after': String(Math.max(1, Math.ceil(ms / 1000))),
    'retry-after-ms': String(ms),
  });
}

/** A POST body: `empty` when blank, else parsed JSON; 413 over the cap (never parsed), 400 `invalid_json`. */
async function readBody(request: NextRequest, empty: unknown): Promise<unknown> {
  const bytes = await readCappedBody(request, MAX_V1_BODY_BYTES);
  if (bytes === null) {
    throw new V1Error(413, 'request_too_large', 'The request body is too large: at most 1 MiB.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new V1Error(400, 'invalid_json', 'The request body is not UTF-8 text.');
  }
  if (text.trim() === '') return empty;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new V1Error(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

const MAX_IDEMPOTENCY_KEY = 255;

/** The request's Idempotency-Key: null without one; a 400 when it is empty, too long or not printable ASCII. */
function idempotencyKey(request: NextRequest): string | null {
  const key = request.headers.get('idempotency-key');
  if (key === null) return null;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY || !/^[\x20-\x7e]+$/.test(key)) {
    throw new V1Error(
      400,
      'invalid_idempotency_key',
      `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY} printable ASCII characters.`,
    );
  }
  return key;
}

/** Method, path and JSON body, compared after parsing (whitespace and key order do not count). */
function requestHash(request: NextRequest, body: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(canonical(body));
  } catch {
    json = JSON.stringify(body) ?? ''; // nested too deeply to sort its keys: as sent
  }
  const { pathname, search } = request.nextUrl;
  return createHash('sha256').update(`${request.method} ${pathname}${search}\n${json}`).digest('hex');
}

/** Answers kept with an Idempotency-Key and replayed: 200, and the handler's 404s and 409s. */
const STORED = new Set([200, 404, 409]);

async function runIdempotent(
  claim: { apiKeyId: string; key: string; requestHash: string },
  requestId: string,
  work: () => Promise<unknown>,
): Promise<{ status: number; body: unknown } | V1Error> {
  const db = await getDb();
  try {
    return await inTransaction(db, async (tx) => {
      let result: { status: number; body: unknown } | V1Error;
      try {
        // A savepoint: a refusal rolls back whatever the handler wrote, and the answer is still stored.
        const body = await inTransaction(tx, async () => {
          const returned = await work();
          if (returned instanceof V1Error) throw returned; // a refusal keeps nothing, returned or thrown
          return returned;
        });
        result = { status: 200, body };
      } catch (err) {
        if (!(err instanceof V1Error)) throw err;
        result = err;
      }
      if (result instanceof V1Error && !STORED.has(result.status)) {
        await releaseIdempotencyKey(tx, claim);
        return result;
      }
      const stored =
        result instanceof V1Error
          ? { status: result.status, body: { ...result.body(), request_id: requestId } }
          : result;
      await storeIdempotentAnswer(tx, claim, stored.status, stored.body);
      return stored;
    });
  } catch (err) {
    // Nothing was saved: free the key for a retry (if the database is down, it frees itself in 60 s).
    await releaseIdempotencyKey(db, claim).catch(() => undefined);
    throw err;
  }
}

function claimRefusal(claim: Exclude<IdempotencyClaim, { kind: 'claimed' | 'replay' }>): V1Error {
  return claim.kind === 'reused'
    ? new V1Error(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.')
    : new V1Error(
        409,
        'idempotency_key_in_progress',
        'A request with this Idempotency-Key is still running; try again in a moment.',
      );
}

/** A /v1 route handler: see the top of this file. */
export function v1Route<
  TBodySchema extends z.ZodType | undefined = undefined,
  TQuerySchema extends z.ZodType | undefined = undefined,
>(
  options: V1RouteOptions<TBodySchema, TQuerySchema>,
  handler: (ctx: V1Context<Parsed<TBodySchema>, Parsed<TQuerySchema>>) => Promise<unknown> | unknown,
): V1RouteHandler {
  const route: V1Handler = async (request, context) => {
    const requestId = randomUUID();
    try {
      const admitted = await admit(request);
      if (admitted instanceof V1Error) return admissionAnswer(admitted, requestId);
      const { actor, apiKeyId } = admitted;
      if (ROLE_RANK[actor.role] < ROLE_RANK[options.role]) {
        throw new V1Error(403, 'forbidden', `This API key's role (${actor.role}) may not make this call.`);
      }

      const isPost = request.method === 'POST';
      const raw = isPost ? await readBody(request, options.emptyBody === 'array' ? [] : {}) : undefined;
      const key = isPost ? idempotencyKey(request) : null;

      const claim = key === null ? null : { apiKeyId, key, requestHash: requestHash(request, raw) };
      if (claim) {
        const claimed = await claimIdempotencyKey(claim.apiKeyId, claim.key, claim.requestHash);
        if (claimed.kind === 'replay') {
          return answer(claimed.status, claimed.body, requestId, { 'idempotent-replayed': 'true' });
        }
        if (claimed.kind !== 'claimed') {
          const refusal = claimRefusal(claimed);
          const retry = refusal.status === 409 ? { 'x-should-retry': 'true', 'retry-after': '1' } : undefined;
          return errorAnswer(refusal, requestId, retry);
        }
      }

      const work = async () => {
        const body = options.body ? options.body.safeParse(raw) : null;
        if (body && !body.success) throw (options.bodyError ?? validationFailed)(body.error);
        const query = options.query ? options.query.safeParse(queryObject(request.nextUrl.searchParams)) : null;
        if (query && !query.success) throw validationFailed(query.error);
        return handler({
          actor,
          apiKeyId,
          body: (body ? body.data : raw) as Parsed<TBodySchema>,
          query: (query ? query.data : queryObject(request.nextUrl.searchParams)) as Parsed<TQuerySchema>,
          params: (await context?.params) ?? {},
          request,
          requestId,
        });
      };

      if (claim) {
        const result = await runIdempotent(claim, requestId, work);
        return result instanceof V1Error
          ? errorAnswer(result, requestId)
          : answer(result.status, result.body, requestId);
      }
      const body = await work();
      return body instanceof V1Error ? errorAnswer(body, requestId) : answer(200, body, requestId);
    } catch (err) {
      return failureAnswer(err, request, requestId);
    }
  };
  return Object.assign(route, { v1Options: options });
}

/** Any route or method outside the contract: 404 `not_supported`, after the key check and the rate limit. */
export const v1NotSupported: V1Handler = async (request) => {
  const requestId = randomUUID();
  try {
    const admitted = await admit(request);
    if (admitted instanceof V1Error) return admissionAnswer(admitted, requestId);
    const what = `${request.method} ${request.nextUrl.pathname}`;
    return errorAnswer(new V1Error(404, 'not_supported', `${what} is not supported by Meterline's API.`), requestId);
  } catch (err) {
    return failureAnswer(err, request, requestId);
  }
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * A route file's exports: the methods it serves, and `not_supported` for the others (Next would
 * otherwise answer 405, or 204 to OPTIONS, not JSON). Export every one:
 * `export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({ POST: v1Route(…) })`.
 */
export function v1Methods(
  handlers: Partial<Record<(typeof METHODS)[number], V1Handler>>,
): Record<(typeof METHODS)[number], V1Handler> {
  return Object.fromEntries(METHODS.map((m) => [m, handlers[m] ?? v1NotSupported])) as Record<
    (typeof METHODS)[number],
    V1Handler
  >;
}
