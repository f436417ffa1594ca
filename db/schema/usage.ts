import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestampMs, uuidOwner } from './columns';
import { customerRef, customers } from './customers';

/** How an event found its customer: its customer_id is the customer's uuid, one of its ingest aliases, or a measurement mapping matched its properties. */
export type UsageMatchedBy = 'id' | 'alias' | 'mapping';
/** Why an event found no customer: nobody holds its customer_id, or the mappings of two or more customers match it. */
export type UsageUnmatchedReason = 'no_customer' | 'ambiguous_mapping';

/**
 * Every event received through /v1/ingest, duplicates included (flagged, never counted), kept for
 * the retention window (USAGE_RETENTION_DAYS) and then deleted in small batches.
 *
 * Built to move onto PostgreSQL partitions by day of received_at: nothing here needs uniqueness
 * across days (the primary key holds received_at; transaction IDs are settled in
 * usage_transactions), and no foreign key points into or out of it (customers are archived, never
 * deleted). docs/usage-storage.md says how.
 */
export const usageEvents = pgTable(
  'usage_events',
  {
    id: uuid('id').notNull().defaultRandom(),
    receivedAt: timestampMs('received_at').notNull().defaultNow(),
    transactionId: text('transaction_id').notNull(),
    /** The event's customer_id, as sent: a customer's uuid, an alias, or anything at all. */
    sentCustomerId: text('sent_customer_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The event's own timestamp. */
    occurredAt: timestampMs('occurred_at').notNull(),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    /** Its transaction_id was received in the 34 days before, or earlier in its batch: stored, never counted. */
    isDuplicate: boolean('is_duplicate').notNull().default(false),
    /** The customer it was routed to when received (or later, by "Add as alias to…"); null while unmatched. */
    matchedCustomerId: uuid('matched_customer_id'),
    matchedBy: text('matched_by').$type<UsageMatchedBy>(),
    /** The alias, or the mapping's label, that matched ('' when matched by uuid). */
    matchedKey: text('matched_key'),
    unmatchedReason: text('unmatched_reason').$type<UsageUnmatchedReason>(),
  },
  (t) => [
    primaryKey({ name: 'usage_events_pkey', columns: [t.receivedAt, t.id] }),
    index('usage_events_transaction_idx').on(t.transactionId, t.receivedAt),
    // A customer's recent raw events, newest first.
    index('usage_events_customer_idx').on(t.matchedCustomerId, t.receivedAt, t.id),
    // The events held under an unmatched identifier, moved by "Add as alias to…".
    index('usage_events_unmatched_idx')
      .on(t.sentCustomerId, t.receivedAt)
      .where(sql`${t.matchedCustomerId} is null`),
  ],
);

/**
 * The transaction IDs received in the last 34 days, one row each: the primary key settles which
 * of two concurrent batches stores the original. A row older than 34 days no longer counts (ingest
 * takes it over; cleanup deletes it).
 */
export const usageTransactions = pgTable(
  'usage_transactions',
  {
    transactionId: text('transaction_id').primaryKey(),
    receivedAt: timestampMs('received_at').notNull().defaultNow(),
  },
  (t) => [index('usage_transactions_received_at_idx').on(t.receivedAt)],
);

/**
 * Counted (not duplicate) events per customer, UTC day of the event's timestamp, event type and
 * route (matched_by + matched_key), kept in the same transaction as the events they count, and
 * kept after the raw events are deleted. Everything the portal shows about a customer's usage
 * reads these, never the raw events.
 */
export const usageDailyCounts = pgTable(
  'usage_daily_counts',
  {
    customerId: customerRef(),
    day: date('day', { mode: 'string' }).notNull(),
    eventType: text('event_type').notNull(),
    matchedBy: text('matched_by').$type<UsageMatchedBy>().notNull(),
    matchedKey: text('matched_key').notNull(),
    events: bigint('events', { mode: 'number' }).notNull(),
    lastReceivedAt: timestampMs('last_received_at').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'usage_daily_counts_pkey',
      columns: [t.customerId, t.day, t.eventType, t.matchedBy, t.matchedKey],
    }),
  ],
);

/** When each customer last received a counted event: the list's "Last usage" column and its sort. */
export const customerUsageSummary = pgTable(
  'customer_usage_summary',
  {
    customerId: uuidOwner('customer_id', () => customers.id).primaryKey(),
    lastReceivedAt: timestampMs('last_received_at').notNull(),
  },
  (t) => [index('customer_usage_summary_last_idx').on(t.lastReceivedAt, t.customerId)],
);

/**
 * The unmatched-usage inbox: one row per identifier (the customer_id events carried) that matched
 * nobody, kept in the same transaction as the events. Counts are of counted (not duplicate) events.
 * "Add as alias to…" deletes the row with the events it moves; Ignore sets ignored_at.
 */
export const unmatchedUsageGroups = pgTable(
  'unmatched_usage_groups',
  {
    identifier: text('identifier').primaryKey(),
    events: bigint('events', { mode: 'number' }).notNull(),
    firstReceivedAt: timestampMs('first_received_at').notNull(),
    lastReceivedAt: timestampMs('last_received_at').notNull(),
    /** The first few distinct event types seen (at most UNMATCHED_GROUP_EVENT_TYPES). */
    eventTypes: text('event_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The latest event, as /v1/events/search shows it. */
    sampleEvent: jsonb('sample_event').$type<Record<string, unknown>>().notNull(),
    reason: text('reason').$type<UsageUnmatchedReason>().notNull(),
    ignoredAt: timestampMs('ignored_at'),
  },
  (t) => [
    index('unmatched_usage_groups_open_idx')
      .on(t.lastReceivedAt, t.identifier)
      .where(sql`${t.ignoredAt} is null`),
    index('unmatched_usage_groups_ignored_idx')
      .on(t.lastReceivedAt, t.identifier)
      .where(sql`${t.ignoredAt} is not null`),
    index('unmatched_usage_groups_search_idx').using('gin', sql`lower(${t.identifier}) gin_trgm_ops`),
  ],
);

/** How many distinct event types an inbox group remembers. */
export const UNMATCHED_GROUP_EVENT_TYPES = 10;
