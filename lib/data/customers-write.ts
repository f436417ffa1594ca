/**
 * Writing customers: create, edit, archive. Every write checks the caller, runs in one
 * transaction with its audit entry, and turns what the database refused into messages next to
 * the fields. The reads are in customers.ts.
 */
import 'server-only';
import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { writeCustomerChildren, writeNewCustomersChildren, type CustomerChildren } from '@/db/customer-children';
import { customers } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { failure, ok, type ActionResult, type FieldErrors } from '@/lib/action-result';
import type { ChangedBy } from '@/lib/validations/audit';
import { CUSTOMER_FIELD_NAMES, customerId, type CustomerInput } from '@/lib/validations/customer';
import { createdFields, diffRecords, lastActor, recordAudit, recordAudits, type AuditChange } from './audit';
import {
  findAliasOwners,
  findCustomFieldValueOwners,
  iso,
  loadCustomer,
  type AliasOwner,
  type CustomerDetail,
} from './customers';
import { pgErrorCode, violatedUniqueConstraint } from './db-errors';
import { pricePlanRefusal } from './price-plans';
import { insertJsonRows } from './json-insert';
import { inTransaction } from './transaction';

/** The fields an audit entry compares, in the portal's order. */
export function auditable(c: CustomerInput | CustomerDetail): Record<string, unknown> {
  return Object.fromEntries(CUSTOMER_FIELD_NAMES.map((field) => [field, c[field]]));
}

export const CUSTOMER_LIST_FIELDS = [
  'ingestAliases',
  'secondaryEmails',
  'tags',
  'measurementMappings',
  'billingProviders',
] as const;

const ownerLabel = (o: AliasOwner) => (o.archived ? `${o.name} (archived)` : o.name);

/**
 * After the database refused a write, says which fields clash and with whom: the ID, the
 * external ID and every alias, so the user fixes all of them at once. Reads only; the database
 * already decided. `self` is the customer being edited, which may hold its own values.
 */
async function conflictErrors(input: CustomerInput, self?: string) {
  const db = await getDb();
  const notSelf = self ? ne(customers.id, self) : undefined;
  const [holder] = await db
    .select({ name: customers.name })
    .from(customers)
    .where(and(sql`lower(${customers.name}) = lower(${input.name})`, notSelf));
  const [externalHolder] = input.externalId
    ? await db
        .select({ name: customers.name })
        .from(customers)
        .where(and(eq(customers.externalId, input.externalId), notSelf))
    : [];
  const owners = await findAliasOwners(input.ingestAliases);
  const valueOwners = await findCustomFieldValueOwners(db, input.customFields);
  const fieldErrors: FieldErrors = {};
  if (holder) {
    fieldErrors.name = [
      holder.name === input.name
        ? 'This ID is already taken'
        : `This ID is already taken by “${holder.name}” (IDs are compared ignoring case)`,
    ];
  }
  if (externalHolder) fieldErrors.externalId = [`Already used by customer ${externalHolder.name}`];
  let aliasesTaken = 0;
  input.ingestAliases.forEach((alias, i) => {
    const owner = owners.get(alias);
    if (!owner || owner.id === self) return;
    aliasesTaken++;
    fieldErrors[`ingestAliases.${i}.value`] = [`Already used by customer ${ownerLabel(owner)}`];
  });
  let valuesTaken = 0;
  Object.keys(input.customFields).forEach((key, i) => {
    const owner = valueOwners.get(key);
    if (!owner || owner.id === self) return;
    valuesTaken++;
    fieldErrors[`customFields.${i}.value`] = [`Must be unique: already used by customer ${ownerLabel(owner)}`];
  });
  const reasons = [
    holder ? 'the ID is already taken' : null,
    externalHolder ? 'the external ID is already taken' : null,
    aliasesTaken === 1 ? 'an ingest alias belongs to another customer' : null,
    aliasesTaken > 1 ? `${aliasesTaken} ingest aliases belong to other customers` : null,
    valuesTaken > 0 ? 'a custom field value that must be unique belongs to another customer' : null,
  ].filter(Boolean);
  if (reasons.length === 0) {
    return refused(
      'conflict',
      failure('Another change took this ID, an alias or a unique value a moment ago. Please try again.'),
    );
  }
  return refused('conflict', failure(`Not saved: ${reasons.join(' and ')}.`, fieldErrors));
}

/** A price plan that is archived, given to a customer that did not have it. */
class ArchivedPlan extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

async function refuseArchivedPlan(tx: Database, name: string) {
  const reason = await pricePlanRefusal(tx, name);
  if (reason) throw new ArchivedPlan(reason);
}

const UNIQUE_FIELDS = new Set([
  'customers_name_key',
  'customers_external_id_key',
  'customer_ingest_aliases_alias_key',
  'custom_field_unique_values_key',
]);

/** A write the database refused: a value someone else holds (HTTP 409), or one that is not valid (422). */
export type CustomerRefusal = ReturnType<typeof failure> & { reason: 'conflict' | 'invalid' };

const refused = (reason: CustomerRefusal['reason'], result: ReturnType<typeof failure>): CustomerRefusal => ({
  ...result,
  reason,
});

/** Maps what the database refused to messages next to fields; anything else is a real error. */
async function refusal(err: unknown, input: CustomerInput, self?: string): Promise<CustomerRefusal> {
  const constraint = violatedUniqueConstraint(err);
  if (err instanceof ArchivedPlan) {
    return refused('invalid', failure('Not saved: that price plan is archived.', { pricePlanName: [err.reason] }));
  }
  if (constraint !== null && UNIQUE_FIELDS.has(constraint)) return conflictErrors(input, self);
  if (pgErrorCode(err) === '23503') {
    return refused(
      'invalid',
      failure('Not saved: that price plan no longer exists.', {
        pricePlanName: ['This price plan no longer exists; choose another'],
      }),
    );
  }
  throw err;
}

/** The fields of a record stored in the customer's own row. */
export function customerColumns(input: CustomerInput) {
  const { ingestAliases, billingProviders, ...fields } = input;
  return fields;
}

/**
 * Writes a change of a customer (the portal's edit form, a /v1 write), in the caller's
 * transaction: the row's columns named in `record` with a new version, the child rows named in
 * `children` (default: those in `record`), and the audit entry. With `expectedVersion`, only if the
 * row still has that version: the new version, or null when it has moved on.
 */
export async function writeCustomerChange(
  tx: Database,
  actor: Actor,
  id: string,
  change: {
    record: Partial<CustomerInput>;
    children?: CustomerChildren;
    label: string;
    changes: ReturnType<typeof diffRecords>;
    expectedVersion?: number;
  },
): Promise<number | null> {
  const versionMatches =
    change.expectedVersion === undefined ? undefined : eq(customers.version, change.expectedVersion);
  const [row] = await tx
    .update(customers)
    .set({
      ...customerColumns(change.record as CustomerInput),
      version: sql`${customers.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(customers.id, id), versionMatches))
    .returning({ version: customers.version });
  if (!row) return null;
  await writeCustomerChildren(tx, id, change.children ?? change.record);
  await recordAudit(tx, actor, {
    action: 'customer.update',
    entityType: 'customer',
    entityId: id,
    entityLabel: change.label,
    changes: change.changes,
  });
  return row.version;
}

/**
 * What made a write, for its audit entry beside the changed fields (an import names itself, so
 * History says which file changed the customer).
 */
export type AuditNote = AuditChange;

/** Creates a customer with its aliases and billing providers in one transaction. */
export async function insertCustomer(
  actor: Actor,
  input: CustomerInput,
  note?: AuditNote,
): Promise<ActionResult<{ id: string }> | CustomerRefusal> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  try {
    const id = await inTransaction(db, async (tx) => {
      if (input.pricePlanName) await refuseArchivedPlan(tx, input.pricePlanName);
      const [row] = await tx.insert(customers).values(customerColumns(input)).returning({ id: customers.id });
      if (!row) throw new Error('insert returned no row');
      await writeCustomerChildren(tx, row.id, input);
      await recordAudit(tx, actor, {
        action: 'customer.create',
        entityType: 'customer',
        entityId: row.id,
        entityLabel: input.name,
        changes: [...createdFields(auditable(input), CUSTOMER_LIST_FIELDS), ...(note ? [note] : [])],
      });
      return row.id;
    });
    return ok({ id });
  } catch (err) {
    return refusal(err, input);
  }
}

/** Whether `refusal` would turn this error into a message for the user, rather than throw it. */
function isRefusal(err: unknown): boolean {
  const constraint = violatedUniqueConstraint(err);
  return (
    err instanceof ArchivedPlan ||
    (constraint !== null && UNIQUE_FIELDS.has(constraint)) ||
    pgErrorCode(err) === '23503'
  );
}

/**
 * Creates many customers as insertCustomer creates each (the same rows, children and audit
 * entries), a statement for each kind of row: the import's fast path. All or none: null when the
 * database refused any of them, so the caller writes them one by one to learn each one's error.
 */
export async function insertCustomers(
  actor: Actor,
  inputs: CustomerInput[],
  note?: AuditNote,
): Promise<string[] | null> {
  assertCan(actor, 'customers:write');
  if (inputs.length === 0) return [];
  const db = await getDb();
  try {
    return await inTransaction(db, async (tx) => {
      for (const plan of new Set(inputs.flatMap((i) => (i.pricePlanName ? [i.pricePlanName] : [])))) {
        await refuseArchivedPlan(tx, plan);
      }
      const rows = await insertJsonRows<typeof customers, { id: string; name: string }>(
        tx,
        customers,
        inputs.map(customerColumns),
        sql`id, name`,
      );
      // RETURNING's order is not promised: match each row to its input by its (unique) ID.
      const idOf = new Map(rows.map((r) => [r.name, r.id]));
      const created = inputs.map((input) => ({ id: idOf.get(input.name)!, input }));
      await writeNewCustomersChildren(
        tx,
        created.map(({ id, input }) => ({ id, children: input })),
      );
      await recordAudits(
        tx,
        actor,
        created.map(({ id, input }) => ({
          action: 'customer.create',
          entityType: 'customer',
          entityId: id,
          entityLabel: input.name,
          changes: [...createdFields(auditable(input), CUSTOMER_LIST_FIELDS), ...(note ? [note] : [])],
        })),
      );
      return created.map((c) => c.id);
    });
  } catch (err) {
    if (isRefusal(err)) return null;
    throw err;
  }
}

/**
 * A save: `unchanged` when the edit matched the stored record, so nothing was written (no audit
 * entry, the same version). A conflict names who saved first (`isYou`: the editor, in another tab).
 */
export type UpdateCustomerResult =
  | ActionResult<{ id: string; version: number; unchanged?: true }>
  | { ok: false; message: string; conflict: CustomerDetail; changedBy: ChangedBy | null };

class VersionConflict extends Error {}

/**
 * Saves an edit made on `expectedVersion`. If anyone saved in between, nothing is written and
 * the current record comes back, so the editor can see what changed.
 */
export async function updateCustomer(
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: CustomerInput,
  note?: AuditNote,
): Promise<UpdateCustomerResult | null> {
  assertCan(actor, 'customers:write');
  if (!customerId.safeParse(id).success) return null;
  const db = await getDb();
  try {
    const saved = await inTransaction(db, async (tx) => {
      const before = await loadCustomer(tx, id, true); // row lock: edits of one customer queue here
      if (!before) return null;
      if (before.version !== expectedVersion) throw new VersionConflict();
      if (input.pricePlanName && input.pricePlanName !== before.pricePlanName) {
        await refuseArchivedPlan(tx, input.pricePlanName); // a customer that has it keeps it
      }
      const changes = diffRecords(auditable(before), auditable(input), CUSTOMER_LIST_FIELDS);
      if (changes.length === 0) return { version: before.version, unchanged: true as const };
      const version = await writeCustomerChange(tx, actor, id, {
        record: input,
        label: input.name,
        changes: note ? [...changes, note] : changes,
        expectedVersion,
      });
      if (version === null) throw new VersionConflict();
      return { version };
    });
    if (saved === null) return null;
    return ok({ id, ...saved });
  } catch (err) {
    if (err instanceof VersionConflict) {
      const current = await loadCustomer(db, id);
      if (!current) return null;
      const last = await lastActor(db, 'customer', id);
      return {
        ok: false,
        message: 'This customer was saved by someone else while you were editing.',
        conflict: current,
        changedBy: last && { name: last.name, email: last.email, isYou: last.id === actor.id },
      };
    }
    return refusal(err, input, id);
  }
}

/**
 * Archives or unarchives a customer in the caller's transaction, with its audit entry: the new
 * state, or null when there is no such customer or it already was so (nothing written).
 */
export async function writeCustomerArchived(
  tx: Database,
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<{ archivedAt: string | null; version: number } | null> {
  // The row lock keeps `archivedAt` as read until this transaction ends.
  const [current] = await tx
    .select({ archivedAt: customers.archivedAt })
    .from(customers)
    .where(eq(customers.id, id))
    .for('update');
  if (!current || (current.archivedAt !== null) === archived) return null;
  const [row] = await tx
    .update(customers)
    .set({
      archivedAt: archived ? sql`now()` : null,
      version: sql`${customers.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(customers.id, id), archived ? isNull(customers.archivedAt) : isNotNull(customers.archivedAt)))
    .returning({ name: customers.name, archivedAt: customers.archivedAt, version: customers.version });
  if (!row) return null;
  await recordAudit(tx, actor, {
    action: archived ? 'customer.archive' : 'customer.unarchive',
    entityType: 'customer',
    entityId: id,
    entityLabel: row.name,
    changes: [{ field: 'archivedAt', old: iso(current.archivedAt), new: iso(row.archivedAt) }],
  });
  return { archivedAt: iso(row.archivedAt), version: row.version };
}

/** Archives or unarchives; returns the new state, or null for an unknown customer. */
export async function setCustomerArchived(
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<{ archivedAt: string | null; version: number } | null> {
  assertCan(actor, 'customers:write');
  if (!customerId.safeParse(id).success) return null;
  const db = await getDb();
  const changed = await inTransaction(db, (tx) => writeCustomerArchived(tx, actor, id, archived));
  if (changed) return changed;
  const current = await loadCustomer(db, id);
  return current ? { archivedAt: current.archivedAt, version: current.version } : null;
}
