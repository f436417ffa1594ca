import 'server-only';
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { customers, pricePlans } from '@/db/schema';
import { failure, ok, type ActionResult } from '@/lib/action-result';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { recordAudit } from './audit';
import type { PricePlanEditInput, PricePlanInput, PricePlanOption, PricePlanRow } from '@/lib/validations/price-plan';
import { violatedUniqueConstraint } from './db-errors';
import { pickColumns } from './columns';
import { inTransaction } from './transaction';

export type { PricePlanOption, PricePlanRow } from '@/lib/validations/price-plan';

/** Plans with how many customers are on each, by display name (ignoring case). */
async function planRows(where?: SQL): Promise<PricePlanRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      ...pickColumns(pricePlans, ['name', 'displayName', 'description', 'createdAt', 'version', 'archivedAt']),
      customerCount: count(customers.id),
    })
    .from(pricePlans)
    .leftJoin(customers, eq(customers.pricePlanName, pricePlans.name))
    .where(where)
    .groupBy(pricePlans.name)
    .orderBy(sql`lower(${pricePlans.displayName})`, asc(pricePlans.name));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    archivedAt: r.archivedAt?.toISOString() ?? null,
  }));
}

/** Every price plan, archived ones included, with how many customers are on it. */
export async function listPricePlans(actor: Actor): Promise<PricePlanRow[]> {
  assertCan(actor, 'customers:read');
  return planRows();
}

/** The plans to pick from (a form's select, the list's filter): no counting of customers. */
export async function listPricePlanOptions(actor: Actor): Promise<PricePlanOption[]> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  return db
    .select({
      name: pricePlans.name,
      displayName: pricePlans.displayName,
      archived: sql<boolean>`${pricePlans.archivedAt} is not null`,
    })
    .from(pricePlans)
    .orderBy(sql`lower(${pricePlans.displayName})`, asc(pricePlans.name));
}

/** The plans a customer's form offers: the active ones, and the one it has now even if archived. */
export function selectablePricePlans(options: PricePlanOption[], current?: string | null): PricePlanOption[] {
  return options.filter((p) => !p.archived || p.name === current);
}

/** Every plan's display name by its key, for showing stored keys (in the audit trail) as names. */
export async function pricePlanNames(actor: Actor): Promise<Record<string, string>> {
  const options = await listPricePlanOptions(actor);
  return Object.fromEntries(options.map((p) => [p.name, p.displayName]));
}

// Keys are unique ignoring case: the primary key catches an exact repeat, the index on lower(name) the rest.
const KEY_CONSTRAINTS = new Set(['price_plans_pkey', 'price_plans_name_key']);

/** After the database refused a key: says so next to the Key field, naming the plan that holds it. */
async function keyTaken(name: string) {
  const db = await getDb();
  const [holder] = await db
    .select({ name: pricePlans.name })
    .from(pricePlans)
    .where(sql`lower(${pricePlans.name}) = lower(${name})`);
  const message =
    !holder || holder.name === name
      ? 'This key is already taken'
      : `This key is already taken by “${holder.name}” (keys are compared ignoring case)`;
  return failure('Not saved: the key is already taken.', { name: [message] });
}

export async function insertPricePlan(actor: Actor, input: PricePlanInput): Promise<ActionResult<{ name: string }>> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  try {
    const name = await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(pricePlans)
        .values({ name: input.name, displayName: input.displayName, description: input.description })
        .returning({ name: pricePlans.name });
      if (!row) throw new Error('insert returned no row');
      await recordAudit(tx, actor, {
        action: 'price_plan.create',
        entityType: 'price_plan',
        entityId: row.name,
        entityLabel: input.displayName,
        changes: [
          { field: 'name', old: null, new: input.name },
          { field: 'displayName', old: null, new: input.displayName },
          { field: 'description', old: null, new: input.description },
        ],
      });
      return row.name;
    });
    return ok({ name });
  } catch (err) {
    const constraint = violatedUniqueConstraint(err);
    if (constraint !== null && KEY_CONSTRAINTS.has(constraint)) return keyTaken(input.name);
    throw err;
  }
}

/**
 * Refuses an archived plan for a customer that does not hold it yet. Call it inside the
 * customer's transaction: the share lock waits for an archive under way, and holds one off until
 * the customer is saved, so a plan is never given out after it was archived.
 */
export async function pricePlanRefusal(tx: Database, name: string): Promise<string | null> {
  const [plan] = await tx
    .select({ archivedAt: pricePlans.archivedAt })
    .from(pricePlans)
    .where(eq(pricePlans.name, name))
    .for('share');
  if (plan?.archivedAt) return 'This price plan is archived; choose another';
  return null; // a missing plan is the foreign key's to refuse
}

export type UpdatePricePlanResult =
  ActionResult<{ name: string; version: number }> | { ok: false; message: string; conflict: PricePlanRow };

async function loadPricePlan(name: string): Promise<PricePlanRow | null> {
  return (await planRows(eq(pricePlans.name, name)))[0] ?? null;
}

/**
 * Renames (display name) and describes a plan, as edited on `expectedVersion`. The key stays:
 * customers and usage are matched by it. If someone saved the plan in between, nothing is
 * written and the plan as it is now comes back.
 */
export async function updatePricePlan(
  actor: Actor,
  name: string,
  expectedVersion: number,
  input: PricePlanEditInput,
): Promise<UpdatePricePlanResult> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  const outcome = await inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(pricePlans).where(eq(pricePlans.name, name)).for('update');
    if (!before) return 'missing' as const;
    if (before.version !== expectedVersion) return 'conflict' as const;
    const changes = [
      ...(before.displayName !== input.displayName
        ? [{ field: 'displayName', old: before.displayName, new: input.displayName }]
        : []),
      ...(before.description !== input.description
        ? [{ field: 'description', old: before.description, new: input.description }]
        : []),
    ];
    if (changes.length === 0) return { version: before.version, changed: false };
    // The version in the WHERE too: the database, not this read, decides who saved first.
    const [row] = await tx
      .update(pricePlans)
      .set({ displayName: input.displayName, description: input.description, version: sql`${pricePlans.version} + 1` })
      .where(and(eq(pricePlans.name, name), eq(pricePlans.version, expectedVersion)))
      .returning({ version: pricePlans.version });
    if (!row) return 'conflict' as const;
    await recordAudit(tx, actor, {
      action: 'price_plan.update',
      entityType: 'price_plan',
      entityId: name,
      entityLabel: input.displayName,
      changes,
    });
    return { version: row.version, changed: true };
  });
  if (outcome === 'missing') return failure('This price plan no longer exists.');
  if (outcome === 'conflict') {
    const current = await loadPricePlan(name);
    if (!current) return failure('This price plan no longer exists.');
    return { ok: false, message: 'Someone else saved this price plan while you were editing.', conflict: current };
  }
  return ok({ name, version: outcome.version });
}

/**
 * Archives a plan (customers that have it keep it; no other can be given it) or brings it back.
 * Archiving or unarchiving what already is so writes nothing.
 */
export async function setPricePlanArchived(
  actor: Actor,
  name: string,
  archived: boolean,
): Promise<ActionResult<{ name: string; archivedAt: string | null }>> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(pricePlans).where(eq(pricePlans.name, name)).for('update');
    if (!before) return failure('This price plan no longer exists.');
    if ((before.archivedAt !== null) === archived) {
      return ok({ name, archivedAt: before.archivedAt?.toISOString() ?? null });
    }
    const [row] = await tx
      .update(pricePlans)
      .set({ archivedAt: archived ? sql`now()` : null, version: sql`${pricePlans.version} + 1` })
      .where(eq(pricePlans.name, name))
      .returning({ archivedAt: pricePlans.archivedAt });
    const archivedAt = row?.archivedAt?.toISOString() ?? null;
    await recordAudit(tx, actor, {
      action: archived ? 'price_plan.archive' : 'price_plan.unarchive',
      entityType: 'price_plan',
      entityId: name,
      entityLabel: before.displayName,
      changes: [{ field: 'archivedAt', old: before.archivedAt?.toISOString() ?? null, new: archivedAt }],
    });
    return ok({ name, archivedAt });
  });
}
