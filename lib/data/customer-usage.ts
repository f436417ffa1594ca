/**
 * A customer's usage as the detail page shows it: counts from the daily rollups (never the raw
 * events, which expire), and its latest raw events.
 */
import 'server-only';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  customerIngestAliases,
  customers,
  customerUsageSummary,
  usageDailyCounts,
  usageEvents,
  type UsageMatchedBy,
} from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import {
  RECENT_EVENTS,
  usageWindow,
  type CustomerUsage,
  type RecentUsageEvent,
  type UsageDay,
  type UsageRouteCount,
} from '@/lib/validations/customer-usage';

export type { CustomerUsage, RecentUsageEvent, UsageRouteCount };

const routeKey = (matchedBy: string, key: string) => `${matchedBy}\u0000${key}`;

/**
 * Events per UTC day and event type over the window (every day present), per route (every
 * current alias and mapping, with or without events), and the last event ever received. Each
 * part is one query on the rollups' primary key (customer, day, …), whatever the aliases.
 */
export async function getCustomerUsage(actor: Actor, customerId: string, now = new Date()): Promise<CustomerUsage> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const days = usageWindow(now);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const inWindow = and(
    eq(usageDailyCounts.customerId, customerId),
    gte(usageDailyCounts.day, first),
    lte(usageDailyCounts.day, last),
  );

  const [byDay, byRoute, aliases, [record], [summary]] = await Promise.all([
    db
      .select({
        day: usageDailyCounts.day,
        eventType: usageDailyCounts.eventType,
        events: sql<number>`sum(${usageDailyCounts.events})::float8`.mapWith(Number),
      })
      .from(usageDailyCounts)
      .where(inWindow)
      .groupBy(usageDailyCounts.day, usageDailyCounts.eventType),
    db
      .select({
        matchedBy: usageDailyCounts.matchedBy,
        key: usageDailyCounts.matchedKey,
        events: sql<number>`sum(${usageDailyCounts.events})::float8`.mapWith(Number),
        lastReceivedAt: sql<Date>`max(${usageDailyCounts.lastReceivedAt})`.mapWith(usageDailyCounts.lastReceivedAt),
      })
      .from(usageDailyCounts)
      .where(inWindow)
      .groupBy(usageDailyCounts.matchedBy, usageDailyCounts.matchedKey),
    db
      .select({ alias: customerIngestAliases.alias })
      .from(customerIngestAliases)
      .where(eq(customerIngestAliases.customerId, customerId))
      .orderBy(asc(customerIngestAliases.position)),
    db.select({ mappings: customers.measurementMappings }).from(customers).where(eq(customers.id, customerId)),
    db
      .select({ lastReceivedAt: customerUsageSummary.lastReceivedAt })
      .from(customerUsageSummary)
      .where(eq(customerUsageSummary.customerId, customerId)),
  ]);

  const perDay = new Map<string, UsageDay>(days.map((day) => [day, { day, byType: {}, total: 0 }]));
  const typeTotals = new Map<string, number>();
  for (const row of byDay) {
    const day = perDay.get(row.day);
    if (!day) continue;
    day.byType[row.eventType] = (day.byType[row.eventType] ?? 0) + row.events;
    day.total += row.events;
    typeTotals.set(row.eventType, (typeTotals.get(row.eventType) ?? 0) + row.events);
  }

  const counted = new Map(byRoute.map((r) => [routeKey(r.matchedBy, r.key), r]));
  const route = (matchedBy: UsageMatchedBy, key: string, current: boolean): UsageRouteCount => {
    const found = counted.get(routeKey(matchedBy, key));
    counted.delete(routeKey(matchedBy, key));
    return {
      matchedBy,
      key,
      events: found?.events ?? 0,
      lastReceivedAt: found ? found.lastReceivedAt.toISOString() : null,
      current,
    };
  };
  const routes = [
    route('id', '', true),
    ...(record?.mappings ?? []).map((m) => route('mapping', m.label, true)),
    ...aliases.map((a) => route('alias', a.alias, true)),
  ];
  // What is left came through an alias or mapping the customer no longer has.
  for (const r of [...counted.values()]) routes.push(route(r.matchedBy, r.key, false));

  return {
    days: [...perDay.values()],
    eventTypes: [...typeTotals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t),
    total: [...typeTotals.values()].reduce((a, b) => a + b, 0),
    lastReceivedAt: summary ? summary.lastReceivedAt.toISOString() : null,
    routes,
  };
}

/** The customer's latest raw events (duplicates included, flagged), newest first. */
export async function recentUsageEvents(
  actor: Actor,
  customerId: string,
  limit = RECENT_EVENTS,
): Promise<RecentUsageEvent[]> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const rows = await db
    .select({
      id: usageEvents.id,
      receivedAt: usageEvents.receivedAt,
      transactionId: usageEvents.transactionId,
      customerId: usageEvents.sentCustomerId,
      eventType: usageEvents.eventType,
      occurredAt: usageEvents.occurredAt,
      properties: usageEvents.properties,
      isDuplicate: usageEvents.isDuplicate,
      matchedBy: usageEvents.matchedBy,
      matchedKey: usageEvents.matchedKey,
    })
    .from(usageEvents)
    .where(eq(usageEvents.matchedCustomerId, customerId))
    .orderBy(desc(usageEvents.receivedAt), desc(usageEvents.id))
    .limit(limit);
  return rows.map(({ occurredAt, receivedAt, ...r }) => ({
    ...r,
    receivedAt: receivedAt.toISOString(),
    timestamp: occurredAt.toISOString(),
  }));
}
