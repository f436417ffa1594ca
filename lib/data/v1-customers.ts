/**
 * Customers for the /v1 API: create, retrieve, list, archive, set name, set aliases, update
 * config, and the mapping of the record to the contract's JSON objects (Customer, CustomerDetail).
 * Same tables, rules and conflict messages as the portal; every write checks the actor, locks the
 * customer's row, bumps its version and records its audit entries in one transaction.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db';
import { insertBillingProviders, writeCustomerChildren } from '@/db/customer-children';
import { customerIngestAliases, customers } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import type { BillingProviderConfiguration } from '@/lib/validations/billing-providers';
import { emptyCustomerRecord, type CustomerInput } from '@/lib/validations/customer';
import type { CreateCustomerBody, ListCustomersQuery, UpdateCustomerConfigBody } from '@/lib/validations/v1/customers';
import type { V1Customer, V1CustomerDetail } from '@/lib/validations/v1/objects';
import { PORTAL_ID_BASE_LENGTH, portalIdBase } from '@/lib/validations/v1/portal-id';
import { createdFields, recordAudit } from './audit';
import { iso } from './customers';
import { auditable, customerColumns, CUSTOMER_LIST_FIELDS } from './customers-write';
import { violatedUniqueConstraint } from './db-errors';
import { V1Error } from '@/lib/validations/v1/errors';
import { notFound } from './v1-errors';
import { knownId, updateCustomerRecord, v1CustomerWrite, v1Write, type V1WriteOptions } from './v1-write';

export type { V1WriteOptions };

// ---------------------------------------------------------------------------------------------
// Mapping: the record as the contract's JSON objects, in one place.

const detailColumns = {
  id: customers.id,
  name: customers.name,
  displayName: customers.displayName,
  externalId: customers.externalId,
  customFields: customers.customFields,
  salesforceAccountId: customers.salesforceAccountId,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  archivedAt: customers.archivedAt,
};

type DetailRow = {
  id: string;
  displayName: string;
  externalId: string | null;
  customFields: Record<string, string>;
  salesforceAccountId: string | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
};

/** Customer: `external_id` falls back to the first alias, then the id; `name` is the Name. */
export function toV1Customer(
  row: Omit<DetailRow, 'createdAt' | 'updatedAt' | 'archivedAt' | 'salesforceAccountId'>,
  aliases: string[],
): V1Customer {
  return {
    id: row.id,
    external_id: row.externalId ?? aliases[0] ?? row.id,
    ingest_aliases: aliases,
    name: row.displayName,
    custom_fields: row.customFields ?? {},
  };
}

/** CustomerDetail: Customer plus times (RFC 3339, UTC, milliseconds) and customer_config. */
export function toV1CustomerDetail(row: DetailRow, aliases: string[]): V1CustomerDetail {
  return {
    ...toV1Customer(row, aliases),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    archived_at: iso(row.archivedAt),
    customer_config: { salesforce_account_id: row.salesforceAccountId },
  };
}

/** The aliases of these customers, each list in order. */
async function aliasesOf(db: Database, ids: string[]): Promise<Map<string, string[]>> {
  const byCustomer = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byCustomer;
  const rows = await db
    .select({ customerId: customerIngestAliases.customerId, alias: customerIngestAliases.alias })
    .from(customerIngestAliases)
    .where(inArray(customerIngestAliases.customerId, ids))
    .orderBy(asc(customerIngestAliases.customerId), asc(customerIngestAliases.position));
  for (const r of rows) byCustomer.get(r.customerId)?.push(r.alias);
  return byCustomer;
}

async function readDetail(db: Database, id: string): Promise<V1CustomerDetail | null> {
  const [row] = await db.select(detailColumns).from(customers).where(eq(customers.id, id));
  if (!row) return null;
  return toV1CustomerDetail(row, (await aliasesOf(db, [id])).get(id) ?? []);
}

// ---------------------------------------------------------------------------------------------
// Reads

/** GET /v1/customers/{id}: archived customers included; a malformed or unknown id is not found. */
export async function retrieveV1Customer(actor: Actor, id: string): Promise<V1CustomerDetail> {
  assertCan(actor, 'customers:read');
  const detail = await readDetail(await getDb(), knownId(id));
  if (!detail) throw notFound();
  return detail;
}

const CURSOR_TAG = 'v1c';
// created_at as PostgreSQL writes it (full precision, with its offset): read back exactly.
const TIMESTAMP_TEXT = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d){0,2}$/;
const cursorShape = z.tuple([z.literal(CURSOR_TAG), z.string().regex(TIMESTAMP_TEXT), z.uuid()]);

function encodeV1Cursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([CURSOR_TAG, createdAt, id])).toString('base64url');
}

function decodeV1Cursor(cursor: string): { createdAt: string; id: string } {
  try {
    if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not ours');
    const [, createdAt, id] = cursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt, id };
  } catch {
    throw new V1Error(400, 'invalid_cursor', 'next_page: not a cursor this API issued', { field: 'next_page' });
  }
}

/**
 * GET /v1/customers: oldest first by keyset on (created_at at full precision, id); the last page
 * answers next_page null, also when it is exactly full (limit + 1 rows are read).
 */
export async function listV1Customers(
  actor: Actor,
  q: ListCustomersQuery,
): Promise<{ data: V1CustomerDetail[]; next_page: string | null }> {
  assertCan(actor, 'customers:read');
  const cursor = q.next_page === undefined ? null : decodeV1Cursor(q.next_page);
  const where: (SQL | undefined)[] = [q.only_archived ? isNotNull(customers.archivedAt) : isNull(customers.archivedAt)];
  if (q.customer_ids) where.push(inArray(customers.id, q.customer_ids.length > 0 ? q.customer_ids : [randomUUID()]));
  if (q.salesforce_account_ids) {
    where.push(
      inArray(customers.salesforceAccountId, q.salesforce_account_ids.length > 0 ? q.salesforce_account_ids : ['']),
    );
  }
  if (q.ingest_alias !== undefined) {
    where.push(
      sql`${customers.id} in (select ${customerIngestAliases.customerId} from ${customerIngestAliases}
        where ${customerIngestAliases.alias} = ${q.ingest_alias})`,
    );
  }
  if (cursor) {
    where.push(sql`(${customers.createdAt}, ${customers.id}) > (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`);
  }
  const db = await getDb();
  const rows = await db
    .select({ ...detailColumns, position: sql<string>`${customers.createdAt}::text` })
    .from(customers)
    .where(and(...where))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const aliases = await aliasesOf(
    db,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    data: page.map((r) => toV1CustomerDetail(r, aliases.get(r.id) ?? [])),
    next_page: rows.length > q.limit && last ? encodeV1Cursor(last.position, last.id) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Create

/** A record made through /v1: what the portal's form has beyond it is left empty. */
function newRecord(input: CreateCustomerBody, portalId: string, billingProviders: BillingProviderConfiguration[]) {
  return {
    ...emptyCustomerRecord(),
    name: portalId,
    displayName: input.name,
    externalId: input.external_id ?? null,
    customFields: input.custom_fields,
    billingProviders,
    ingestAliases: input.ingest_aliases,
  } satisfies CustomerInput;
}

/** How often a clash on the derived portal ID is recomputed before the uuid settles it. */
const PORTAL_ID_ATTEMPTS = 5;

/**
 * The first free portal ID of `base`, `base-2`, `base-3`… (compared ignoring case, as the unique
 * index does), in one query: the candidates are tried in order and the first free one is taken.
 */
async function firstFreePortalId(tx: Database, base: string): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`select c.id from (
      select case when n = 1 then ${base} else ${base} || '-' || n end as id
      from (select generate_series(1, 2147483647) as n) s
    ) c
    where not exists (select 1 from ${customers} where lower(${customers.name}) = c.id)
    limit 1`);
  const row = (result as unknown as { rows: { id: string }[] }).rows[0];
  if (!row) throw new Error('no free portal ID');
  return row.id;
}

/**
 * Inserts the customer's row under the first free derived portal ID; the unique index has the last
 * word, so a clash with a create running alongside is recomputed (in a savepoint), and after
 * PORTAL_ID_ATTEMPTS the new uuid settles it. The client never hears of it.
 */
async function insertWithPortalId(
  tx: Database,
  id: string,
  source: string,
  record: (portalId: string) => CustomerInput,
) {
  const base = portalIdBase(source);
  for (let attempt = 1; ; attempt++) {
    const portalId =
      attempt > PORTAL_ID_ATTEMPTS
        ? `${base.slice(0, PORTAL_ID_BASE_LENGTH - 1)}-${id.replaceAll('-', '').slice(0, 8)}`
        : await firstFreePortalId(tx, base);
    try {
      await tx.transaction(async (sp) => {
        await sp.insert(customers).values({ id, ...customerColumns(record(portalId)) });
      });
      return portalId;
    } catch (err) {
      if (violatedUniqueConstraint(err) !== 'customers_name_key' || attempt > PORTAL_ID_ATTEMPTS) throw err;
    }
  }
}

/** Refuses two configurations of one provider in one call (409 billing_provider_configured). */
function refuseRepeatedProviders(configurations: BillingProviderConfiguration[], field: (i: number) => string) {
  const seen = new Set<string>();
  configurations.forEach((c, i) => {
    if (seen.has(c.billingProvider)) {
      throw new V1Error(
        409,
        'billing_provider_configured',
        `${field(i)}: ${c.billingProvider} is named twice for this customer`,
        { field: field(i) },
      );
    }
    seen.add(c.billingProvider);
  });
}

/**
 * POST /v1/customers: the customer, its aliases, custom fields, configurations, derived portal ID
 * and audit entry in one transaction. An alias, external ID or unique custom-field value another
 * customer holds is a 409 with its owner, settled by the database (of 20 parallel creates with one
 * alias, one succeeds).
 */
export async function createV1Customer(
  actor: Actor,
  input: CreateCustomerBody,
  opts: V1WriteOptions = {},
): Promise<V1Customer> {
  assertCan(actor, 'customers:write');
  const configurations = [...input.customer_billing_provider_configurations];
  if (input.billing_config) configurations.push(input.billing_config);
  refuseRepeatedProviders(configurations, (i) =>
    i < input.customer_billing_provider_configurations.length
      ? `customer_billing_provider_configurations[${i}].billing_provider`
      : 'billing_config.billing_provider_type',
  );
  const id = randomUUID();
  const context = {
    ingestAliases: input.ingest_aliases,
    externalId: input.external_id,
    customFields: input.custom_fields,
  };
  return v1Write(opts, context, async (tx) => {
    const record = (portalId: string) => newRecord(input, portalId, configurations);
    const portalId = await insertWithPortalId(tx, id, input.external_id ?? input.name, record);
    await writeCustomerChildren(tx, id, { ingestAliases: input.ingest_aliases, customFields: input.custom_fields });
    await insertBillingProviders(tx, id, configurations);
    await recordAudit(tx, actor, {
      action: 'customer.create',
      entityType: 'customer',
      entityId: id,
      entityLabel: portalId,
      changes: createdFields(auditable(record(portalId)), CUSTOMER_LIST_FIELDS),
    });
    return toV1Customer(
      { id, displayName: input.name, externalId: input.external_id ?? null, customFields: input.custom_fields },
      input.ingest_aliases,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Writes on one customer

/** Reads the customer as Customer inside the write's transaction. */
async function customerIn(tx: Database, id: string): Promise<V1Customer> {
  const detail = await readDetail(tx, id);
  if (!detail) throw notFound();
  const { id: customerId, external_id, ingest_aliases, name, custom_fields } = detail;
  return { id: customerId, external_id, ingest_aliases, name, custom_fields };
}

/**
 * POST /v1/customers/archive: idempotent; an archived customer keeps its first archived_at, its
 * aliases stay reserved.
 */
export async function archiveV1Customer(actor: Actor, id: string, opts: V1WriteOptions = {}): Promise<{ id: string }> {
  return v1CustomerWrite(actor, id, opts, async (tx, customerId) => {
    const [current] = await tx
      .select({ name: customers.name, archivedAt: customers.archivedAt })
      .from(customers)
      .where(eq(customers.id, customerId))
      .for('update');
    if (!current) throw notFound();
    if (current.archivedAt) return { id: customerId };
    const [row] = await tx
      .update(customers)
      .set({ archivedAt: sql`now()`, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(eq(customers.id, customerId))
      .returning({ archivedAt: customers.archivedAt });
    await recordAudit(tx, actor, {
      action: 'customer.archive',
      entityType: 'customer',
      entityId: customerId,
      entityLabel: current.name,
      changes: [{ field: 'archivedAt', old: null, new: iso(row?.archivedAt ?? null) }],
    });
    return { id: customerId };
  });
}

/** POST /v1/customers/{id}/setName: the Name (already trimmed and cut to 160 code points). */
export async function setV1CustomerName(
  actor: Actor,
  id: string,
  name: string,
  opts: V1WriteOptions = {},
): Promise<V1Customer> {
  return v1CustomerWrite(actor, id, opts, async (tx, customerId) => {
    await updateCustomerRecord(tx, actor, customerId, () => ({ displayName: name }));
    return customerIn(tx, customerId);
  });
}

/**
 * POST /v1/customers/{id}/setIngestAliases: replaces the list, in the order given. An alias
 * another customer holds is a 409 naming it, and the list stays as it was.
 */
export async function setV1IngestAliases(
  actor: Actor,
  id: string,
  aliases: string[],
  opts: V1WriteOptions = {},
): Promise<void> {
  await v1CustomerWrite(
    actor,
    id,
    opts,
    (tx, customerId) => updateCustomerRecord(tx, actor, customerId, () => ({ ingestAliases: aliases })),
    { ingestAliases: aliases },
  );
}

/** POST /v1/customers/{id}/updateConfig: a Salesforce account ID sets it, null clears it, absent leaves it. */
export async function updateV1CustomerConfig(
  actor: Actor,
  id: string,
  config: UpdateCustomerConfigBody,
  opts: V1WriteOptions = {},
): Promise<void> {
  await v1CustomerWrite(actor, id, opts, (tx, customerId) =>
    updateCustomerRecord(tx, actor, customerId, () =>
      config.salesforce_account_id === undefined ? {} : { salesforceAccountId: config.salesforce_account_id },
    ),
  );
}
