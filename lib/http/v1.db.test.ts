import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db';
import { auditEntries, idempotencyKeys } from '@/db/schema';
import { createApiKey, revokeApiKey } from '@/lib/data/api-keys';
import { recordAudit } from '@/lib/data/audit';
import { DatabaseUnavailableError } from '@/lib/data/db-errors';
import { inTransaction } from '@/lib/data/transaction';
import { SYSTEM_ACTOR } from '@/lib/data/users';
import { v1NotSupported, v1Route, type V1Handler } from './v1';
import { V1Error } from '@/lib/validations/v1/errors';

// The /v1 wrapper against the database (PGlite or PostgreSQL): what a client sees, and what is saved.

async function key(role: 'viewer' | 'editor' | 'admin' = 'editor') {
  const result = await createApiKey(SYSTEM_ACTOR, { name: `wrapper-${randomUUID().slice(0, 8)}`, role });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

function call(
  handler: V1Handler,
  {
    method = 'POST',
    path = '/v1/test',
    token,
    body,
    headers = {},
  }: { method?: string; path?: string; token?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const request = new NextRequest(`http://portal.test${path}`, {
    method,
    body,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...headers },
  });
  return handler(request, { params: Promise.resolve({}) });
}

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A write route: records an audit entry labelled with the body's `label`, then maybe refuses. */
const noteInput = z.object({
  label: z.string().min(1),
  aliases: z.array(z.string().max(3)).optional(),
  then: z.string().optional(),
});
const note = v1Route({ role: 'editor', body: noteInput }, async ({ actor, body }) => {
  const db = await getDb();
  await inTransaction(db, (tx) =>
    recordAudit(tx, actor, {
      action: 'customer.update',
      entityType: 'customer',
      entityId: randomUUID(),
      entityLabel: body.label,
      changes: [],
    }),
  );
  if (body.then === 'conflict') throw new V1Error(409, 'ingest_alias_taken', 'Taken.', { field: 'ingest_aliases[0]' });
  if (body.then === 'invalid') return new V1Error(400, 'validation_failed', 'Bad.', { field: 'x' });
  if (body.then === 'crash') throw new Error('boom');
  if (body.then === 'down') throw new DatabaseUnavailableError();
  return { data: { label: body.label, at: randomUUID() } };
});

async function notes(label: string) {
  const db = await getDb();
  const rows = await db.select().from(auditEntries).where(eq(auditEntries.entityLabel, label));
  return rows.length;
}

const label = () => `idem-${randomUUID().slice(0, 8)}`;

afterEach(() => {
  delete process.env.V1_RATE_LIMIT_BURST;
  delete process.env.V1_RATE_LIMIT_PER_SECOND;
});

describe('/v1 authentication and roles', () => {
  it('answers 401 with WWW-Authenticate for no key, a wrong one and a revoked one; a cookie is no key', async () => {
    const revoked = await key();
    await revokeApiKey(SYSTEM_ACTOR, revoked.id);
    const attempts: Parameters<typeof call>[1][] = [
      {},
      { token: `mlk_${'x'.repeat(43)}` },
      { token: revoked.key },
      { headers: { authorization: 'Basic abc' } },
      { headers: { cookie: 'better-auth.session_token=abc' } },
    ];
    for (const attempt of attempts) {
      const response = await call(note, { ...attempt, body: JSON.stringify({ label: 'never' }) });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.headers.get('x-should-retry')).toBe('false');
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({
        message: expect.any(String),
        code: 'unauthorized',
        request_id: response.headers.get('x-request-id'),
      });
    }
    expect(await notes('never')).toBe(0);
  });

  it("refuses a viewer's write with 403 before reading the body, and saves nothing", async () => {
    const viewer = await key('viewer');
    for (const body of ['{"label":"viewer-write"}', 'not json', 'x'.repeat(2 * 1024 * 1024)]) {
      const answer = await json(await call(note, { token: viewer.key, body }));
      expect(answer).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    }
    expect(await notes('viewer-write')).toBe(0);
  });

  it('answers 404 not_supported outside the contract, after the key check', async () => {
    const editor = await key();
    expect((await call(v1NotSupported, { path: '/v1/contracts/list' })).status).toBe(401);
    const response = await call(v1NotSupported, { path: '/v2/contracts/list', token: editor.key });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(await response.json()).toMatchObject({
      code: 'not_supported',
      message: expect.stringContaining('/v2/contracts/list'),
    });
  });
});

describe('/v1 bodies and errors', () => {
  it('refuses a body over 1 MiB with 413 before parsing it, and JSON that does not parse with 400 invalid_json', async () => {
    const editor = await key();
    const big = JSON.stringify({ label: 'x'.repeat(1024 * 1024) });
    expect(await json(await call(note, { token: editor.key, body: big }))).toMatchObject({
      status: 413,
      body: { code: 'request_too_large' },
    });
    expect(await json(await call(note, { token: editor.key, body: '{"label": ' }))).toMatchObject({
      status: 400,
      body: { code: 'invalid_json' },
    });
  });

  it('reads an empty body as {}, and names the first bad field as a path with every problem listed', async () => {
    const editor = await key();
    const echo = v1Route({ role: 'viewer' }, ({ body }) => ({ data: body }));
    expect(await json(await call(echo, { token: editor.key }))).toEqual({ status: 200, body: { data: {} } });
    const list = v1Route({ role: 'viewer', emptyBody: 'array' }, ({ body }) => body);
    expect(await json(await call(list, { token: editor.key, body: '' }))).toEqual({ status: 200, body: [] as never });
    const answer = await json(
      await call(note, { token: editor.key, body: JSON.stringify({ label: '', aliases: ['ok', 'long'] }) }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'validation_failed',
      field: 'label',
      message: expect.stringMatching(/^label: /),
      errors: [
        { field: 'label', message: expect.any(String) },
        { field: 'aliases[1]', message: expect.any(String) },
      ],
    });
  });

  it('answers 503 service_unavailable (retry) and 500 internal_error as JSON', async () => {
    const editor = await key();
    const down = await call(note, { token: editor.key, body: JSON.stringify({ label: label(), then: 'down' }) });
    expect(down.status).toBe(503);
    expect(down.headers.get('x-should-retry')).toBe('true');
    expect(down.headers.get('retry-after')).toBe('1');
    expect(await down.json()).toMatchObject({ code: 'service_unavailable' });
    const crashed = await call(note, { token: editor.key, body: JSON.stringify({ label: label(), then: 'crash' }) });
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toMatchObject({
      code: 'internal_error',
      request_id: crashed.headers.get('x-request-id'),
    });
  });

  it('limits each key with a token bucket: 429 with Retry-After and retry-after-ms', async () => {
    process.env.V1_RATE_LIMIT_PER_SECOND = '1';
    process.env.V1_RATE_LIMIT_BURST = '2';
    const [a, b] = [await key(), await key()];
    expect((await call(v1NotSupported, { token: a.key })).status).toBe(404);
    expect((await call(v1NotSupported, { token: a.key })).status).toBe(404);
    const limited = await call(v1NotSupported, { token: a.key });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-should-retry')).toBeNull();
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after-ms'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
    expect((await call(v1NotSupported, { token: b.key })).status).toBe(404); // another key, another bucket
    process.env.V1_RATE_LIMIT_PER_SECOND = '0';
    expect((await call(v1NotSupported, { token: a.key })).status).toBe(404); // 0: off
  });
});

describe('Idempotency-Key', () => {
  it('replays the stored answer for the same request, with Idempotent-Replayed, and runs it once', async () => {
    const editor = await key();
    const l = label();
    const headers = { 'idempotency-key': `k-${l}` };
    const first = await call(note, { token: editor.key, body: JSON.stringify({ label: l }), headers });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.json();
    // The same JSON, spaced and ordered differently, is the same request.
    const again = await call(note, { token: editor.key, body: `{ "label" : ${JSON.stringify(l)} }`, headers });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    expect(await notes(l)).toBe(1);
  });

  it('refuses the same key for a different request with 422, running nothing', async () => {
    const editor = await key();
    const [l1, l2] = [label(), label()];
    const headers = { 'idempotency-key': `k-${l1}` };
    await call(note, { token: editor.key, body: JSON.stringify({ label: l1 }), headers });
    const other = await call(note, { token: editor.key, body: JSON.stringify({ label: l2 }), headers });
    expect(other.status).toBe(422);
    expect(other.headers.get('x-should-retry')).toBe('false');
    expect(await other.json()).toMatchObject({ code: 'idempotency_key_reused' });
    const otherPath = await call(note, {
      token: editor.key,
      path: '/v1/other',
      body: JSON.stringify({ label: l1 }),
      headers,
    });
    expect(otherPath.status).toBe(422);
    expect(await notes(l2)).toBe(0);
  });

  it('keeps keys apart per API key', async () => {
    const [a, b] = [await key(), await key()];
    const l = label();
    const headers = { 'idempotency-key': 'shared-key' };
    for (const k of [a, b]) {
      const response = await call(note, { token: k.key, body: JSON.stringify({ label: l }), headers });
      expect(response.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await notes(l)).toBe(2);
  });

  it('stores a 409 (rolling its write back) and replays it; frees the key after a 400 or a 5xx', async () => {
    const editor = await key();
    const l = label();
    const conflict = JSON.stringify({ label: l, then: 'conflict' });
    const headers = { 'idempotency-key': `k-${l}` };
    const first = await json(await call(note, { token: editor.key, body: conflict, headers }));
    expect(first).toMatchObject({ status: 409, body: { code: 'ingest_alias_taken', field: 'ingest_aliases[0]' } });
    const replay = await call(note, { token: editor.key, body: conflict, headers });
    expect(replay.status).toBe(409);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('x-should-retry')).toBe('false');
    expect(await notes(l)).toBe(0);

    for (const then of ['invalid', 'crash', 'down']) {
      const l2 = label();
      const h = { 'idempotency-key': `k-${l2}` };
      const refused = await call(note, { token: editor.key, body: JSON.stringify({ label: l2, then }), headers: h });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(await notes(l2)).toBe(0);
      // The key is free for a corrected request.
      const corrected = await call(note, { token: editor.key, body: JSON.stringify({ label: l2 }), headers: h });
      expect(corrected.status).toBe(200);
      expect(corrected.headers.get('idempotent-replayed')).toBeNull();
      expect(await notes(l2)).toBe(1);
    }
    // A body that fails the rules is not stored either.
    const l3 = label();
    const h3 = { 'idempotency-key': `k-${l3}` };
    expect((await call(note, { token: editor.key, body: JSON.stringify({ label: '' }), headers: h3 })).status).toBe(
      400,
    );
    expect((await call(note, { token: editor.key, body: JSON.stringify({ label: l3 }), headers: h3 })).status).toBe(
      200,
    );
  });

  it('answers 409 idempotency_key_in_progress (retryable) while the first request runs; frees it after 60 s', async () => {
    const editor = await key();
    const l = label();
    const body = JSON.stringify({ label: l });
    const headers = { 'idempotency-key': `k-${l}` };
    // Stored, then marked as another process would while its request runs.
    await call(note, { token: editor.key, body, headers });
    const db = await getDb();
    const mine = and(eq(idempotencyKeys.apiKeyId, editor.id), eq(idempotencyKeys.key, `k-${l}`));
    await db
      .update(idempotencyKeys)
      .set({ status: null, lockedUntil: sql`now() + interval '60 seconds'` })
      .where(mine);
    const busy = await call(note, { token: editor.key, body, headers });
    expect(busy.status).toBe(409);
    expect(busy.headers.get('x-should-retry')).toBe('true');
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(await busy.json()).toMatchObject({ code: 'idempotency_key_in_progress' });
    await db
      .update(idempotencyKeys)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(mine);
    const taken = await call(note, { token: editor.key, body, headers });
    expect(taken.status).toBe(200);
    expect(taken.headers.get('idempotent-replayed')).toBeNull();
    expect(await notes(l)).toBe(2);
  });

  it('runs parallel requests with one key once: the others are replayed or told it is in progress', async () => {
    const editor = await key();
    const l = label();
    const body = JSON.stringify({ label: l });
    const headers = { 'idempotency-key': `k-${l}` };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => call(note, { token: editor.key, body, headers })),
    );
    const firsts = answers.filter((a) => a.status === 200 && !a.headers.get('idempotent-replayed'));
    expect(firsts).toHaveLength(1);
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(await notes(l)).toBe(1);
  });

  it('forgets a key after 24 hours: it names a new request', async () => {
    const editor = await key();
    const l = label();
    const headers = { 'idempotency-key': `k-${l}` };
    await call(note, { token: editor.key, body: JSON.stringify({ label: l }), headers });
    const db = await getDb();
    await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(and(eq(idempotencyKeys.apiKeyId, editor.id), eq(idempotencyKeys.key, `k-${l}`)));
    const again = await call(note, { token: editor.key, body: JSON.stringify({ label: l }), headers });
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await notes(l)).toBe(2);
  });

  it('refuses an empty, long or non-ASCII key with 400 invalid_idempotency_key; GETs ignore it', async () => {
    const editor = await key();
    for (const bad of ['x'.repeat(256), 'caf\u00e9', 'tab\there']) {
      const answer = await json(
        await call(note, {
          token: editor.key,
          body: JSON.stringify({ label: label() }),
          headers: { 'idempotency-key': bad },
        }),
      );
      expect(answer).toMatchObject({ status: 400, body: { code: 'invalid_idempotency_key' } });
    }
    const get = v1Route({ role: 'viewer' }, () => ({ data: [] }));
    expect(
      (await call(get, { method: 'GET', token: editor.key, headers: { 'idempotency-key': 'x'.repeat(300) } })).status,
    ).toBe(200);
  });
});
