import 'server-only';
import { asc, count, eq, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { customers, pricePlans } from '@/db/schema';
import { failure, ok, type ActionResult } from '@/lib/action-result';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { recordAudit } from './audit';
import type { PricePlanInput } from '@/lib/validations/price-plan';
import { violatedUniqueConstraint } from './db-errors';

export interface PricePlanRow {
  name: string;
  displayName: string;
  description: string | null;
  createdAt: string;
  /** Customers on this plan, archived ones included (they still hold it). */
  customerCount: number;
}

/** Every price plan with how many customers are on it, by display name (ignoring case). */
export async function listPricePlans(actor: Actor): Promise<PricePlanRow[]> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const rows = await db
    .select({
      name: pricePlans.name,
      displayName: pricePlans.displayName,
      description: pricePlans.description,
      createdAt: pricePlans.createdAt,
      customerCount: count(customers.id),
    })
    .from(pricePlans)
    .leftJoin(customers, eq(customers.pricePlanName, pricePlans.name))
    .groupBy(pricePlans.name)
    .orderBy(sql`lower(${pricePlans.displayName})`, asc(pricePlans.name));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export interface PricePlanOption {
  name: string;
  displayName: string;
}

/** The plans to pick from (a form's select, the list's filter): no counting of customers. */
export async function listPricePlanOptions(actor: Actor): Promise<PricePlanOption[]> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  return db
    .select({ name: pricePlans.name, displayName: pricePlans.displayName })
    .from(pricePlans)
    .orderBy(sql`lower(${pricePlans.displayName})`, asc(pricePlans.name));
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
    const name = await db.transaction(async (t) => {
      const tx = t as unknown as Database;
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
