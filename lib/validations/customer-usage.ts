import type { UsageMatchedBy } from '@/db/schema/usage';

// The shapes the data layer returns for a customer's usage, here (not in the server-only
// lib/data/) so the browser's components can name them. Types and pure helpers only.

/** How many UTC days the Usage section shows, today included. */
export const USAGE_DAYS = 30;

/** How many of a customer's latest raw events the Usage section lists. */
export const RECENT_EVENTS = 100;

/** One UTC day of the window: counted events by event type. */
export interface UsageDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  byType: Record<string, number>;
  total: number;
}

/** One way events reach the customer: its uuid ("by customer ID"), an ingest alias, or a mapping's label. */
export interface UsageRouteCount {
  matchedBy: UsageMatchedBy;
  /** The alias or the mapping's label ('' for the uuid). */
  key: string;
  /** Counted events in the window. */
  events: number;
  /** The last event received through it in the window, or null: none in USAGE_DAYS days. */
  lastReceivedAt: string | null;
  /** False for an alias or mapping the customer no longer has (its events are still counted). */
  current: boolean;
}

export interface CustomerUsage {
  /** The window's days, oldest first, every day present (zero when nothing was counted). */
  days: UsageDay[];
  /** The event types seen in the window, most events first. */
  eventTypes: string[];
  total: number;
  /** The last counted event ever received (kept after the raw events expire), or null: never. */
  lastReceivedAt: string | null;
  /** By customer ID first, then mappings in the record's order, then aliases in theirs, then removed ones. */
  routes: UsageRouteCount[];
}

/** A raw event as received, for the "recent events" list. */
export interface RecentUsageEvent {
  id: string;
  receivedAt: string;
  transactionId: string;
  /** The customer_id the event carried. */
  customerId: string;
  eventType: string;
  timestamp: string;
  properties: Record<string, unknown>;
  isDuplicate: boolean;
  matchedBy: UsageMatchedBy | null;
  matchedKey: string | null;
}

/** The window's days, oldest first, ending with `now`'s UTC day. */
export function usageWindow(now: Date, days = USAGE_DAYS): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) =>
    new Date(today - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}
