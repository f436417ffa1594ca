import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { sameValue } from '../lib/same-value';
import type { Database } from './index';
import {
  customerBillingProviders,
  customerIngestAliases,
  customers,
  customerSearchText,
  customFieldKeys,
  customFieldUniqueValues,
} from './schema';

/** A billing provider configuration as the portal's form and /v1 give it. */
export interface BillingProviderChild {
  billingProvider: string;
  deliveryMethod: string;
  configuration: Record<string, string | boolean>;
}

/**
 * What a customer has beside its own row: its ingest aliases, its active billing provider
 * configurations (in order) and, for the unique-value table, its custom fields. A part left out is
 * left as it is.
 */
export interface CustomerChildren {
  ingestAliases?: string[];
  billingProviders?: BillingProviderChild[];
  customFields?: Record<string, string>;
}

/**
 * Writes a customer's aliases, active billing providers and unique custom-field values, and what
 * search finds it by. The one writer of these rows: the data layer's saves (portal and /v1) and
 * the demo seed all come through here. Call it in the transaction that writes the customer's row,
 * after locking or inserting that row.
 */
export async function writeCustomerChildren(tx: Database, id: string, children: CustomerChildren) {
  if (children.ingestAliases) await writeIngestAliases(tx, id, children.ingestAliases);
  if (children.billingProviders) await writeActiveBillingProviders(tx, id, children.billingProviders);
  if (children.customFields) await writeUniqueCustomFieldValues(tx, id, children.customFields);
  await tx.update(customers).set({ searchText: customerSearchText }).where(eq(customers.id, id));
}

/**
 * Writes the child rows of customers just inserted in this transaction, a statement for each kind
 * of row rather than for each customer: what writeCustomerChildren writes for a new customer.
 */
export async function writeNewCustomersChildren(
  tx: Database,
  created: { id: string; children: Required<CustomerChildren> }[],
) {
  if (created.length === 0) return;
  const aliases = created.flatMap(({ id, children }) =>
    children.ingestAliases.map((alias, position) => ({ id, position, alias })),
  );
  if (aliases.length > 0) {
    await tx.execute(sql`insert into ${customerIngestAliases} (customer_id, position, alias)
      select * from unnest(${sql.param(aliases.map((a) => a.id))}::uuid[],
        ${sql.param(aliases.map((a) => a.position))}::int[], ${sql.param(aliases.map((a) => a.alias))}::text[])`);
  }
  const providers = created.flatMap(({ id, children }) =>
    children.billingProviders.map((w, position) => ({ customerId: id, position, ...w })),
  );
  if (providers.length > 0) await tx.insert(customerBillingProviders).values(providers);
  const keys = [...new Set(created.flatMap(({ children }) => Object.keys(children.customFields)))];
  await lockCustomFieldKeys(tx, keys, 'shared');
  if (keys.length > 0) {
    const unique = await tx
      .select({ key: customFieldKeys.key })
      .from(customFieldKeys)
      .where(and(inArray(customFieldKeys.key, keys), eq(customFieldKeys.enforceUniqueness, true)));
    const values = created.flatMap(({ id, children }) =>
      unique.flatMap(({ key }) =>
        key in children.customFields ? [{ key, value: children.customFields[key] ?? '', customerId: id }] : [],
      ),
    );
    if (values.length > 0) await tx.insert(customFieldUniqueValues).values(values);
  }
  await tx
    .update(customers)
    .set({ searchText: customerSearchText })
    .where(
      inArray(
        customers.id,
        created.map((c) => c.id),
      ),
    );
}

async function writeIngestAliases(tx: Database, id: string, aliases: string[]) {
  await tx.delete(customerIngestAliases).where(eq(customerIngestAliases.customerId, id));
  if (aliases.length === 0) return;
  // One array parameter rather than three per alias: 2,000 aliases bind and plan in one go.
  await tx.execute(sql`insert into ${customerIngestAliases} (customer_id, position, alias)
    select ${id}::uuid, (t.ord - 1)::int, t.alias
    from unnest(${sql.param(aliases)}::text[]) with ordinality as t(alias, ord)`);
}

/**
 * Makes the active configurations these, in this order: an unchanged one keeps its row (and id), a
 * changed one is updated in place, a new provider gets a new row, and a provider left out is
 * archived. Archived configurations are never touched.
 */
async function writeActiveBillingProviders(tx: Database, id: string, wanted: BillingProviderChild[]) {
  const active = await tx
    .select()
    .from(customerBillingProviders)
    .where(and(eq(customerBillingProviders.customerId, id), isNull(customerBillingProviders.archivedAt)));
  const byProvider = new Map(active.map((row) => [row.billingProvider, row]));
  const leftOut = active.filter((row) => !wanted.some((w) => w.billingProvider === row.billingProvider));
  await archiveBillingProviderRows(
    tx,
    id,
    leftOut.map((row) => row.id),
  );
  const fresh: (typeof customerBillingProviders.$inferInsert)[] = [];
  for (const [position, w] of wanted.entries()) {
    const row = byProvider.get(w.billingProvider);
    if (!row) {
      fresh.push({ customerId: id, position, ...w });
      continue;
    }
    const same =
      row.position === position &&
      row.deliveryMethod === w.deliveryMethod &&
      sameValue(row.configuration, w.configuration);
    if (same) continue;
    await tx
      .update(customerBillingProviders)
      .set({ position, deliveryMethod: w.deliveryMethod, configuration: w.configuration })
      .where(eq(customerBillingProviders.id, row.id));
  }
  if (fresh.length > 0) await tx.insert(customerBillingProviders).values(fresh);
}

/**
 * Adds active configurations after the customer's others. A provider that already has an active
 * one breaks the partial unique index customer_billing_providers_active_key.
 */
export async function insertBillingProviders(tx: Database, id: string, rows: BillingProviderChild[]) {
  if (rows.length === 0) return [];
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${customerBillingProviders.position}), -1)::int` })
    .from(customerBillingProviders)
    .where(eq(customerBillingProviders.customerId, id));
  const start = (last?.position ?? -1) + 1;
  return tx
    .insert(customerBillingProviders)
    .values(rows.map((r, i) => ({ customerId: id, position: start + i, ...r })))
    .returning();
}

/** Archives these configurations of the customer; already archived ones keep their time. */
export async function archiveBillingProviderRows(tx: Database, id: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx
    .update(customerBillingProviders)
    .set({ archivedAt: sql`now()` })
    .where(
      and(
        eq(customerBillingProviders.customerId, id),
        inArray(customerBillingProviders.id, ids),
        isNull(customerBillingProviders.archivedAt),
      ),
    );
}

/** A customer's configurations, active and archived, oldest first. */
export function billingProviderRows(tx: Database, id: string) {
  return tx
    .select()
    .from(customerBillingProviders)
    .where(eq(customerBillingProviders.customerId, id))
    .orderBy(asc(customerBillingProviders.createdAt), asc(customerBillingProviders.position));
}

/** The advisory-lock class of custom-field keys (any constant of our own). */
const CUSTOM_FIELD_KEY_LOCK = 7007;

/**
 * Holds a key's lock until the transaction ends: shared by writers of values, exclusive for
 * addKey/removeKey, so a key turning unique sees every value written before it, and every value
 * written after it sees the key unique.
 */
export async function lockCustomFieldKeys(tx: Database, keys: string[], mode: 'shared' | 'exclusive') {
  if (keys.length === 0) return;
  const lock = mode === 'shared' ? sql.raw('pg_advisory_xact_lock_shared') : sql.raw('pg_advisory_xact_lock');
  await tx.execute(sql`select ${lock}(${CUSTOM_FIELD_KEY_LOCK}, hashtext(k))
    from (select distinct k from unnest(${sql.param([...keys].sort())}::text[]) as t(k) order by k) s`);
}

/**
 * Records the customer's values of unique keys in custom_field_unique_values, whose unique index
 * refuses a value another customer holds (custom_field_unique_values_key).
 */
async function writeUniqueCustomFieldValues(tx: Database, id: string, fields: Record<string, string>) {
  const keys = Object.keys(fields);
  await lockCustomFieldKeys(tx, keys, 'shared');
  await tx.delete(customFieldUniqueValues).where(eq(customFieldUniqueValues.customerId, id));
  if (keys.length === 0) return;
  const unique = await tx
    .select({ key: customFieldKeys.key })
    .from(customFieldKeys)
    .where(and(inArray(customFieldKeys.key, keys), eq(customFieldKeys.enforceUniqueness, true)));
  if (unique.length === 0) return;
  await tx
    .insert(customFieldUniqueValues)
    .values(unique.map(({ key }) => ({ key, value: fields[key] ?? '', customerId: id })));
}
