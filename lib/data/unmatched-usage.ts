/**
 * The unmatched-usage inbox: the groups of events that matched no customer (one per identifier,
 * kept by ingest), Ignore / Unignore, and "Add as alias to…", which gives the identifier to a
 * customer as an ingest alias and routes the group's held events to it in the same transaction.
 */
import 'server-only';
import { rowsOf } from './raw-rows';
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db';
import { customerIngestAliases, customers, suggestionKey, unmatchedUsageGroups } from '@/db/schema';
import { failure, ok, type ActionResult } from '@/lib/action-result';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { CUSTOMER_FIELDS } from '@/lib/validations/customer';
import {
  INBOX_PAGE_SIZE,
  OPEN_GROUPS_COUNT_CAP,
  type AddedAlias,
  type InboxFilters,
  type InboxSuggestion,
  type OpenGroupsCount,
  type UnmatchedGroupPage,
  type UnmatchedGroupRow,
} from '@/lib/validations/unmatched-usage';
import { V1Error } from '@/lib/validations/v1/errors';
import { recordAudit } from './audit';
import { findAliasOwners, iso } from './customers';
import { violatedUniqueConstraint } from './db-errors';
import { inTransaction } from './transaction';
import { usageIdentifierLockKey } from './usage-ingest';
import { updateCustomerRecord } from './v1-write';

/**
 * Holds the identifier's lock until the transaction ends. Ingest holds it shared while it matches
 * events carrying the identifier; "Add as alias to…" holds it exclusive, so it waits for the
 * batches already matching and every batch after it sees the alias.
 */
async function lockIdentifierExclusive(tx: Database, identifier: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${usageIdentifierLockKey(identifier)})`);
}

// A page's position: the last (or first) group's last_received_at and identifier.
const cursorShape = z.tuple([z.iso.datetime(), z.string().max(256)]);

function encodeCursor(row: { lastReceivedAt: string; identifier: string }): string {
  return Buffer.from(JSON.stringify([row.lastReceivedAt, row.identifier])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success && !parsed.data[1].includes('\0') ? parsed.data : null;
  } catch {
    return null;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const statusCondition = (status: InboxFilters['status']) =>
  status === 'open' ? isNull(unmatchedUsageGroups.ignoredAt) : isNotNull(unmatchedUsageGroups.ignoredAt);

/** One page of the inbox, newest last event first, by keyset on (last_received_at, identifier). */
export async function listUnmatchedGroups(actor: Actor, f: InboxFilters): Promise<UnmatchedGroupPage> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const cursor = f.cursor ? decodeCursor(f.cursor) : null;
  const backwards = cursor !== null && f.dir === 'prev';
  const where: SQL[] = [statusCondition(f.status)];
  // Served by the trigram index on lower(identifier).
  if (f.q) where.push(sql`lower(${unmatchedUsageGroups.identifier}) like ${`%${escapeLike(f.q.toLowerCase())}%`}`);
  if (cursor) {
    const position = sql`(${unmatchedUsageGroups.lastReceivedAt}, ${unmatchedUsageGroups.identifier})`;
    const at = sql`(${cursor[0]}::timestamptz, ${cursor[1]}::text)`;
    where.push(backwards ? sql`${position} > ${at}` : sql`${position} < ${at}`);
  }
  const order = backwards ? asc : desc;
  const rows = await db
    .select()
    .from(unmatchedUsageGroups)
    .where(and(...where))
    .orderBy(order(unmatchedUsageGroups.lastReceivedAt), order(unmatchedUsageGroups.identifier))
    .limit(INBOX_PAGE_SIZE + 1);
  const hasMore = rows.length > INBOX_PAGE_SIZE;
  const page = rows.slice(0, INBOX_PAGE_SIZE);
  if (backwards) page.reverse();
  const suggestions = await suggestionsFor(
    db,
    page.map((r) => r.identifier),
  );
  const items: UnmatchedGroupRow[] = page.map((r) => ({
    identifier: r.identifier,
    events: r.events,
    firstReceivedAt: r.firstReceivedAt.toISOString(),
    lastReceivedAt: r.lastReceivedAt.toISOString(),
    eventTypes: r.eventTypes,
    sampleEvent: r.sampleEvent,
    reason: r.reason,
    ignoredAt: iso(r.ignoredAt),
    suggestion: suggestions.get(r.identifier) ?? null,
  }));
  const first = items[0];
  const last = items[items.length - 1];
  const hasNext = backwards ? true : hasMore;
  const hasPrev = backwards ? hasMore : cursor !== null;
  return {
    items,
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    prevCursor: hasPrev && first ? encodeCursor(first) : null,
  };
}

/**
 * For each identifier, a customer whose ID or ingest alias differs from it only in case, spaces,
 * `-`, `_` or `.` (see suggestionKey): its ID first, then an alias; among several, the first by ID.
 * One query for the page, each identifier looked up by the suggestion-key indexes.
 */
async function suggestionsFor(db: Database, identifiers: string[]): Promise<Map<string, InboxSuggestion>> {
  const found = new Map<string, InboxSuggestion>();
  if (identifiers.length === 0) return found;
  const result = await db.execute(sql`
    with wanted as (
      select w.identifier, ${suggestionKey(sql`w.identifier`)} as key
      from unnest(${sql.param(identifiers)}::text[]) as w(identifier)
    )
    select distinct on (w.identifier) w.identifier, c.customer_id, cu.name as customer_name,
      cu.display_name, cu.archived_at is not null as archived, c.via, c.value
    from wanted w
    cross join lateral (
      select ${customers.id} as customer_id, 'id' as via, ${customers.name} as value
      from ${customers} where ${suggestionKey(customers.name)} = w.key
      union all
      select ${customerIngestAliases.customerId}, 'alias', ${customerIngestAliases.alias}
      from ${customerIngestAliases} where ${suggestionKey(customerIngestAliases.alias)} = w.key
    ) c
    join ${customers} cu on cu.id = c.customer_id
    where w.key <> ''
    order by w.identifier, c.via = 'alias', lower(cu.name), c.value`);
  const { rows } = result as unknown as {
    rows: {
      identifier: string;
      customer_id: string;
      customer_name: string;
      display_name: string;
      archived: boolean;
      via: 'id' | 'alias';
      value: string;
    }[];
  };
  for (const r of rows) {
    found.set(r.identifier, {
      customerId: r.customer_id,
      customerName: r.customer_name,
      displayName: r.display_name,
      archived: r.archived,
      via: r.via,
      value: r.value,
    });
  }
  return found;
}

/** How many groups are open, up to OPEN_GROUPS_COUNT_CAP (the sidebar's badge). */
export async function countOpenGroups(actor: Actor): Promise<OpenGroupsCount> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const open = db
    .select({ one: sql`1` })
    .from(unmatchedUsageGroups)
    .where(isNull(unmatchedUsageGroups.ignoredAt))
    .limit(OPEN_GROUPS_COUNT_CAP + 1)
    .as('open');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(open);
  const n = row?.n ?? 0;
  return { value: Math.min(n, OPEN_GROUPS_COUNT_CAP), capped: n > OPEN_GROUPS_COUNT_CAP };
}

const GONE = 'This group is no longer in the inbox: its events were routed to a customer meanwhile.';

/** Mutes a group (it stays, listed under Ignored) or brings it back; audited. */
export async function setUnmatchedGroupIgnored(
  actor: Actor,
  identifier: string,
  ignored: boolean,
): Promise<ActionResult<{ identifier: string; ignoredAt: string | null }>> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(unmatchedUsageGroups)
      .set({ ignoredAt: ignored ? sql`now()` : null })
      .where(
        and(
          eq(unmatchedUsageGroups.identifier, identifier),
          ignored ? isNull(unmatchedUsageGroups.ignoredAt) : isNotNull(unmatchedUsageGroups.ignoredAt),
        ),
      )
      .returning({ ignoredAt: unmatchedUsageGroups.ignoredAt });
    if (!row) {
      // Already as asked (another tab, a second click), or gone.
      const [current] = await tx
        .select({ ignoredAt: unmatchedUsageGroups.ignoredAt })
        .from(unmatchedUsageGroups)
        .where(eq(unmatchedUsageGroups.identifier, identifier));
      return current ? ok({ identifier, ignoredAt: iso(current.ignoredAt) }) : failure(GONE);
    }
    const ignoredAt = iso(row.ignoredAt);
    await recordAudit(tx, actor, {
      action: ignored ? 'unmatched_usage.ignore' : 'unmatched_usage.unignore',
      entityType: 'unmatched_usage',
      entityId: identifier,
      entityLabel: identifier,
      changes: [{ field: 'ignored', old: !ignored, new: ignored }],
    });
    return ok({ identifier, ignoredAt });
  });
}

/** A refusal decided inside the transaction: nothing it wrote is kept. */
class Refused extends Error {}

/**
 * Gives `identifier` to the customer as an ingest alias, with the customer form's rules and audit
 * (a customer.update entry, a new version), and routes the group's held events to the customer:
 * they are matched by that alias, counted in the customer's daily counts and summary, and the
 * group leaves the inbox. All in one transaction, under the identifier's exclusive lock, so an
 * event ingested meanwhile is either held (and moved here) or matched by the new alias: never
 * both, never neither. An alias another customer holds is refused, naming it, and nothing moves.
 */
export async function addUnmatchedAsAlias(
  actor: Actor,
  identifier: string,
  customerId: string,
): Promise<ActionResult<AddedAlias>> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  try {
    const added = await inTransaction(db, async (tx) => {
      await lockIdentifierExclusive(tx, identifier);
      const [group] = await tx
        .select({ identifier: unmatchedUsageGroups.identifier })
        .from(unmatchedUsageGroups)
        .where(eq(unmatchedUsageGroups.identifier, identifier))
        .for('update');
      if (!group) throw new Refused(GONE);
      let aliasAdded = false;
      const { before } = await updateCustomerRecord(tx, actor, customerId, (current) => {
        if (current.ingestAliases.includes(identifier)) return {};
        aliasAdded = true;
        return { ingestAliases: withAlias(current.ingestAliases, identifier) };
      });
      const moved = await routeHeldEvents(tx, identifier, customerId);
      await tx.delete(unmatchedUsageGroups).where(eq(unmatchedUsageGroups.identifier, identifier));
      return { customerId, customerName: before.name, aliasAdded, ...moved };
    });
    return ok(added);
  } catch (err) {
    if (err instanceof Refused) return failure(err.message);
    if (err instanceof V1Error && err.status === 404) return failure('This customer no longer exists.');
    if (violatedUniqueConstraint(err) === 'customer_ingest_aliases_alias_key') {
      const owner = (await findAliasOwners([identifier], db)).get(identifier);
      const name = owner ? `${owner.name}${owner.archived ? ' (archived)' : ''}` : 'another customer';
      return failure(`Not added: “${identifier}” is already an ingest alias of customer ${name}.`, {
        customerId: [`Already used by customer ${name}`],
      });
    }
    throw err;
  }
}

/** The customer's aliases with one more, checked by the customer form's rules (length, how many). */
function withAlias(aliases: string[], alias: string): string[] {
  const parsed = CUSTOMER_FIELDS.ingestAliases.rule.safeParse([...aliases, alias].map((value) => ({ value })));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refused(`Not added: ${issue?.message ?? 'this alias is not valid'}.`);
  }
  return parsed.data;
}

/**
 * Matches the identifier's held events to the customer by alias, and adds the counted ones (not
 * duplicates) to its daily counts (UTC day of the event's timestamp) and summary. One statement:
 * the events it moves are exactly the ones it counts.
 */
async function routeHeldEvents(tx: Database, identifier: string, customerId: string) {
  const [row] = await rowsOf<{ moved: number; counted: number }>(
    tx.execute(sql`
    with moved as (
      update usage_events
      set matched_customer_id = ${customerId}::uuid, matched_by = 'alias', matched_key = ${identifier}::text,
        unmatched_reason = null
      where sent_customer_id = ${identifier}::text and matched_customer_id is null
      returning occurred_at, event_type, received_at, is_duplicate
    ), counted as (
      select (occurred_at at time zone 'UTC')::date as day, event_type, count(*)::bigint as events,
        max(received_at) as last_received_at
      from moved where not is_duplicate group by 1, 2
    ), daily as (
      insert into usage_daily_counts (customer_id, day, event_type, matched_by, matched_key, events, last_received_at)
      select ${customerId}::uuid, day, event_type, 'alias', ${identifier}::text, events, last_received_at from counted
      on conflict (customer_id, day, event_type, matched_by, matched_key) do update
      set events = usage_daily_counts.events + excluded.events,
        last_received_at = greatest(usage_daily_counts.last_received_at, excluded.last_received_at)
    ), summary as (
      insert into customer_usage_summary (customer_id, last_received_at)
      select ${customerId}::uuid, max(last_received_at) from counted having count(*) > 0
      on conflict (customer_id) do update
      set last_received_at = greatest(customer_usage_summary.last_received_at, excluded.last_received_at)
    )
    select (select count(*) from moved)::int as moved, (select coalesce(sum(events), 0) from counted)::int as counted`),
  );
  return { movedEvents: row?.moved ?? 0, countedEvents: row?.counted ?? 0 };
}
