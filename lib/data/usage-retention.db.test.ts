import { driver, unique } from '@/test/data';
import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { unmatchedUsageGroups, usageEvents, usageTransactions } from '@/db/schema';
import { editor } from '@/test/actors';
import { usageEventInput } from '@/lib/validations/v1/usage';
import { ingestUsage } from './usage-ingest';
import { deleteExpiredUsage } from './usage-retention';

describe(`usage cleanup, on ${driver}`, () => {
  it('deletes events past the retention window and transaction IDs past 34 days, in batches; keeps the rest and the groups', async () => {
    const tag = unique();
    const identifier = `kept-${tag}`;
    const fresh = `fresh-${tag}`;
    await ingestUsage(editor, [
      usageEventInput.parse({
        transaction_id: fresh,
        customer_id: identifier,
        event_type: 't',
        timestamp: new Date().toISOString(),
      }),
    ]);
    const db = await getDb();
    const aged = (days: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        transactionId: `aged-${days}-${i}-${tag}`,
        sentCustomerId: identifier,
        eventType: 't',
        occurredAt: sql`now() - make_interval(days => ${days})`,
        receivedAt: sql`now() - make_interval(days => ${days})`,
      }));
    const old = aged(36, 7);
    const recent = aged(20, 2);
    await db.insert(usageEvents).values([...old, ...recent]);
    await db
      .insert(usageTransactions)
      .values([
        ...old.map((e) => ({ transactionId: e.transactionId, receivedAt: e.receivedAt })),
        ...aged(33, 2).map((e) => ({ transactionId: e.transactionId, receivedAt: e.receivedAt })),
      ]);

    const deleted = await deleteExpiredUsage({ retentionDays: 35, batchSize: 3 });
    expect(deleted.events).toBeGreaterThanOrEqual(7);
    expect(deleted.transactions).toBeGreaterThanOrEqual(7);

    const left = await db
      .select({ id: usageEvents.transactionId })
      .from(usageEvents)
      .where(inArray(usageEvents.sentCustomerId, [identifier]));
    expect(left.map((r) => r.id).sort()).toEqual([fresh, ...recent.map((e) => e.transactionId)].sort());
    const ids = await db
      .select({ id: usageTransactions.transactionId })
      .from(usageTransactions)
      .where(
        sql`${usageTransactions.transactionId} like ${`%-${tag}`} or ${usageTransactions.transactionId} = ${fresh}`,
      );
    expect(ids.map((r) => r.id).sort()).toEqual([fresh, `aged-33-0-${tag}`, `aged-33-1-${tag}`].sort());
    const groups = await db
      .select()
      .from(unmatchedUsageGroups)
      .where(inArray(unmatchedUsageGroups.identifier, [identifier]));
    expect(groups).toHaveLength(1);
  });
});
