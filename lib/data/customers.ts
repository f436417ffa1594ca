/**
 * Reading customers: the list, its count, one customer, and who holds an ID or an alias. The
 * writes are in customers-write.ts.
 */
import 'server-only';
import {
  and,
  arrayContains,
  asc,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  ne,
  sql,
  type SQL,
} from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db';
import { customerBillingProviders, customerIngestAliases, customers, pricePlans, type Customer } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import type { BillingProviderConfigurationInput } from '@/lib/validations/billing-providers';
import { CUSTOMER_FIELD_NAMES, customerId, type CustomerField, type CustomerInput } from '@/lib/validations/customer';
import { type CustomerFilters, type CustomerSort } from '@/lib/validations/customer-filters';

/** How many aliases a list row carries; the rest are counted. */
export const ALIAS_PREVIEW = 3;

export interface CustomerRow {
  id: string;
  name: string;
  displayName: string;
  email: string | null;
  pricePlanName: string | null;
  pricePlanDisplayName: string | null;
  tags: string[];
  aliases: string[];
  aliasCount: number;
  createdAt: string;
  archivedAt: string | null;
}

export interface CustomerPage {
  /** On a search's first page: the customers whose ID, external ID or an alias is the search. */
  exactMatches: CustomerRow[];
  items: CustomerRow[];
  /** How many rows of the view come before this page (null when the cursor does not say). */
  start: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
}

export type CustomerDetail = CustomerInput & {
  id: string;
  pricePlanDisplayName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What each sort orders by; the customer's uuid breaks ties, so every position is unique. */
const SORT_KEYS = {
  created: {
    key: sql`${customers.createdAt}`,
    cast: sql`timestamptz`,
    value: z.iso.datetime().refine((v) => v >= '0001'),
  },
  id: { key: sql`lower(${customers.name})`, cast: sql`text`, value: z.string().refine((v) => !v.includes('\u0000')) },
  name: {
    key: sql`lower(${customers.displayName})`,
    cast: sql`text`,
    value: z.string().refine((v) => !v.includes('\u0000')),
  },
} satisfies Record<CustomerSort, { key: SQL; cast: SQL; value: z.ZodType<string> }>;

// The fourth element, how many rows of the view come before the cursor, only labels the page
// ("26–50 of 37"); rows added meanwhile can make it a little off, never the page itself.
const cursorShape = z.union([
  z.tuple([z.enum(['created', 'id', 'name']), z.string(), z.uuid()]),
  z.tuple([z.enum(['created', 'id', 'name']), z.string(), z.uuid(), z.number().int().min(0).max(1e9)]),
]);

export function encodeCursor(sort: CustomerSort, sortKey: string, id: string, offset?: number): string {
  const position = offset === undefined ? [sort, sortKey, id] : [sort, sortKey, id, offset];
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position a cursor names (and the rows before it, if known), or null if it is junk or made for another sort. */
export function decodeCursor(cursor: string, sort: CustomerSort): [string, string, number?] | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data[0] !== sort) return null;
    const [, key, id, offset] = parsed.data;
    return SORT_KEYS[sort].value.safeParse(key).success ? [key, id, offset] : null;
  } catch {
    return null;
  }
}

const aliasPreview = sql<string[]>`coalesce((
  select json_agg(p.alias order by p.position) from (
    select a.alias, a.position from ${customerIngestAliases} a
    where a.customer_id = ${customers.id} order by a.position limit ${sql.raw(String(ALIAS_PREVIEW))}
  ) p), '[]'::json)`;

const pricePlanDisplayName = sql<
  string | null
>`(select p.display_name from ${pricePlans} p where p.name = ${customers.pricePlanName})`;

const aliasCount = sql<number>`(select count(*)::int from ${customerIngestAliases} a where a.customer_id = ${customers.id})`;

function statusCondition(status: CustomerFilters['status']): SQL | undefined {
  if (status === 'active') return isNull(customers.archivedAt);
  if (status === 'archived') return isNotNull(customers.archivedAt);
  return undefined;
}

/** Below this many characters, the search matches the start of a field; from it, anywhere. */
export const SUBSTRING_SEARCH_MIN = 3;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches on the search text (see customerSearchText), served by its trigram index. */
function searchCondition(q: string): SQL {
  const needle = escapeLike(q.toLowerCase());
  const pattern = [...q].length >= SUBSTRING_SEARCH_MIN ? `%${needle}%` : `%\n${needle}%`;
  return sql`${customers.searchText} like ${pattern}`;
}

/** The customers whose ID (any case), external ID or an ingest alias is exactly the search. */
function exactMatchIds(q: string): SQL {
  return sql`(select ${customers.id} from ${customers} where lower(${customers.name}) = lower(${q})
    union select ${customers.id} from ${customers} where ${customers.externalId} = ${q}
    union select ${customerIngestAliases.customerId} from ${customerIngestAliases} where ${customerIngestAliases.alias} = ${q})`;
}

/** Everything but the search and the cursor: status, price plan, billing provider, tag. */
function filterConditions(filters: CustomerFilters): SQL[] {
  const where = [statusCondition(filters.status)];
  if (filters.plan) where.push(eq(customers.pricePlanName, filters.plan));
  if (filters.provider) {
    where.push(
      sql`${customers.id} in (select ${customerBillingProviders.customerId} from ${customerBillingProviders}
        where ${customerBillingProviders.billingProvider} = ${filters.provider})`,
    );
  }
  if (filters.tag) where.push(arrayContains(customers.tags, [filters.tag]));
  return where.filter((c): c is SQL => c !== undefined);
}

function rowsQuery(db: Database, sort: CustomerSort) {
  return db
    .select({
      id: customers.id,
      name: customers.name,
      displayName: customers.displayName,
      email: customers.email,
      pricePlanName: customers.pricePlanName,
      pricePlanDisplayName,
      tags: customers.tags,
      aliases: aliasPreview,
      aliasCount,
      createdAt: customers.createdAt,
      archivedAt: customers.archivedAt,
      sortKey: sql<string>`${SORT_KEYS[sort].key}::text`,
    })
    .from(customers);
}

type ListedRow = Omit<CustomerRow, 'createdAt' | 'archivedAt'> & { createdAt: Date; archivedAt: Date | null };

const toCustomerRow = (r: ListedRow & { sortKey: string }): CustomerRow => ({
  id: r.id,
  name: r.name,
  displayName: r.displayName,
  email: r.email,
  pricePlanName: r.pricePlanName,
  pricePlanDisplayName: r.pricePlanDisplayName,
  tags: r.tags,
  aliases: r.aliases,
  aliasCount: r.aliasCount,
  createdAt: r.createdAt.toISOString(),
  archivedAt: iso(r.archivedAt),
});

const cursorAt = (sort: CustomerSort, row: ListedRow & { sortKey: string }, offset: number) =>
  encodeCursor(sort, sort === 'created' ? row.createdAt.toISOString() : row.sortKey, row.id, offset);

/**
 * The query for one page of the list (without running it), by keyset on (sort key, id): a deep
 * page costs what the first does, and rows added meanwhile never shift a page. Exact matches of
 * a search are left out here; the first page shows them above the rest.
 */
export function customerPageQuery(db: Database, filters: CustomerFilters) {
  const { sort, order } = filters;
  const { key, cast } = SORT_KEYS[sort];
  const cursor = filters.cursor ? decodeCursor(filters.cursor, sort) : null;
  const backwards = cursor !== null && filters.dir === 'prev';
  const where = filterConditions(filters);
  if (filters.q) where.push(searchCondition(filters.q), sql`${customers.id} not in ${exactMatchIds(filters.q)}`);
  if (cursor) {
    const ascending = (order === 'asc') !== backwards;
    const position = sql`(${key}, ${customers.id})`;
    const at = sql`(${cursor[0]}::${cast}, ${cursor[1]}::uuid)`;
    where.push(ascending ? sql`${position} > ${at}` : sql`${position} < ${at}`);
  }
  const descending = (order === 'desc') !== backwards;
  const direction = descending ? sql`desc` : sql`asc`;
  return {
    backwards,
    hasCursor: cursor !== null,
    offset: cursor?.[2],
    query: rowsQuery(db, sort)
      .where(and(...where))
      .orderBy(sql`${key} ${direction}`, sql`${customers.id} ${direction}`)
      .limit(filters.limit + 1),
  };
}

/** One page of customers in the view's sort, filters and search. */
export async function listCustomers(actor: Actor, filters: CustomerFilters): Promise<CustomerPage> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const { backwards, hasCursor, offset, query } = customerPageQuery(db, filters);
  const firstPageOfSearch = filters.q && !hasCursor;
  const [rows, exact] = await Promise.all([
    query,
    firstPageOfSearch
      ? rowsQuery(db, filters.sort)
          .where(and(sql`${customers.id} in ${exactMatchIds(filters.q!)}`, ...filterConditions(filters)))
          .orderBy(asc(customers.name))
      : [],
  ]);

  const hasMore = rows.length > filters.limit;
  const pageRows = rows.slice(0, filters.limit);
  if (backwards) pageRows.reverse();
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  const hasNext = backwards ? true : hasMore;
  const hasPrev = backwards ? hasMore : hasCursor;
  // Rows of the view before this page: read from the cursor (a cursor of an older portal has none).
  let start: number | null = hasCursor ? (offset ?? null) : 0;
  if (start !== null && backwards) start = hasMore ? Math.max(0, start - pageRows.length) : 0;
  const shown = (firstPageOfSearch ? exact.length : 0) + pageRows.length;
  return {
    exactMatches: exact.map(toCustomerRow),
    items: pageRows.map(toCustomerRow),
    start,
    nextCursor: hasNext && last ? cursorAt(filters.sort, last, (start ?? 0) + shown) : null,
    prevCursor: hasPrev && first ? cursorAt(filters.sort, first, start ?? 0) : null,
  };
}

/** Up to this many matches are counted exactly; past it, the planner's estimate is shown. */
export const EXACT_COUNT_LIMIT = 10_000;

export interface CustomerCount {
  value: number;
  exact: boolean;
}

/** How many customers the view matches, across all its pages. */
export async function countCustomers(
  actor: Actor,
  filters: CustomerFilters,
  exactUpTo = EXACT_COUNT_LIMIT,
): Promise<CustomerCount> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const where = filterConditions(filters);
  if (filters.q) where.push(sql`(${searchCondition(filters.q)} or ${customers.id} in ${exactMatchIds(filters.q)})`);
  // A builder gains what is chained onto it, so each use gets its own.
  const matches = () =>
    db
      .select({ one: sql`1` })
      .from(customers)
      .where(and(...where));
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(
    matches()
      .limit(EXACT_COUNT_LIMIT + 1)
      .as('m'),
  );
  const n = counted?.n ?? 0;
  if (n <= exactUpTo) return { value: n, exact: true };
  const plan = await db.execute(sql`explain (format json) ${matches().getSQL()}`);
  const estimate = (plan as unknown as { rows: { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[] }).rows[0]?.[
    'QUERY PLAN'
  ][0].Plan['Plan Rows'];
  return { value: Math.max(exactUpTo + 1, Math.round(estimate ?? 0)), exact: false };
}

/** The record's fields kept in its row (aliases and billing providers have tables of their own). */
type ColumnField = Exclude<CustomerField, 'ingestAliases' | 'billingProviders'>;
const COLUMN_FIELDS = CUSTOMER_FIELD_NAMES.filter(
  (f): f is ColumnField => f !== 'ingestAliases' && f !== 'billingProviders',
);

/** Each field's column: a field of the record without a column of that name does not compile. */
const recordColumns = (() => {
  const all = getTableColumns(customers);
  return Object.fromEntries(COLUMN_FIELDS.map((f) => [f, all[f]])) as { [F in ColumnField]: (typeof all)[F] };
})();

/** A customer as the detail page and the edit form see it; `lock` holds its row until the transaction ends. */
export async function loadCustomer(db: Database, id: string, lock = false): Promise<CustomerDetail | null> {
  const query = db
    .select({
      ...recordColumns,
      id: customers.id,
      version: customers.version,
      createdAt: customers.createdAt,
      updatedAt: customers.updatedAt,
      archivedAt: customers.archivedAt,
      pricePlanDisplayName: pricePlans.displayName,
    })
    .from(customers)
    .leftJoin(pricePlans, eq(pricePlans.name, customers.pricePlanName))
    .where(eq(customers.id, id));
  const [row] = lock ? await query.for('update', { of: customers }) : await query;
  if (!row) return null;
  const aliases = await db
    .select({ alias: customerIngestAliases.alias })
    .from(customerIngestAliases)
    .where(eq(customerIngestAliases.customerId, id))
    .orderBy(asc(customerIngestAliases.position));
  const providers = await db
    .select()
    .from(customerBillingProviders)
    .where(eq(customerBillingProviders.customerId, id))
    .orderBy(asc(customerBillingProviders.position));
  const stored: Pick<Customer, ColumnField> = row;
  return {
    ...(stored satisfies Omit<CustomerInput, 'ingestAliases' | 'billingProviders'>),
    id: row.id,
    pricePlanDisplayName: row.pricePlanDisplayName,
    billingProviders: providers.map(
      (p) =>
        ({
          billingProvider: p.billingProvider,
          deliveryMethod: p.deliveryMethod,
          configuration: p.configuration,
        }) as BillingProviderConfigurationInput,
    ),
    ingestAliases: aliases.map((a) => a.alias),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: iso(row.archivedAt),
  };
}

export async function getCustomer(actor: Actor, id: string): Promise<CustomerDetail | null> {
  assertCan(actor, 'customers:read');
  if (!customerId.safeParse(id).success) return null;
  return loadCustomer(await getDb(), id);
}

/**
 * The uuid of the customer whose ID is `name` (compared case-insensitively, as the unique index
 * does), so that a URL with the ID ops pasted finds the customer.
 */
export async function findCustomerIdByName(actor: Actor, name: string): Promise<string | null> {
  assertCan(actor, 'customers:read');
  if (name.length === 0 || name.length > 128) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(sql`lower(${customers.name}) = lower(${name})`)
    .limit(1);
  return row?.id ?? null;
}

export interface AliasOwner {
  id: string;
  name: string;
  archived: boolean;
}

/** Who holds each of these aliases now (for messages; the database decides who gets one). */
export async function findAliasOwners(aliases: string[]): Promise<Map<string, AliasOwner>> {
  const owners = new Map<string, AliasOwner>();
  if (aliases.length === 0) return owners;
  const db = await getDb();
  const rows = await db
    .select({
      alias: customerIngestAliases.alias,
      id: customers.id,
      name: customers.name,
      archivedAt: customers.archivedAt,
    })
    .from(customerIngestAliases)
    .innerJoin(customers, eq(customers.id, customerIngestAliases.customerId))
    .where(inArray(customerIngestAliases.alias, aliases));
  for (const r of rows) owners.set(r.alias, { id: r.id, name: r.name, archived: r.archivedAt !== null });
  return owners;
}

/** Whether an alias is free, and if not, who holds it (another customer than `exceptCustomer`). */
export async function aliasOwner(actor: Actor, alias: string, exceptCustomer?: string): Promise<AliasOwner | null> {
  assertCan(actor, 'customers:read');
  const owner = (await findAliasOwners([alias])).get(alias);
  return owner && owner.id !== exceptCustomer ? owner : null;
}

export interface CustomerIdOwner {
  id: string;
  /** The customer's ID (its `name`), as stored: it may differ in case from the one asked about. */
  name: string;
  displayName: string;
  archived: boolean;
}

/**
 * Which customer (other than `exceptCustomer`) holds this ID, compared ignoring case as the unique
 * index does, archived ones included; null when it is free. For messages: the database decides.
 */
export async function customerIdOwner(
  actor: Actor,
  name: string,
  exceptCustomer?: string,
): Promise<CustomerIdOwner | null> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const [row] = await db
    .select({
      id: customers.id,
      name: customers.name,
      displayName: customers.displayName,
      archivedAt: customers.archivedAt,
    })
    .from(customers)
    .where(
      and(
        sql`lower(${customers.name}) = lower(${name})`,
        exceptCustomer ? ne(customers.id, exceptCustomer) : undefined,
      ),
    )
    .limit(1);
  return row ? { id: row.id, name: row.name, displayName: row.displayName, archived: row.archivedAt !== null } : null;
}
