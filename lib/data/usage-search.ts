import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, usageEvents } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { USAGE_DEDUP_DAYS, type V1UsageEvent } from '@/lib/validations/v1/usage';
import { usageEventJson } from './usage-ingest';

/**
 * POST /v1/events/search: the events received in the last 34 days with these transaction IDs, in
 * the order the IDs were asked for, then in order of receipt.
 */
export async function searchUsageEvents(actor: Actor, transactionIds: string[]): Promise<V1UsageEvent[]> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const rows = await db
    .select({ event: usageEvents, customerId: customers.id, customerName: customers.displayName })
    .from(usageEvents)
    .leftJoin(customers, eq(customers.id, usageEvents.matchedCustomerId))
    .where(
      and(
        inArray(usageEvents.transactionId, transactionIds),
        gt(usageEvents.receivedAt, sql`now() - interval '${sql.raw(String(USAGE_DEDUP_DAYS))} days'`),
      ),
    )
    .orderBy(asc(usageEvents.receivedAt), asc(usageEvents.id));
  const position = new Map<string, number>();
  transactionIds.forEach((id, i) => {
    if (!position.has(id)) position.set(id, i);
  });
  return rows
    .map((r, receipt) => ({ r, receipt }))
    .sort(
      (a, b) =>
        position.get(a.r.event.transactionId)! - position.get(b.r.event.transactionId)! || a.receipt - b.receipt,
    )
    .map(({ r }) => usageEventJson(r.event, r.customerId ? { id: r.customerId, name: r.customerName! } : null));
}
