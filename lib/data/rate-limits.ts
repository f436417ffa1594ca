import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rateLimits } from '@/db/schema';

export interface RateLimitRule {
  /** Seconds. */
  window: number;
  max: number;
}

/**
 * Counts one attempt under `key` (e.g. "setup:203.0.113.7") and says whether it is within the
 * rule: at most `max` attempts in a window of `window` seconds that starts at the first one. One
 * upsert, so parallel attempts are counted by the database, across processes. Shares better-auth's
 * rate_limits table (its keys never start with a word and a colon).
 */
export async function takeAttempt(key: string, rule: RateLimitRule): Promise<boolean> {
  const db = await getDb();
  const now = Date.now();
  const windowStart = now - rule.window * 1000;
  const stale = sql`${rateLimits.lastRequest} <= ${windowStart}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ id: randomUUID(), key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${stale} then 1 else ${rateLimits.count} + 1 end`,
        lastRequest: sql`case when ${stale} then ${now} else ${rateLimits.lastRequest} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) <= rule.max;
}
