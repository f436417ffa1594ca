/**
 * Reading customers: the list, its count, one customer, and who holds an ID or an alias. The
 * writes are in customers-write.ts.
 */
import 'server-only';
import { and, arrayContains, asc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { cache } from 'react';
import { z } from 'zod';
import { getDb, type Database } from '@/db';
import { billingProviderRows } from '@/db/customer-children';
import {
  customerBillingProviders,
  customerIngestAliases,
  customers,
  customerUsageSummary,
  customFieldUniqueValues,
  pricePlans,
  type Customer,
} from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import type { BillingProviderConfigurationInput } from '@/lib/validations/billing-providers';
import {
  CUSTOMER_FIELD_NAMES,
  customerId,
  ID_PATTERN,
  MAX_ID_LENGTH,
  type CustomerField,
  type CustomerInput,
} from '@/lib/validations/customer';
import { CSV_FIELDS, type CsvField } from '@/lib/validations/customer-csv';
import { type CustomerFilters, type CustomerSort } from '@/lib/validations/customer-filters';
import type {
  AliasOwner,
  CustomerCount,
  CustomerDetail,
  CustomerIdOwner,
  CustomerPage,
  CustomerRow,
} from '@/lib/validations/customer-rows';
import { pickColumns } from './columns';

export type { AliasOwner, CustomerCount, CustomerDetail, CustomerIdOwner, CustomerPage, CustomerRow };

/** How many aliases a list row carries; the rest are counted. */
export const ALIAS_PREVIEW = 3;

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The sorts read by one keyset on (key, id); `usage` is read in two parts (see readUsagePage). */
type KeysetSort = Exclude<CustomerSort, 'usage'>;

/** When the customer last received usage (customer_usage_summary), or null: never. */
const lastUsage = sql<Date | null>`(select s.last_received_at from ${customerUsageSummary} s
  where s.customer_id = ${customers.id})`.mapWith(customerUsageSummary.lastReceivedAt);

/** A cursor's key for a customer that has never received usage (the usage sort lists them last). */
const NO_USAGE = '';

const isoKey = z.iso.datetime().refine((v) => v >= '0001');

/** What each sort orders by; the customer's uuid breaks ties, so every position is unique. */
const SORT_KEYS = {
  created: { key: sql`${customers.createdAt}`, cast: sql`timestamptz`, value: isoKey },
  id: { key: sql`lower(${customers.name})`, cast: sql`text`, value: z.string().refine((v) => !v.includes('\u0000')) },
  name: {
    key: sql`lower(${customers.displayName})`,
    cast: sql`text`,
    value: z.string().refine((v) => !v.includes('\u0000')),
  },
} satisfies Record<KeysetSort, { key: SQL; cast: SQL; value: z.ZodType<string> }>;

const CURSOR_KEYS: Record<CustomerSort, z.ZodType<string>> = {
  created: SORT_KEYS.created.value,
  id: SORT_KEYS.id.value,
  name: SORT_KEYS.name.value,
  usage: z.union([z.literal(NO_USAGE), isoKey]),
};

const CURSOR_SORTS = ['created', 'id', 'name', 'usage'] as const satisfies readonly CustomerSort[];

// The fourth element, how many rows of the view come before the cursor, only labels the page
// ("26–50 of 37"); rows added meanwhile can make it a little off, never the page itself.
const cursorShape = z.union([
  z.tuple([z.enum(CURSOR_SORTS), z.string(), z.uuid()]),
  z.tuple([z.enum(CURSOR_SORTS), z.string(), z.uuid(), z.number().int().min(0).max(1e9)]),
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
    return CURSOR_KEYS[sort].safeParse(key).success ? [key, id, offset] : null;
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
  return sql`${customers.searchText} like ${likePattern(q)}`;
}

function likePattern(q: string): string {
  const needle = escapeLike(q.toLowerCase());
  return [...q].length >= SUBSTRING_SEARCH_MIN ? `%${needle}%` : `%\n${needle}%`;
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
        where ${customerBillingProviders.billingProvider} = ${filters.provider}
          and ${customerBillingProviders.archivedAt} is null)`,
    );
  }
  if (filters.tag) where.push(arrayContains(customers.tags, [filters.tag]));
  return where.filter((c): c is SQL => c !== undefined);
}

const sortKeyOf = (sort: CustomerSort) => (sort === 'usage' ? lastUsage : SORT_KEYS[sort].key);

/** The record's fields kept in its row (aliases and billing providers have tables of their own). */
type ColumnField = Exclude<CustomerField, 'ingestAliases' | 'billingProviders'>;
const COLUMN_FIELDS = CUSTOMER_FIELD_NAMES.filter(
  (f): f is ColumnField => f !== 'ingestAliases' && f !== 'billingProviders',
);

/** Each field's column: a field of the record without a column of that name does not compile. */
const recordColumns = pickColumns(customers, COLUMN_FIELDS);

/** The columns of the record's CSV (aliases have a table of their own). */
const csvColumns = pickColumns(customers, [
  ...CSV_FIELDS.filter((f): f is Exclude<CsvField, 'ingestAliases'> => f !== 'ingestAliases'),
  'customFields',
]);

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
      version: customers.version,
      lastUsageAt: lastUsage,
      sortKey: sql<string>`${sortKeyOf(sort)}::text`,
    })
    .from(customers);
}

/**
 * The export's rows: a customer's CSV columns (every alias, not a preview) and its place in the
 * view's order, without the list's plan name, alias count and last usage (read only to sort by).
 */
function exportRowsQuery(db: Database, sort: CustomerSort) {
  return db
    .select({
      ...csvColumns,
      ingestAliases: sql<string[]>`coalesce((select json_agg(a.alias order by a.position)
        from ${customerIngestAliases} a where a.customer_id = ${customers.id}), '[]'::json)`,
      id: customers.id,
      createdAt: customers.createdAt,
      lastUsageAt: sort === 'usage' ? lastUsage : sql<Date | null>`null`,
      sortKey: sql<string>`${sort === 'usage' ? sql`null` : sortKeyOf(sort)}::text`,
    })
    .from(customers);
}

/** Which columns a page reads: the list's row, or the export's record. */
type RowShape = 'list' | 'export';
export type CustomerExportRow = Awaited<ReturnType<typeof exportRowsQuery>>[number];

// The paging below builds on either select alike (where, order, limit, joins); typed as the list's
// so its builder's methods stay callable, and customerViewPages types an export page back.
const rowsOf = (db: Database, sort: CustomerSort, shape: RowShape) =>
  shape === 'list' ? rowsQuery(db, sort) : (exportRowsQuery(db, sort) as unknown as ReturnType<typeof rowsQuery>);

type ListedRow = Omit<CustomerRow, 'createdAt' | 'archivedAt' | 'lastUsageAt'> & {
  createdAt: Date;
  archivedAt: Date | null;
  lastUsageAt: Date | null;
};

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
  version: r.version,
  lastUsageAt: iso(r.lastUsageAt),
});

/** A row's place in the view's order: its sort key (as a cursor holds it) and id. */
type Position = { id: string; createdAt: Date; sortKey: string; lastUsageAt?: Date | null };

function cursorValue(sort: CustomerSort, row: Position): string {
  if (sort === 'created') return row.createdAt.toISOString();
  if (sort === 'usage') return row.lastUsageAt?.toISOString() ?? NO_USAGE;
  return row.sortKey;
}

const cursorAt = (sort: CustomerSort, row: Position, offset: number) =>
  encodeCursor(sort, cursorValue(sort, row), row.id, offset);

/**
 * How a search's page is read, chosen from a probe of the search itself rather than left to the
 * planner, whose guess comes from ANALYZE's random sample (once it walked the whole sort index for
 * a rare term, 11.7× slower): `walk` — the term is common, so walking the sort's index finds a
 * page of matches within a few thousand rows; `trigram` — it is rare, so the trigram index finds
 * every match and they are sorted.
 */
export type SearchPlan = { kind: 'trigram' } | { kind: 'walk' };

/** The probe looks at this many of the newest customers… */
export const SEARCH_PROBE_ROWS = 1000;
/** …and walks when at least this many of them match (1%: a page of 50 within ~5,000 rows). */
export const SEARCH_PROBE_WALK_HITS = 10;

/**
 * Probes the search (from SUBSTRING_SEARCH_MIN characters) on the newest SEARCH_PROBE_ROWS
 * customers, a bounded read whatever the term: how often it matches there says which plan is
 * cheaper. Sequential scans are ruled out for the rest of the transaction (a search page never
 * wants one). Shorter searches are left to the planner (null).
 */
async function probeSearch(tx: Database, q: string): Promise<SearchPlan | null> {
  if ([...q].length < SUBSTRING_SEARCH_MIN) return null;
  await tx.execute(sql`set local enable_seqscan = off`);
  const newest = tx
    .select({ searchText: customers.searchText })
    .from(customers)
    .orderBy(sql`${customers.createdAt} desc`, sql`${customers.id} desc`)
    .limit(SEARCH_PROBE_ROWS)
    .as('newest');
  const [probe] = await tx
    .select({ hits: sql<number>`count(*)::int` })
    .from(newest)
    .where(sql`${newest.searchText} like ${likePattern(q)}`);
  return (probe?.hits ?? 0) >= SEARCH_PROBE_WALK_HITS ? { kind: 'walk' } : { kind: 'trigram' };
}

/** The plan listCustomers would choose for this search (for the bench's SQL floors). */
export async function planSearch(db: Database, q: string): Promise<SearchPlan | null> {
  return db.transaction((t) => probeSearch(t as unknown as Database, q));
}

// The planner cannot match these to an index, which is the point: `coalesce(x, x)` is x (both
// columns are not null) but hides it, so a plan chosen by probeSearch stays chosen.
const unindexed = (expr: SQL) => sql`coalesce(${expr}, ${expr})`;

/** The view's filters and search, without the cursor; exact matches of a search are left out (the first page shows them above the rest). */
function viewConditions(filters: CustomerFilters, plan: SearchPlan | null): SQL[] {
  const where = filterConditions(filters);
  if (filters.q) {
    const q = filters.q;
    if (plan?.kind === 'walk') where.push(sql`${unindexed(sql`${customers.searchText}`)} like ${likePattern(q)}`);
    else where.push(searchCondition(q));
    where.push(sql`${customers.id} not in ${exactMatchIds(q)}`);
  }
  return where;
}

/**
 * A page of the list by last usage: customers that received usage by when they last did, then
 * those that never did, by uuid, both in the view's direction (so "never" is last either way).
 * Each part is its own keyset read, and the second is read only when the page reaches it: the
 * first walks customer_usage_summary's (last_received_at, customer_id) index and looks each
 * customer up by its key; the second walks the customers' primary key, skipping those with a
 * summary (one index probe each). No part sorts the whole list.
 */
async function readUsagePage(db: Database, filters: CustomerFilters, shape: RowShape) {
  const cursor = filters.cursor ? decodeCursor(filters.cursor, 'usage') : null;
  const backwards = cursor !== null && filters.dir === 'prev';
  const descending = (filters.order === 'desc') !== backwards;
  const direction = descending ? sql`desc` : sql`asc`;
  const beyond = (position: SQL, at: SQL) => (descending ? sql`${position} < ${at}` : sql`${position} > ${at}`);
  const where = viewConditions(filters, null);
  const want = filters.limit + 1;

  const withUsage = (from: [string, string] | null) =>
    rowsOf(db, 'usage', shape)
      .innerJoin(customerUsageSummary, eq(customerUsageSummary.customerId, customers.id))
      .where(
        and(
          ...where,
          from
            ? beyond(
                sql`(${customerUsageSummary.lastReceivedAt}, ${customerUsageSummary.customerId})`,
                sql`(${from[0]}::timestamptz, ${from[1]}::uuid)`,
              )
            : undefined,
        ),
      )
      .orderBy(
        sql`${customerUsageSummary.lastReceivedAt} ${direction}`,
        sql`${customerUsageSummary.customerId} ${direction}`,
      )
      .limit(want);
  const withoutUsage = (fromId: string | null, limit: number) =>
    rowsOf(db, 'usage', shape)
      .where(
        and(
          ...where,
          sql`not exists (select 1 from ${customerUsageSummary} s where s.customer_id = ${customers.id})`,
          fromId ? beyond(sql`${customers.id}`, sql`${fromId}::uuid`) : undefined,
        ),
      )
      .orderBy(sql`${customers.id} ${direction}`)
      .limit(limit);

  // Reading forward, the customers with usage come first; reading back, those without.
  const inUsedPart = cursor !== null && cursor[0] !== NO_USAGE;
  let rows;
  if (!backwards) {
    rows = cursor && !inUsedPart ? [] : await withUsage(cursor ? [cursor[0], cursor[1]] : null);
    if (rows.length < want) {
      rows = rows.concat(await withoutUsage(cursor && !inUsedPart ? cursor[1] : null, want - rows.length));
    }
  } else if (inUsedPart) {
    rows = await withUsage([cursor[0], cursor[1]]);
  } else {
    rows = await withoutUsage(cursor![1], want);
    if (rows.length < want) rows = rows.concat(await withUsage(null));
  }
  return { backwards, hasCursor: cursor !== null, offset: cursor?.[2], rows: rows.slice(0, want) };
}

/**
 * When a search names customers exactly (ID, external ID or an ingest alias), the first page looks
 * for its other matches only among the view's first SEARCH_EXACT_WINDOW rows, walking the sort's
 * index: an alias such as acme-370000-prod is made of trigrams most rows share, and the trigram
 * index would read their long posting lists (tens of ms at 1,000,000 customers) to find the few
 * rows that hold it. The page's Next goes on from the window's last row, with the full search.
 */
export const SEARCH_EXACT_WINDOW = 2000;

/** The last row of the view's first SEARCH_EXACT_WINDOW (search aside), or null if the view is shorter. */
async function searchWindowEnd(
  db: Database,
  filters: CustomerFilters,
  sort: keyof typeof SORT_KEYS,
  size: number,
): Promise<Position | null> {
  const { key } = SORT_KEYS[sort];
  const direction = filters.order === 'desc' ? sql`desc` : sql`asc`;
  const [end] = await db
    .select({ id: customers.id, createdAt: customers.createdAt, sortKey: sql<string>`${key}::text` })
    .from(customers)
    .where(and(...filterConditions(filters)))
    .orderBy(sql`${key} ${direction}`, sql`${customers.id} ${direction}`)
    .offset(size - 1)
    .limit(1);
  return end ?? null;
}

/**
 * The query for one page of the list (without running it), by keyset on (sort key, id): a deep
 * page costs what the first does, and rows added meanwhile never shift a page. Exact matches of
 * a search are left out here; the first page shows them above the rest. With a `plan` (see
 * SearchPlan) the search is read that way; without one the planner picks. With `until`, the page
 * stops at that row (see SEARCH_EXACT_WINDOW).
 */
export function customerPageQuery(
  db: Database,
  filters: CustomerFilters,
  plan: SearchPlan | null = null,
  until: Position | null = null,
  shape: RowShape = 'list',
) {
  const { sort, order } = filters;
  if (sort === 'usage') throw new Error('The usage sort is read in two parts, by readUsagePage.');
  const { key, cast } = SORT_KEYS[sort];
  const cursor = filters.cursor ? decodeCursor(filters.cursor, sort) : null;
  const backwards = cursor !== null && filters.dir === 'prev';
  const where = viewConditions(filters, plan);
  const position = sql`(${key}, ${customers.id})`;
  if (cursor) {
    const ascending = (order === 'asc') !== backwards;
    const at = sql`(${cursor[0]}::${cast}, ${cursor[1]}::uuid)`;
    where.push(ascending ? sql`${position} > ${at}` : sql`${position} < ${at}`);
  }
  if (until) {
    const at = sql`(${cursorValue(sort, until)}::${cast}, ${until.id}::uuid)`;
    where.push(order === 'asc' ? sql`${position} <= ${at}` : sql`${position} >= ${at}`);
  }
  const descending = (order === 'desc') !== backwards;
  const direction = descending ? sql`desc` : sql`asc`;
  // A rare term: sort its matches, rather than walk the sort index looking for them.
  const orderKey = plan?.kind === 'trigram' ? unindexed(key) : key;
  return {
    backwards,
    hasCursor: cursor !== null,
    offset: cursor?.[2],
    query: rowsOf(db, sort, shape)
      .where(and(...where))
      .orderBy(sql`${orderKey} ${direction}`, sql`${customers.id} ${direction}`)
      .limit(filters.limit + 1),
  };
}

/**
 * A page of the list as listCustomers reads it: for a search, the probe and the page in one
 * transaction; `window` for the first page of a search that matched exactly (SEARCH_EXACT_WINDOW).
 */
async function readPage(
  db: Database,
  filters: CustomerFilters,
  window?: { end: Position | null },
  shape: RowShape = 'list',
) {
  if (filters.sort === 'usage') return readUsagePage(db, filters, shape);
  if (!filters.q) {
    const page = customerPageQuery(db, filters, null, null, shape);
    return { ...page, rows: await page.query };
  }
  return db.transaction(async (t) => {
    const tx = t as unknown as Database;
    const plan = window ? ({ kind: 'walk' } as const) : await probeSearch(tx, filters.q!);
    const page = customerPageQuery(tx, filters, plan, window?.end, shape);
    return { ...page, rows: await page.query };
  });
}

/** One page of customers in the view's sort, filters and search (`exactWindow`: see SEARCH_EXACT_WINDOW). */
export async function listCustomers(actor: Actor, filters: CustomerFilters, exactWindow = SEARCH_EXACT_WINDOW) {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const firstPageOfSearch = filters.q && !(filters.cursor && decodeCursor(filters.cursor, filters.sort));
  const exact = firstPageOfSearch
    ? await rowsQuery(db, filters.sort)
        .where(and(sql`${customers.id} in ${exactMatchIds(filters.q!)}`, ...filterConditions(filters)))
        .orderBy(asc(customers.name))
    : [];
  // The usage sort reads its own two parts (readUsagePage), without a window.
  const windowed = exact.length > 0 && filters.sort !== 'usage' ? filters.sort : null;
  const window = windowed ? { end: await searchWindowEnd(db, filters, windowed, exactWindow) } : undefined;
  const { backwards, hasCursor, offset, rows } = await readPage(db, filters, window);

  const hasMore = rows.length > filters.limit;
  const pageRows = rows.slice(0, filters.limit);
  if (backwards) pageRows.reverse();
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  // A page that ends at the window's end without filling up goes on from there.
  const windowEnd = !hasMore && window?.end ? window.end : null;
  const hasNext = backwards || hasMore || windowEnd !== null;
  const nextFrom = windowEnd ?? last;
  const hasPrev = backwards ? hasMore : hasCursor;
  // Rows of the view before this page: read from the cursor (a cursor of an older portal has none).
  let start: number | null = hasCursor ? (offset ?? null) : 0;
  if (start !== null && backwards) start = hasMore ? Math.max(0, start - pageRows.length) : 0;
  const shown = (firstPageOfSearch ? exact.length : 0) + pageRows.length;
  return {
    exactMatches: exact.map(toCustomerRow),
    items: pageRows.map(toCustomerRow),
    start,
    nextCursor: hasNext && nextFrom ? cursorAt(filters.sort, nextFrom, (start ?? 0) + shown) : null,
    prevCursor: hasPrev && first ? cursorAt(filters.sort, first, start ?? 0) : null,
  } satisfies CustomerPage;
}

/** Every customer the view matches, exact matches of its search included (no cursor, no order). */
export function matchConditions(filters: CustomerFilters): SQL[] {
  const where = filterConditions(filters);
  if (filters.q) where.push(sql`(${searchCondition(filters.q)} or ${customers.id} in ${exactMatchIds(filters.q)})`);
  return where;
}

/**
 * Every customer of a view as its export reads it (whole records), in the list's order (a search's
 * exact matches first, as its first page shows them, then the rest in the view's sort), `size` rows
 * at a time: the list's own keyset, one statement a page, so a view of any length is read in
 * bounded memory. Rows changed while it runs land where the keyset finds them, as they would for a
 * person paging through.
 */
export async function* customerViewPages(
  actor: Actor,
  filters: CustomerFilters,
  size: number,
): AsyncGenerator<CustomerExportRow[]> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const view: CustomerFilters = { ...filters, cursor: undefined, dir: 'next', limit: size };
  if (view.q) {
    const exact = await exportRowsQuery(db, view.sort)
      .where(and(sql`${customers.id} in ${exactMatchIds(view.q)}`, ...filterConditions(view)))
      .orderBy(asc(customers.name));
    if (exact.length > 0) yield exact;
  }
  let cursor: string | undefined;
  for (;;) {
    const { rows } = await readPage(db, { ...view, cursor }, undefined, 'export');
    const page = rows.slice(0, size) as unknown as CustomerExportRow[];
    const last = page[page.length - 1];
    if (last) yield page;
    if (rows.length <= size || !last) return;
    cursor = cursorAt(view.sort, last, 0);
  }
}

/**
 * The custom-field keys the view's customers hold, A to Z, at most `cap + 1` of them (so a caller
 * can tell there are more than it takes). One pass over the view's rows, before its export streams.
 */
export async function viewCustomFieldKeys(actor: Actor, filters: CustomerFilters, cap: number): Promise<string[]> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const rows = await db
    .selectDistinct({ key: sql<string>`k.key` })
    .from(sql`${customers} cross join lateral json_object_keys(${customers.customFields}) as k(key)`)
    .where(and(...matchConditions(filters)))
    .orderBy(sql`k.key`)
    .limit(cap + 1);
  return rows.map((r) => r.key);
}

/** Up to this many matches are counted exactly; past it, the planner's estimate is shown. */
export const EXACT_COUNT_LIMIT = 10_000;

/** How many customers the view matches, across all its pages. */
export async function countCustomers(
  actor: Actor,
  filters: CustomerFilters,
  exactUpTo = EXACT_COUNT_LIMIT,
): Promise<CustomerCount> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const where = matchConditions(filters);
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

/** A customer as the detail page and the edit form see it; `lock` holds its row until the transaction ends. */
export async function loadCustomer(db: Database, id: string, lock = false): Promise<CustomerDetail | null> {
  const query = db
    .select({
      ...recordColumns,
      ...pickColumns(customers, ['id', 'version', 'createdAt', 'updatedAt', 'archivedAt']),
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
  const providers = await billingProviderRows(db, id);
  const asInput = (p: (typeof providers)[number]) =>
    ({
      billingProvider: p.billingProvider,
      deliveryMethod: p.deliveryMethod,
      configuration: p.configuration,
    }) as BillingProviderConfigurationInput;
  const stored: Pick<Customer, ColumnField> = row;
  return {
    ...(stored satisfies Omit<CustomerInput, 'ingestAliases' | 'billingProviders'>),
    id: row.id,
    pricePlanDisplayName: row.pricePlanDisplayName,
    billingProviders: providers
      .filter((p) => p.archivedAt === null)
      .sort((a, b) => a.position - b.position)
      .map(asInput),
    archivedBillingProviders: providers.flatMap((p) =>
      p.archivedAt ? [{ ...asInput(p), id: p.id, archivedAt: p.archivedAt.toISOString() }] : [],
    ),
    ingestAliases: aliases.map((a) => a.alias),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: iso(row.archivedAt),
  };
}

/**
 * One customer, or null. Read once per server render: a page and its metadata share the read
 * (React `cache`, keyed by the actor object, which getActor also reads once per request).
 */
export const getCustomer = cache(async function getCustomer(actor: Actor, id: string): Promise<CustomerDetail | null> {
  assertCan(actor, 'customers:read');
  if (!customerId.safeParse(id).success) return null;
  return loadCustomer(await getDb(), id);
});

/**
 * The uuid of the customer whose ID is `name` (compared case-insensitively, as the unique index
 * does), so that a URL with the ID ops pasted finds the customer.
 */
export async function findCustomerIdByName(actor: Actor, name: string): Promise<string | null> {
  assertCan(actor, 'customers:read');
  // Only a string that could be an ID is looked up (a NUL, say, is not one PostgreSQL can compare).
  if (name.length === 0 || name.length > MAX_ID_LENGTH || !ID_PATTERN.test(name)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(sql`lower(${customers.name}) = lower(${name})`)
    .limit(1);
  return row?.id ?? null;
}

/** Who holds each of these aliases now (for messages; the database decides who gets one). */
export async function findAliasOwners(aliases: string[], reader?: Database): Promise<Map<string, AliasOwner>> {
  const owners = new Map<string, AliasOwner>();
  if (aliases.length === 0) return owners;
  const db = reader ?? (await getDb());
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

/**
 * Who holds each of these custom-field values, for the keys whose values are unique (for messages;
 * the unique index decides). Keyed by the field's key.
 */
export async function findCustomFieldValueOwners(
  db: Database,
  fields: Record<string, string>,
): Promise<Map<string, AliasOwner>> {
  const owners = new Map<string, AliasOwner>();
  const keys = Object.keys(fields);
  if (keys.length === 0) return owners;
  const rows = await db
    .select({
      key: customFieldUniqueValues.key,
      value: customFieldUniqueValues.value,
      id: customers.id,
      name: customers.name,
      archivedAt: customers.archivedAt,
    })
    .from(customFieldUniqueValues)
    .innerJoin(customers, eq(customers.id, customFieldUniqueValues.customerId))
    .where(
      sql`(${customFieldUniqueValues.key}, ${customFieldUniqueValues.value}) in
        (select * from unnest(${sql.param(keys)}::text[], ${sql.param(keys.map((k) => fields[k]))}::text[]))`,
    );
  for (const r of rows) owners.set(r.key, { id: r.id, name: r.name, archived: r.archivedAt !== null });
  return owners;
}

/** Whether an alias is free, and if not, who holds it (another customer than `exceptCustomer`). */
export async function aliasOwner(actor: Actor, alias: string, exceptCustomer?: string): Promise<AliasOwner | null> {
  assertCan(actor, 'customers:read');
  const owner = (await findAliasOwners([alias])).get(alias);
  return owner && owner.id !== exceptCustomer ? owner : null;
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
