import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { idempotencyKeys } from '@/db/schema';

// Idempotency-Key records for /v1 POSTs (Stripe's rules; the wrapper in lib/http/v1.ts drives
// them). A record belongs to one API key, lives 24 hours from its first use, and holds the
// request's hash and, once the request has finished, its answer. While the first request runs the
// record has no status and is locked for 60 seconds: a request that never finished (a crash)
// frees its key after that.

const KEEP = sql`interval '24 hours'`;
const IN_FLIGHT = sql`interval '60 seconds'`;
/** How often a process deletes records past their 24 hours (when a key is next claimed). */
const SWEEP_EVERY_MS = 10 * 60_000;

export type IdempotencyClaim =
  /** The key is this request's now: run it, then `storeIdempotentAnswer` or `releaseIdempotencyKey`. */
  | { kind: 'claimed' }
  /** The same request finished before: answer this again. */
  | { kind: 'replay'; status: number; body: unknown }
  /** The key was used for a different request. */
  | { kind: 'reused' }
  /** The same key's first request is still running. */
  | { kind: 'in_progress' };

const globalForSweep = globalThis as unknown as { meterlineIdempotencySweep?: number };

async function sweep(db: Database) {
  const last = globalForSweep.meterlineIdempotencySweep ?? 0;
  if (Date.now() - last < SWEEP_EVERY_MS) return;
  globalForSweep.meterlineIdempotencySweep = Date.now();
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - ${KEEP}`));
}

/**
 * Claims `key` for a request of `apiKeyId` whose method, path and body hash to `requestHash`; a
 * record past its 24 hours, or left in flight past its 60 seconds, is taken over as new.
 */
export async function claimIdempotencyKey(
  apiKeyId: string,
  key: string,
  requestHash: string,
): Promise<IdempotencyClaim> {
  const db = await getDb();
  await sweep(db);
  for (let attempt = 0; attempt < 3; attempt++) {
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ apiKeyId, key, requestHash, lockedUntil: sql`now() + ${IN_FLIGHT}` })
      .onConflictDoUpdate({
        target: [idempotencyKeys.apiKeyId, idempotencyKeys.key],
        set: {
          requestHash,
          status: null,
          responseBody: null,
          createdAt: sql`now()`,
          lockedUntil: sql`now() + ${IN_FLIGHT}`,
        },
        setWhere: or(
          lt(idempotencyKeys.createdAt, sql`now() - ${KEEP}`),
          and(isNull(idempotencyKeys.status), lt(idempotencyKeys.lockedUntil, sql`now()`)),
        ),
      })
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) return { kind: 'claimed' };
    const [existing] = await db
      .select({
        requestHash: idempotencyKeys.requestHash,
        status: idempotencyKeys.status,
        body: idempotencyKeys.responseBody,
      })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)));
    if (!existing) continue; // released between the two statements: claim again
    if (existing.requestHash !== requestHash) return { kind: 'reused' };
    if (existing.status === null) return { kind: 'in_progress' };
    return { kind: 'replay', status: existing.status, body: existing.body };
  }
  return { kind: 'in_progress' };
}

const ours = (apiKeyId: string, key: string, requestHash: string) =>
  and(
    eq(idempotencyKeys.apiKeyId, apiKeyId),
    eq(idempotencyKeys.key, key),
    eq(idempotencyKeys.requestHash, requestHash),
    isNull(idempotencyKeys.status),
  );

/** Stores the claimed request's answer: call it in the transaction of the request's write. */
export async function storeIdempotentAnswer(
  tx: Database,
  claim: { apiKeyId: string; key: string; requestHash: string },
  status: number,
  body: unknown,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status, responseBody: body, lockedUntil: null })
    .where(ours(claim.apiKeyId, claim.key, claim.requestHash));
}

/** Frees a claimed key whose request ended in an answer that is not kept (400, 5xx…). */
export async function releaseIdempotencyKey(
  db: Database,
  claim: { apiKeyId: string; key: string; requestHash: string },
): Promise<void> {
  await db.delete(idempotencyKeys).where(ours(claim.apiKeyId, claim.key, claim.requestHash));
}
