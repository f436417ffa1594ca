import { rowsOf } from './raw-rows';
import 'server-only';
import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { UNMATCHED_GROUP_EVENT_TYPES, type UsageMatchedBy, type UsageUnmatchedReason } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { regexError } from '@/lib/validations/customer';
import { catastrophicRegexError } from '@/lib/validations/regex-safety';
import { USAGE_DEDUP_DAYS, type UsageEventInput, type V1UsageEvent } from '@/lib/validations/v1/usage';
import { inTransaction } from './transaction';

/**
 * The advisory-lock key of an identifier (the customer_id events carry). Ingest holds it shared
 * from before it matches a batch until it commits; "Add as alias to…" takes it exclusively
 * (`select pg_advisory_xact_lock(${usageIdentifierLockKey(identifier)})`) before it adds the alias
 * and moves the held events. So an ingest either commits before the move (its events are moved) or
 * starts matching after it (it sees the alias): no event is left behind or moved twice.
 */
export function usageIdentifierLockKey(identifier: SQL | string): SQL {
  return sql`hashtextextended('usage:' || ${identifier}::text, 0)`;
}

/** At most this many (customer, mapping) candidates are read for one batch. */
export const MAX_MAPPING_CANDIDATES = 10_000;

/** How an event was routed when received. */
export type UsageRoute =
  | { customerId: string; matchedBy: UsageMatchedBy; matchedKey: string; reason?: undefined }
  | { customerId: null; reason: UsageUnmatchedReason; matchedBy?: undefined; matchedKey?: undefined };

/**
 * A measurement value as text, as a mapping's regex sees it: strings as they are, numbers and
 * booleans as JavaScript writes them (`42`, `1.5`, `true`); objects, arrays and null are no value.
 */
export function measurementValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

// A mapping's regex compiled once per process (the form refuses slow patterns; any older one that
// would be refused now, or does not compile, matches nothing).
const compiled = new Map<string, RegExp | null>();
const MAX_COMPILED = 10_000;

function mappingRegex(source: string): RegExp | null {
  let re = compiled.get(source);
  if (re === undefined) {
    re = regexError(source) || catastrophicRegexError(source) ? null : new RegExp(`^(?:${source})$`, 'u');
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface MappingCandidate {
  customerId: string;
  label: string;
  valueRegex: string;
}

/** What the batch's identifiers resolve to, read in one statement (see readRoutes). */
interface RouteFacts {
  receivedAt: Date;
  byId: Set<string>;
  byAlias: Map<string, string>;
  candidates: Map<string, MappingCandidate[]>;
}

/**
 * One statement: the batch's identifiers' shared locks (in one order), the transaction's time,
 * the customers its uuids name, the aliases it uses, and the mappings of every label that an
 * event held by neither could match on. The write that follows routes by uuid and alias again
 * (its snapshot is taken after these locks are held, so an alias added by "Add as alias to…"
 * meanwhile is seen); only the mapping routes computed here are taken from JavaScript.
 */
async function readRoutes(tx: Database, events: UsageEventInput[], identifiers: string[]): Promise<RouteFacts> {
  const uuids = identifiers.filter((id) => UUID.test(id));
  const pairs = new Set<string>();
  const pairIdentifiers: string[] = [];
  const pairLabels: string[] = [];
  for (const e of events) {
    for (const label of Object.keys(e.properties)) {
      if (measurementValue(e.properties[label]) === null) continue;
      const k = JSON.stringify([e.customer_id, label]);
      if (pairs.has(k)) continue;
      pairs.add(k);
      pairIdentifiers.push(e.customer_id);
      pairLabels.push(label);
    }
  }
  // (PostgreSQL calls volatile functions of the select list after ORDER BY: the locks go in order.)
  const rows = await rowsOf<{
    kind: 'now' | 'id' | 'alias' | 'mapping';
    a: string;
    b: string | null;
    c: string | null;
  }>(
    tx.execute(sql`
      with locks as materialized (
        select pg_advisory_xact_lock_shared(${usageIdentifierLockKey(sql`k`)})
        from unnest(${sql.param(identifiers)}::text[]) as k order by k
      ), sent as (
        select id from customers where id = any(${sql.param(uuids)}::uuid[])
      ), aliased as (
        select alias, customer_id from customer_ingest_aliases where alias = any(${sql.param(identifiers)}::text[])
      ), labels as (
        select distinct p.label
        from unnest(${sql.param(pairIdentifiers)}::text[], ${sql.param(pairLabels)}::text[]) as p(identifier, label)
        where not exists (select 1 from sent where sent.id::text = p.identifier)
          and not exists (select 1 from aliased where aliased.alias = p.identifier)
      ), mapped as (
        -- One probe of the GIN index per label; the mappings of those labels only.
        select c.id::text as customer_id, m->>'label' as label, m->>'valueRegex' as value_regex
        from labels l
        join customers c on c.measurement_mappings @> jsonb_build_array(jsonb_build_object('label', l.label))
        cross join lateral jsonb_array_elements(c.measurement_mappings) as m
        where m->>'label' = l.label
        order by c.id
        limit ${MAX_MAPPING_CANDIDATES + 1}
      )
      select 'now' as kind, to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as a,
        (select count(*) from locks)::text as b, null as c
      union all select 'id', id::text, null, null from sent
      union all select 'alias', alias, customer_id::text, null from aliased
      union all select 'mapping', customer_id, label, value_regex from mapped`),
  );
  const facts: RouteFacts = { receivedAt: new Date(0), byId: new Set(), byAlias: new Map(), candidates: new Map() };
  let mappings = 0;
  for (const r of rows) {
    if (r.kind === 'now') facts.receivedAt = new Date(r.a);
    else if (r.kind === 'id') facts.byId.add(r.a);
    else if (r.kind === 'alias') facts.byAlias.set(r.a, r.b!);
    else if (++mappings <= MAX_MAPPING_CANDIDATES) {
      const list = facts.candidates.get(r.b!) ?? [];
      list.push({ customerId: r.a, label: r.b!, valueRegex: r.c! });
      facts.candidates.set(r.b!, list);
    }
  }
  if (mappings > MAX_MAPPING_CANDIDATES) {
    console.warn(
      `usage ingest: over ${MAX_MAPPING_CANDIDATES} mapping candidates for one batch; the rest were not tried`,
    );
  }
  return facts;
}

/** Routes each event: its customer's uuid, else an ingest alias, else exactly one customer's mapping. */
function routeEvents(facts: RouteFacts, events: UsageEventInput[]): UsageRoute[] {
  const { byId, byAlias, candidates } = facts;
  return events.map((e): UsageRoute => {
    if (byId.has(e.customer_id)) return { customerId: e.customer_id, matchedBy: 'id', matchedKey: '' };
    const owner = byAlias.get(e.customer_id);
    if (owner) return { customerId: owner, matchedBy: 'alias', matchedKey: e.customer_id };
    const matches = new Map<string, string>(); // customer → the first label that matched
    for (const [label, raw] of Object.entries(e.properties)) {
      const value = measurementValue(raw);
      if (value === null) continue;
      for (const c of candidates.get(label) ?? []) {
        if (!matches.has(c.customerId) && mappingRegex(c.valueRegex)?.test(value)) matches.set(c.customerId, label);
      }
    }
    if (matches.size === 1) {
      const [customerId, label] = [...matches][0]!;
      return { customerId, matchedBy: 'mapping', matchedKey: label };
    }
    return { customerId: null, reason: matches.size > 1 ? 'ambiguous_mapping' : 'no_customer' };
  });
}

/**
 * IDs for one batch that sort in the order of the batch (a UUIDv7 whose counter is the position),
 * so "order of receipt" among events received together is their order in the request.
 */
function batchEventIds(count: number): string[] {
  const ms = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const b = randomBytes(16);
    b.writeUIntBE(ms, 0, 6);
    b[6] = 0x70 | ((i >> 8) & 0x0f);
    b[7] = i & 0xff;
    b[8] = 0x80 | (b[8]! & 0x3f);
    const hex = b.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  });
}

/** What an event stores of what it was sent, and when it came. */
type StoredEvent = {
  id: string;
  transactionId: string;
  sentCustomerId: string;
  eventType: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
  isDuplicate: boolean;
  receivedAt: Date;
};

/** An event as /v1/events/search answers it. */
export function usageEventJson(e: StoredEvent, matchedCustomer?: { id: string; name: string } | null): V1UsageEvent {
  return {
    id: e.id,
    transaction_id: e.transactionId,
    customer_id: e.sentCustomerId,
    event_type: e.eventType,
    timestamp: e.occurredAt.toISOString(),
    properties: e.properties,
    is_duplicate: e.isDuplicate,
    ...(matchedCustomer ? { matched_customer: matchedCustomer } : {}),
    processed_at: e.receivedAt.toISOString(),
  };
}

/**
 * Stores a batch of validated events, all or nothing, in one transaction of two statements: the
 * routing read (readRoutes, under the identifiers' shared locks), then one data-modifying WITH
 * that settles the transaction IDs (the first of the batch and of the last 34 days is the
 * original; the rest are stored as duplicates, never counted), stores the events and adds the
 * counted ones to the daily counts, the customers' last usage and the unmatched-usage groups.
 */
export async function ingestUsage(actor: Actor, events: UsageEventInput[]): Promise<void> {
  assertCan(actor, 'customers:write');
  if (events.length === 0) return;
  const db = await getDb();
  const identifiers = [...new Set(events.map((e) => e.customer_id))].sort();
  await inTransaction(db, async (tx) => {
    const facts = await readRoutes(tx, events, identifiers);
    const routes = routeEvents(facts, events);
    const seen = new Set<string>();
    const ids = batchEventIds(events.length);
    const records = events.map((e, i) => {
      const route = routes[i]!;
      const first = !seen.has(e.transaction_id);
      seen.add(e.transaction_id);
      return {
        ord: i,
        id: ids[i]!,
        transaction_id: e.transaction_id,
        sent_customer_id: e.customer_id,
        sent_uuid: UUID.test(e.customer_id) ? e.customer_id : null,
        event_type: e.event_type,
        occurred_at: e.timestamp.toISOString(),
        properties: e.properties,
        first,
        // The mapping's route only: uuid and alias are routed again by the write.
        mapped_customer_id: route.matchedBy === 'mapping' ? route.customerId : null,
        mapped_label: route.matchedBy === 'mapping' ? route.matchedKey : null,
        ambiguous: route.reason === 'ambiguous_mapping',
      };
    });
    await tx.execute(batchWrite(JSON.stringify(records), facts.receivedAt));
  });
}

/**
 * The batch's one write. Data-modifying WITH queries all see the snapshot the statement started
 * with, so each step reads the one before it through RETURNING; every upsert goes in key order,
 * so concurrent batches take row locks in one order.
 */
function batchWrite(records: string, receivedAt: Date): SQL {
  const at = sql`${receivedAt.toISOString()}::timestamptz`;
  const dedupDays = sql.raw(String(USAGE_DEDUP_DAYS));
  return sql`
    with batch as (
      -- One JSON parameter rather than 1,200: a fraction of the time to build, send and parse.
      select * from jsonb_to_recordset(${records}::jsonb) as e(ord int, id uuid, transaction_id text,
        sent_customer_id text, sent_uuid uuid, event_type text, occurred_at text, properties jsonb, first boolean,
        mapped_customer_id uuid, mapped_label text, ambiguous boolean)
    ), looked_up as (
      -- One index probe each (a hash join would read every alias for a batch of 100).
      select b.*, (select c.id from customers c where c.id = b.sent_uuid) as by_id,
        (select a.customer_id from customer_ingest_aliases a where a.alias = b.sent_customer_id) as by_alias
      from batch b
    ), routed as (
      select l.*, coalesce(by_id, by_alias, mapped_customer_id) as customer_id,
        case when by_id is not null then 'id' when by_alias is not null then 'alias'
          when mapped_customer_id is not null then 'mapping' end as matched_by,
        case when by_id is not null then '' when by_alias is not null then sent_customer_id
          else mapped_label end as matched_key
      from looked_up l
    ), claimed as (
      -- The first of the batch with each transaction ID is a candidate; the table keeps the first
      -- of the last 34 days (a row older than that is taken over).
      insert into usage_transactions (transaction_id, received_at)
      select transaction_id, ${at} from batch where first order by transaction_id
      on conflict (transaction_id) do update set received_at = excluded.received_at
        where usage_transactions.received_at < excluded.received_at - interval '${dedupDays} days'
      returning transaction_id
    ), stored as (
      select r.*, not (r.first and k.transaction_id is not null) as is_duplicate,
        case when r.customer_id is null then
          case when r.ambiguous then 'ambiguous_mapping' else 'no_customer' end end as unmatched_reason
      from routed r left join claimed k on k.transaction_id = r.transaction_id
    ), events as (
      insert into usage_events (id, received_at, transaction_id, sent_customer_id, event_type, occurred_at,
        properties, is_duplicate, matched_customer_id, matched_by, matched_key, unmatched_reason)
      select id, ${at}, transaction_id, sent_customer_id, event_type, occurred_at::timestamptz, properties,
        is_duplicate, customer_id, matched_by, matched_key, unmatched_reason
      from stored order by ord
    ), counted as (
      select * from stored where not is_duplicate
    ), daily as (
      insert into usage_daily_counts (customer_id, day, event_type, matched_by, matched_key, events, last_received_at)
      select customer_id, (occurred_at::timestamptz at time zone 'UTC')::date, event_type, matched_by, matched_key,
        count(*), ${at}
      from counted where customer_id is not null
      group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
      on conflict (customer_id, day, event_type, matched_by, matched_key) do update set
        events = usage_daily_counts.events + excluded.events,
        last_received_at = greatest(usage_daily_counts.last_received_at, excluded.last_received_at)
    ), summary as (
      insert into customer_usage_summary (customer_id, last_received_at)
      select distinct customer_id, ${at} from counted where customer_id is not null order by 1
      on conflict (customer_id) do update set
        last_received_at = greatest(customer_usage_summary.last_received_at, excluded.last_received_at)
    ), unmatched as (
      select * from counted where customer_id is null
    ), types as (
      select sent_customer_id, event_type, min(ord) as first_ord from unmatched group by 1, 2
    ), groups as (
      insert into unmatched_usage_groups as g
        (identifier, events, first_received_at, last_received_at, event_types, sample_event, reason)
      select u.sent_customer_id, count(*), ${at}, ${at},
        (select (array_agg(t.event_type order by t.first_ord))[1:${UNMATCHED_GROUP_EVENT_TYPES}]
          from types t where t.sent_customer_id = u.sent_customer_id),
        (array_agg(jsonb_build_object('id', u.id, 'transaction_id', u.transaction_id,
          'customer_id', u.sent_customer_id, 'event_type', u.event_type, 'timestamp', u.occurred_at,
          'properties', u.properties, 'is_duplicate', false, 'processed_at', ${receivedAt.toISOString()}::text)
          order by u.ord desc))[1],
        (array_agg(u.unmatched_reason order by u.ord desc))[1]
      from unmatched u group by u.sent_customer_id order by 1
      on conflict (identifier) do update set
        events = g.events + excluded.events,
        last_received_at = greatest(g.last_received_at, excluded.last_received_at),
        event_types = (
          select coalesce(array_agg(t order by first), '{}')
          from (
            select t, min(n) as first
            from unnest(g.event_types || excluded.event_types) with ordinality as u(t, n)
            group by t order by min(n) limit ${UNMATCHED_GROUP_EVENT_TYPES}
          ) as kept),
        sample_event = case when excluded.last_received_at >= g.last_received_at
          then excluded.sample_event else g.sample_event end,
        reason = case when excluded.last_received_at >= g.last_received_at
          then excluded.reason else g.reason end
    )
    select 1`;
}
