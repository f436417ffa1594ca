/**
 * One change made to many customers from the list (archive, unarchive, add or remove a tag, set
 * the price plan), a batch per transaction. Each changed customer gets its own audit entry through
 * the writers of single changes; one changed by someone else since the selection was made is
 * reported and left as it is.
 */
import 'server-only';
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { customers, pricePlans } from '@/db/schema';
import { failure, ok, type ActionResult } from '@/lib/action-result';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { MAX_TAGS } from '@/lib/validations/customer';
import type { BulkAction, BulkOutcome } from '@/lib/validations/customer-bulk';
import type { CustomerFilters } from '@/lib/validations/customer-filters';
import { diffRecords } from './audit';
import { matchConditions } from './customers';
import { rowsOf } from './raw-rows';
import { CUSTOMER_LIST_FIELDS, writeCustomerArchived, writeCustomerChange } from './customers-write';
import { inTransaction } from './transaction';

type Locked = {
  id: string;
  name: string;
  version: number;
  tags: string[];
  pricePlanName: string | null;
  archivedAt: Date | null;
  /** Changed since the selection was made. */
  moved: boolean;
};

const lockedColumns = (moved: SQL<boolean>) => ({
  id: customers.id,
  name: customers.name,
  version: customers.version,
  tags: customers.tags,
  pricePlanName: customers.pricePlanName,
  archivedAt: customers.archivedAt,
  moved,
});

/** The customer's tags after the action, or null when it cannot take it (too many tags). */
function nextTags(tags: string[], action: Extract<BulkAction, { kind: 'addTag' | 'removeTag' }>): string[] | null {
  if (action.kind === 'removeTag') return tags.filter((t) => t !== action.tag);
  // Tags are told apart ignoring case (as the form does): "VIP" already holds "vip".
  if (tags.some((t) => t.toLowerCase() === action.tag.toLowerCase())) return tags;
  return tags.length >= MAX_TAGS ? null : [...tags, action.tag];
}

/** Why the plan cannot be given to anyone, or null when it can (null plan: clears it). */
async function planRefusal(tx: Database, plan: string | null): Promise<string | null> {
  if (plan === null) return null;
  const [row] = await tx
    .select({ archivedAt: pricePlans.archivedAt })
    .from(pricePlans)
    .where(eq(pricePlans.name, plan))
    .for('share');
  if (!row) return 'That price plan no longer exists.';
  return row.archivedAt ? 'That price plan is archived; choose another.' : null;
}

class PlanRefused extends Error {}

/** Applies the action to locked rows; counts what came of it. */
async function applyTo(tx: Database, actor: Actor, action: BulkAction, rows: Locked[], outcome: BulkOutcome) {
  for (const row of rows) {
    if (row.moved) {
      outcome.conflicts.push({ id: row.id, name: row.name });
      continue;
    }
    if (action.kind === 'archive' || action.kind === 'unarchive') {
      const done = await writeCustomerArchived(tx, actor, row.id, action.kind === 'archive');
      if (done) outcome.changed++;
      else outcome.unchanged++;
      continue;
    }
    const before = action.kind === 'setPlan' ? { pricePlanName: row.pricePlanName } : { tags: row.tags };
    let after: Partial<Pick<Locked, 'tags' | 'pricePlanName'>>;
    if (action.kind === 'setPlan') after = { pricePlanName: action.plan };
    else {
      const tags = nextTags(row.tags, action);
      if (tags === null) {
        outcome.refused.push({ id: row.id, name: row.name });
        continue;
      }
      after = { tags };
    }
    const changes = diffRecords(before, after, CUSTOMER_LIST_FIELDS);
    if (changes.length === 0) {
      outcome.unchanged++;
      continue;
    }
    const version = await writeCustomerChange(tx, actor, row.id, {
      record: after as { tags?: string[]; pricePlanName?: string | null },
      children: {},
      label: row.name,
      changes,
      expectedVersion: row.version,
    });
    if (version === null) outcome.conflicts.push({ id: row.id, name: row.name });
    else outcome.changed++;
  }
}

const emptyOutcome = (): BulkOutcome => ({
  changed: 0,
  unchanged: 0,
  conflicts: [],
  refused: [],
  missing: 0,
  after: null,
});

async function runBatch(
  actor: Actor,
  action: BulkAction,
  lock: (tx: Database) => Promise<Locked[]>,
  batch: { expected: number } | { size: number },
): Promise<ActionResult<BulkOutcome>> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  try {
    const outcome = await inTransaction(db, async (tx) => {
      const result = emptyOutcome();
      if (action.kind === 'setPlan') {
        const refusal = await planRefusal(tx, action.plan);
        if (refusal) throw new PlanRefused(refusal);
      }
      const rows = await lock(tx);
      if ('expected' in batch) result.missing = batch.expected - rows.length;
      await applyTo(tx, actor, action, rows, result);
      // A view's batch that came back full may have more after it.
      if ('size' in batch && rows.length === batch.size) result.after = rows[rows.length - 1]!.id;
      return result;
    });
    return ok(outcome);
  } catch (err) {
    if (err instanceof PlanRefused) return failure(err.message);
    throw err;
  }
}

/**
 * The action on these customers, each expected at the version the list showed (one at another
 * version is reported in `conflicts`). Rows are locked in uuid order, so two bulk changes that
 * share customers queue rather than deadlock.
 */
export async function bulkChangeCustomers(
  actor: Actor,
  action: BulkAction,
  chosen: { id: string; version: number }[],
): Promise<ActionResult<BulkOutcome>> {
  const expected = new Map(chosen.map((c) => [c.id, c.version]));
  return runBatch(
    actor,
    action,
    async (tx) => {
      const rows = await tx
        .select(lockedColumns(sql<boolean>`false`))
        .from(customers)
        .where(inArray(customers.id, [...expected.keys()]))
        .orderBy(asc(customers.id))
        .for('update');
      return rows.map((r) => ({ ...r, moved: r.version !== expected.get(r.id) }));
    },
    { expected: expected.size },
  );
}

/**
 * The action on the next `size` customers of a view after the uuid `after` (the view's order does
 * not matter to a change, and uuid order resumes where a batch ended even as rows leave the view).
 * A customer changed after `asOf`, when the view was chosen, is reported, not changed. `asOf` is
 * read from the database (viewSnapshotTime) and updated_at is kept to the millisecond (rounded),
 * so it is moved back a millisecond: a change made just before it may be reported too, never one
 * made after it missed.
 */
export async function bulkChangeView(
  actor: Actor,
  action: BulkAction,
  filters: CustomerFilters,
  asOf: string,
  after: string | null,
  size: number,
): Promise<ActionResult<BulkOutcome>> {
  const moved = sql<boolean>`${customers.updatedAt} > ${asOf}::timestamptz - interval '1 millisecond'`;
  return runBatch(
    actor,
    action,
    (tx) =>
      tx
        .select(lockedColumns(moved))
        .from(customers)
        .where(and(...matchConditions(filters), after ? gt(customers.id, after) : undefined))
        .orderBy(asc(customers.id))
        .limit(size)
        .for('update', { of: customers }),
    { size },
  );
}

/** The database's time now: when a view was chosen, for bulkChangeView's `asOf`. */
export async function viewSnapshotTime(actor: Actor): Promise<string> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  const [row] = await rowsOf<{ now: string }>(
    db.execute(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`),
  );
  return row!.now;
}
