import 'server-only';
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db';
import { env } from '@/lib/env';
import { USAGE_DEDUP_DAYS } from '@/lib/validations/v1/usage';

/** Rows deleted per statement: each statement is its own short transaction, so ingest never waits long. */
export const USAGE_CLEANUP_BATCH = 5_000;

const affected = (result: unknown) => {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
};

/**
 * Deletes the raw events received more than USAGE_RETENTION_DAYS ago and the transaction IDs older
 * than the 34 days they deduplicate for, a batch at a time. Daily counts, last usage and the
 * unmatched-usage groups are kept. Answers how many rows of each went.
 */
export async function deleteExpiredUsage({
  retentionDays = env.USAGE_RETENTION_DAYS,
  batchSize = USAGE_CLEANUP_BATCH,
} = {}): Promise<{ events: number; transactions: number }> {
  const { db } = await getDatabase(); // never a caller's transaction: each batch commits on its own
  const days = (n: number) => sql`now() - make_interval(days => ${n}::int)`;
  let events = 0;
  for (;;) {
    const n = affected(
      await db.execute(sql`
        delete from usage_events where (received_at, id) in (
          select received_at, id from usage_events where received_at < ${days(retentionDays)}
          order by received_at limit ${batchSize})`),
    );
    events += n;
    if (n < batchSize) break;
  }
  let transactions = 0;
  for (;;) {
    // The outer condition is checked again on a row that ingest took over meanwhile: it is kept.
    const n = affected(
      await db.execute(sql`
        delete from usage_transactions
        where transaction_id in (
          select transaction_id from usage_transactions where received_at < ${days(USAGE_DEDUP_DAYS)}
          limit ${batchSize})
          and received_at < ${days(USAGE_DEDUP_DAYS)}`),
    );
    transactions += n;
    if (n < batchSize) break;
  }
  return { events, transactions };
}

const HOUR = 60 * 60 * 1000;
const globalForCleanup = globalThis as unknown as { meterlineUsageCleanup?: boolean };

/**
 * Runs the cleanup a minute after the server starts and then every hour. The timers are unref'd:
 * they never keep the process alive, so they stop with it and never delay a shutdown (a batch cut
 * short is rolled back by the database).
 */
export function scheduleUsageCleanup(): void {
  if (globalForCleanup.meterlineUsageCleanup) return;
  const run = () => {
    deleteExpiredUsage().catch((err: unknown) =>
      console.warn(`Usage cleanup failed (it runs again within the hour): ${err instanceof Error ? err.message : err}`),
    );
  };
  globalForCleanup.meterlineUsageCleanup = true;
  setTimeout(run, 60_000).unref();
  setInterval(run, HOUR).unref();
}
