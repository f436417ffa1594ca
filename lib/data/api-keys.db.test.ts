import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { apiKeys, auditEntries } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import { admin, editor, viewer } from '@/test/actors';
import { API_KEY_PATTERN } from '@/lib/validations/api-key';
import { authenticateApiKey, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { SYSTEM_ACTOR } from './users';

const name = (prefix = 'key') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** `work` run with the clock `ms` ahead (only Date: the database drivers keep their timers). */
async function later<T>(ms: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

async function newKey(role: 'viewer' | 'editor' | 'admin' = 'editor', keyName = name()) {
  const result = await createApiKey(SYSTEM_ACTOR, { name: keyName, role });
  if (!result.ok) throw new Error(result.message);
  return { ...result.data, name: keyName };
}

async function auditOf(id: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, 'api_key'), eq(auditEntries.entityId, id)));
}

describe('API keys', () => {
  it('makes a key of mlk_ and 43 base64url characters, keeping only its hash and first 8 characters', async () => {
    const key = await newKey('viewer');
    expect(key.key).toMatch(API_KEY_PATTERN);
    expect(key.key).toHaveLength(47);
    expect(key.prefix).toBe(key.key.slice(0, 8));
    const db = await getDb();
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row).toMatchObject({ name: key.name, role: 'viewer', prefix: key.prefix, hash: hashApiKey(key.key) });
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.key);
    expect((await newKey()).key).not.toBe(key.key);
  });

  it('audits making and revoking a key, never with the key itself', async () => {
    const key = await newKey('admin');
    expect(await revokeApiKey(SYSTEM_ACTOR, key.id)).toEqual({ ok: true, data: { id: key.id } });
    const entries = await auditOf(key.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['api_key.create', 'api_key.revoke']);
    expect(entries.every((e) => e.entityLabel === key.name && e.actorId === 'system')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(key.key);
    // Revoking again changes nothing and writes nothing.
    expect((await revokeApiKey(SYSTEM_ACTOR, key.id)).ok).toBe(true);
    expect(await auditOf(key.id)).toHaveLength(2);
    expect(await revokeApiKey(SYSTEM_ACTOR, randomUUID())).toEqual({
      ok: false,
      message: 'This API key no longer exists.',
    });
  });

  it('lists keys newest first, with who made them, revoked ones marked', async () => {
    const first = await newKey();
    const second = await newKey('viewer');
    await revokeApiKey(SYSTEM_ACTOR, first.id);
    const rows = await listApiKeys(SYSTEM_ACTOR);
    const ids = rows.map((r) => r.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(rows.find((r) => r.id === first.id)).toMatchObject({
      name: first.name,
      role: 'editor',
      prefix: first.prefix,
      createdByEmail: null,
      lastUsedAt: null,
      revokedAt: expect.any(String),
    });
    expect(rows.find((r) => r.id === second.id)?.revokedAt).toBeNull();
    // An admin's key names them (an actor with no user row, as here, is no error).
    const byAdmin = await createApiKey(admin, { name: name(), role: 'viewer' });
    expect(byAdmin.ok).toBe(true);
    const listed = (await listApiKeys(admin)).find((r) => byAdmin.ok && r.id === byAdmin.data.id);
    expect(listed?.createdByEmail).toBe(admin.email);
  });

  it('lets only admins manage keys', async () => {
    for (const actor of [viewer, editor]) {
      await expect(createApiKey(actor, { name: name(), role: 'viewer' })).rejects.toThrow(ForbiddenError);
      await expect(listApiKeys(actor)).rejects.toThrow(ForbiddenError);
      await expect(revokeApiKey(actor, randomUUID())).rejects.toThrow(ForbiddenError);
    }
  });

  it('authenticates a key as "API key <name>" with its role; unknown, malformed and revoked keys are null', async () => {
    const key = await newKey('editor');
    expect(await authenticateApiKey(key.key)).toEqual({
      keyId: key.id,
      actor: { id: `apikey:${key.id}`, email: `API key ${key.name}`, name: `API key ${key.name}`, role: 'editor' },
    });
    const unknown = `mlk_${'A'.repeat(43)}`;
    for (const token of [unknown, '', 'mlk_short', `${key.key}x`, key.key.toUpperCase(), ` ${key.key}`]) {
      expect(await authenticateApiKey(token)).toBeNull();
    }
    await revokeApiKey(SYSTEM_ACTOR, key.id);
    expect(await authenticateApiKey(key.key)).toBeNull();
  });

  it('notes when a key was last used, at most once a minute', async () => {
    const key = await newKey();
    const db = await getDb();
    const lastUsed = async () =>
      (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.at;
    await authenticateApiKey(key.key);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await authenticateApiKey(key.key);
    expect(await lastUsed()).toEqual(first);
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await db.update(apiKeys).set({ lastUsedAt: longAgo }).where(eq(apiKeys.id, key.id));
    await later(3_000, () => authenticateApiKey(key.key)); // past the moment a good key is remembered
    expect((await lastUsed())!.getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);
  });

  it('stops accepting a key revoked by another process within two seconds', async () => {
    const key = await newKey();
    expect(await authenticateApiKey(key.key)).not.toBeNull();
    const db = await getDb();
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, key.id));
    expect(await later(2_001, () => authenticateApiKey(key.key))).toBeNull();
  });
});
