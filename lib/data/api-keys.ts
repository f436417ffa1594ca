import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys, users } from '@/db/schema';
import { failure, ok, type ActionResult } from '@/lib/action-result';
import { assertCan, ROLE_NAMES, type Actor, type Role } from '@/lib/auth/permissions';
import { API_KEY_PATTERN, type ApiKeyInput, type ApiKeyRow } from '@/lib/validations/api-key';
import { recordAudit } from './audit';
import { whenAvailable } from './db-errors';
import { pickColumns } from './columns';
import { inTransaction } from './transaction';

export type { ApiKeyRow } from '@/lib/validations/api-key';

// API keys for /v1. A key is `mlk_` + 43 base64url characters (32 random bytes); the database
// keeps its SHA-256 (hex) and its first 8 characters, never the key. Only admins manage keys
// ('users:manage'); creating and revoking are audited (entity 'api_key'). The key itself never
// reaches a log, an audit entry or an error message.

const PREFIX_LENGTH = 8;
/** last_used_at is written at most this often per key: a busy key costs no write per request. */
const LAST_USED_EVERY_MS = 60_000;

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A new key: `mlk_` and 256 random bits in base64url. */
export const generateApiKey = (): string => `mlk_${randomBytes(32).toString('base64url')}`;

/** The Actor a key acts as: audit entries and History show "API key ‹name›". */
export function apiKeyActor(key: { id: string; name: string; role: string }): Actor {
  const role = (ROLE_NAMES as string[]).includes(key.role) ? (key.role as Role) : 'viewer';
  const label = `API key ${key.name}`;
  return { id: `apikey:${key.id}`, email: label, name: label, role };
}

/** The shell's actor (npm run apikey:create): its keys name no creator. */
const isShell = (actor: Actor) => actor.id === 'system';

/** Makes a key, with its audit entry. The answer holds the key: show it once, keep it nowhere. */
export async function createApiKey(
  actor: Actor,
  input: ApiKeyInput,
): Promise<ActionResult<{ id: string; name: string; key: string; prefix: string }>> {
  assertCan(actor, 'users:manage');
  const key = generateApiKey();
  const prefix = key.slice(0, PREFIX_LENGTH);
  const db = await getDb();
  const id = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        role: input.role,
        prefix,
        hash: hashApiKey(key),
        // The user, if they still exist (null, not an error, for an account deleted meanwhile).
        createdByUserId: sql`(select ${users.id} from ${users} where ${users.id} = ${actor.id})`,
        createdByEmail: isShell(actor) ? null : actor.email,
      })
      .returning({ id: apiKeys.id });
    await recordAudit(tx, actor, {
      action: 'api_key.create',
      entityType: 'api_key',
      entityId: row!.id,
      entityLabel: input.name,
      changes: [
        { field: 'name', old: null, new: input.name },
        { field: 'role', old: null, new: input.role },
        { field: 'prefix', old: null, new: prefix },
      ],
    });
    return row!.id;
  });
  return ok({ id, name: input.name, key, prefix });
}

/** Every key, newest first, revoked ones included. Admins only. */
export async function listApiKeys(actor: Actor): Promise<ApiKeyRow[]> {
  assertCan(actor, 'users:manage');
  const db = await getDb();
  const rows = await db
    .select(
      pickColumns(apiKeys, ['id', 'name', 'role', 'prefix', 'createdByEmail', 'createdAt', 'lastUsedAt', 'revokedAt']),
    )
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((r) => ({
    ...r,
    role: r.role as Role,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/**
 * Revokes a key: it fails from the next request on. Revoking a revoked key changes nothing and
 * writes no entry.
 */
export async function revokeApiKey(actor: Actor, id: string): Promise<ActionResult<{ id: string }>> {
  assertCan(actor, 'users:manage');
  const db = await getDb();
  const result = await inTransaction(db, async (tx) => {
    const [target] = await tx
      .select({ name: apiKeys.name, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(eq(apiKeys.id, id))
      .for('update');
    if (!target) return failure('This API key no longer exists.');
    if (target.revokedAt) return ok({ id });
    await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(eq(apiKeys.id, id));
    await recordAudit(tx, actor, {
      action: 'api_key.revoke',
      entityType: 'api_key',
      entityId: id,
      entityLabel: target.name,
      changes: [{ field: 'revoked', old: false, new: true }],
    });
    return ok({ id });
  });
  forgetKey(id); // after the commit: a request meanwhile may have cached it again
  return result;
}

/**
 * Keys found good, remembered for a moment so a busy client (ingest: a batch a few ms apart) costs
 * no read per request. Only a success is kept: an unknown, malformed or revoked key, or a failed
 * read, is looked up again every time. Revoking evicts the key in this process at once; another
 * process of the same deployment stops accepting it within KEY_CACHE_MS.
 */
const KEY_CACHE_MS = 2_000;
const KEY_CACHE_MAX = 1_000;
type CachedKey = { keyId: string; actor: Actor; until: number };
const globalForKeys = globalThis as unknown as { meterlineApiKeyCache?: Map<string, CachedKey> };
const keyCache = (globalForKeys.meterlineApiKeyCache ??= new Map());

function forgetKey(id: string) {
  for (const [hash, cached] of keyCache) if (cached.keyId === id) keyCache.delete(hash);
}

/**
 * The key behind an `Authorization: Bearer` token: its id and the Actor it acts as, or null for a
 * malformed, unknown or revoked key. Notes when it was last used, at most once a minute.
 */
export async function authenticateApiKey(token: string): Promise<{ keyId: string; actor: Actor } | null> {
  if (!API_KEY_PATTERN.test(token)) return null;
  const hash = hashApiKey(token);
  const cached = keyCache.get(hash);
  if (cached && cached.until > Date.now()) return { keyId: cached.keyId, actor: cached.actor };
  keyCache.delete(hash);
  const found = await readApiKey(hash);
  if (found) {
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
    keyCache.set(hash, { ...found, until: Date.now() + KEY_CACHE_MS });
  }
  return found;
}

async function readApiKey(hash: string): Promise<{ keyId: string; actor: Actor } | null> {
  return whenAvailable(async () => {
    const db = await getDb();
    const [key] = await db
      .select({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role, lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)))
      .limit(1);
    if (!key) return null;
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
      await db
        .update(apiKeys)
        .set({ lastUsedAt: sql`now()` })
        .where(
          and(
            eq(apiKeys.id, key.id),
            or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
          ),
        );
    }
    return { keyId: key.id, actor: apiKeyActor(key) };
  });
}
