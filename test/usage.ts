import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { unmatchedUsageGroups, usageEvents } from '@/db/schema';

export interface HeldEvent {
  eventType: string;
  occurredAt?: Date;
  receivedAt?: Date;
  isDuplicate?: boolean;
}

/**
 * Stores events that matched nobody under `identifier` and keeps its inbox group, as ingest does
 * (for the tests that need a group at a chosen time).
 */
export async function holdUnmatched(identifier: string, events: HeldEvent[]) {
  const db = await getDb();
  const now = new Date();
  const rows = events.map((e) => ({
    transactionId: randomUUID(),
    sentCustomerId: identifier,
    eventType: e.eventType,
    occurredAt: e.occurredAt ?? now,
    receivedAt: e.receivedAt ?? now,
    isDuplicate: e.isDuplicate ?? false,
    unmatchedReason: 'no_customer' as const,
  }));
  await db.insert(usageEvents).values(rows);
  const counted = rows.filter((r) => !r.isDuplicate);
  const times = rows.map((r) => r.receivedAt.getTime());
  await db
    .insert(unmatchedUsageGroups)
    .values({
      identifier,
      events: counted.length,
      firstReceivedAt: new Date(Math.min(...times)),
      lastReceivedAt: new Date(Math.max(...times)),
      eventTypes: [...new Set(rows.map((r) => r.eventType))],
      sampleEvent: { customer_id: identifier, event_type: rows.at(-1)!.eventType },
      reason: 'no_customer',
    })
    .onConflictDoUpdate({
      target: unmatchedUsageGroups.identifier,
      set: { events: sql`${unmatchedUsageGroups.events} + ${counted.length}` },
    });
}
