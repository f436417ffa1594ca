/**
 * What every /v1 write shares: the transaction (its own, or a savepoint in the caller's, so the
 * route layer can store the idempotent answer with the write), the locked read-change-audit of a
 * customer, and turning what the database refused into the contract's conflicts.
 */
import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db';
import { customers } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import type { CustomerInput } from '@/lib/validations/customer';
import { diffRecords } from './audit';
import { findAliasOwners, findCustomFieldValueOwners, loadCustomer, type CustomerDetail } from './customers';
import { auditable, CUSTOMER_LIST_FIELDS, writeCustomerChange } from './customers-write';
import { violatedUniqueConstraint } from './db-errors';
import { inTransaction } from './transaction';
import { V1Error, type V1Owner } from '@/lib/validations/v1/errors';
import { describeOwner, notFound, ownerOf } from './v1-errors';

/** A customer id from a path or body, lowercased; a malformed one is not found. */
export function knownId(id: string): string {
  if (!z.uuid().safeParse(id).success) throw notFound();
  return id.toLowerCase();
}

export interface V1WriteOptions {
  /**
   * A transaction of the caller's to run in (as a savepoint: a refusal undoes only this write, and
   * the caller's transaction goes on). Without one, the write runs in a transaction of its own.
   */
  tx?: Database;
}

/** What a write was asked to store, to say who holds a value the database refused. */
export interface ConflictContext {
  self?: string;
  ingestAliases?: string[];
  externalId?: string | null;
  customFields?: Record<string, string>;
}

/** Runs `work` as one /v1 write; a unique value someone else holds becomes a V1Error with its owner. */
export async function v1Write<T>(
  opts: V1WriteOptions,
  context: ConflictContext,
  work: (tx: Database) => Promise<T>,
): Promise<T> {
  const db = opts.tx ?? (await getDb());
  try {
    if (opts.tx) return await opts.tx.transaction((t) => work(t as unknown as Database));
    return await inTransaction(db, work);
  } catch (err) {
    if (err instanceof V1Error) throw err;
    const conflict = await conflictFor(db, err, context);
    if (conflict) throw conflict;
    throw err;
  }
}

/**
 * A /v1 write to one customer: the caller may write customers, and an ID that names no customer is
 * a 404, before `v1Write` runs `work` with the customer's ID. A conflict never names the customer
 * itself as the owner.
 */
export async function v1CustomerWrite<T>(
  actor: Actor,
  id: string,
  opts: V1WriteOptions,
  work: (tx: Database, customerId: string) => Promise<T>,
  context: Omit<ConflictContext, 'self'> = {},
): Promise<T> {
  assertCan(actor, 'customers:write');
  const customerId = knownId(id);
  return v1Write(opts, { self: customerId, ...context }, (tx) => work(tx, customerId));
}

async function ownersByIds(db: Database, ids: string[]): Promise<Map<string, V1Owner>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: customers.id, name: customers.name, displayName: customers.displayName })
    .from(customers)
    .where(inArray(customers.id, ids));
  return new Map(rows.map((r) => [r.id, ownerOf(r)]));
}

/** The contract's conflict for a unique value the database refused, or null for any other error. */
async function conflictFor(db: Database, err: unknown, context: ConflictContext): Promise<V1Error | null> {
  const constraint = violatedUniqueConstraint(err);
  if (constraint === 'customer_ingest_aliases_alias_key' && context.ingestAliases) {
    const aliases = context.ingestAliases;
    const holders = await findAliasOwners(aliases, db);
    const owners = await ownersByIds(
      db,
      [...holders.values()].map((h) => h.id),
    );
    const i = aliases.findIndex((a) => holders.get(a) && holders.get(a)!.id !== context.self);
    const owner = i >= 0 ? owners.get(holders.get(aliases[i]!)!.id) : undefined;
    const field = `ingest_aliases[${Math.max(i, 0)}]`;
    const alias = aliases[Math.max(i, 0)] ?? '';
    return new V1Error(
      409,
      'ingest_alias_taken',
      owner
        ? `Ingest alias ${JSON.stringify(alias)} belongs to ${describeOwner(owner)}`
        : `Ingest alias ${JSON.stringify(alias)} belongs to another customer`,
      { field, owner },
    );
  }
  if (constraint === 'customers_external_id_key' && context.externalId) {
    const [holder] = await db
      .select({ id: customers.id, name: customers.name, displayName: customers.displayName })
      .from(customers)
      .where(eq(customers.externalId, context.externalId));
    const owner = holder && ownerOf(holder);
    return new V1Error(
      409,
      'external_id_taken',
      `External ID ${JSON.stringify(context.externalId)} belongs to ${owner ? describeOwner(owner) : 'another customer'}`,
      { field: 'external_id', owner },
    );
  }
  if (constraint === 'custom_field_unique_values_key' && context.customFields) {
    const holders = await findCustomFieldValueOwners(db, context.customFields);
    const key = Object.keys(context.customFields).find((k) => holders.get(k) && holders.get(k)!.id !== context.self);
    const owner = key ? (await ownersByIds(db, [holders.get(key)!.id])).get(holders.get(key)!.id) : undefined;
    return customFieldValueTaken(key ?? '', key ? context.customFields[key]! : '', owner);
  }
  return null;
}

export function customFieldValueTaken(key: string, value: string, owner: V1Owner | undefined) {
  return new V1Error(
    409,
    'custom_field_value_taken',
    `Custom field ${JSON.stringify(key)} must be unique: ${JSON.stringify(value)} belongs to ${owner ? describeOwner(owner) : 'another customer'}`,
    { field: `custom_fields.${key}`, owner },
  );
}

/** What a /v1 write changes in the record (the parts it names; the rest is kept). */
export type RecordPatch = Partial<CustomerInput>;

/**
 * Locks the customer's row, lets `change` decide the new values from the current ones, and, if
 * anything changed, writes them with a new version and an audit entry naming the actor. A /v1
 * write never meets a version conflict: it reads the row under its lock. `writeBillingProviders:
 * false` when `change` wrote the configurations itself (the patch then only tells the audit).
 */
export async function updateCustomerRecord(
  tx: Database,
  actor: Actor,
  id: string,
  change: (before: CustomerDetail) => Promise<RecordPatch> | RecordPatch,
  { writeBillingProviders = true } = {},
): Promise<{ before: CustomerDetail; changed: boolean }> {
  const before = await loadCustomer(tx, id, true);
  if (!before) throw notFound();
  const patch = await change(before);
  const after: CustomerInput = { ...before, ...patch };
  const changes = diffRecords(auditable(before), auditable(after), CUSTOMER_LIST_FIELDS);
  if (changes.length === 0) return { before, changed: false };
  await writeCustomerChange(tx, actor, id, {
    record: patch,
    children: writeBillingProviders ? patch : { ...patch, billingProviders: undefined },
    label: after.name,
    changes,
  });
  return { before, changed: true };
}
