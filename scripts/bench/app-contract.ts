// What the bench takes from the app: the list query's SQL (to run it raw for the database floor)
// and the SQL that fills customers.search_text (to seed it the way the app writes it).
//
// TODO(search): the list's search, filters and `search_text` are landing on main. Until they do,
// the adapters below stand in for them and are marked STUB; once they land, each one becomes a
// one-line call of the app's own export and STUB goes away.
import { and, asc, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db';
import { customerIngestAliases, customers } from '../../db/schema';
import { ALIAS_PREVIEW, decodeCursor } from '../../lib/data/customers';
import { parseCustomerFilters } from '../../lib/validations/customer';

/** The query string of GET /api/customers, as the bench sends it (q, status, cursor, limit…). */
export type ListParams = Record<string, string>;

/** A statement as the driver takes it. */
export interface RawQuery {
  sql: string;
  params: unknown[];
}

/** Which parts of the contract are still stand-ins (shown in the report and the JSON). */
export const STUBS = {
  listQuery: true,
  search: true,
  exactMatches: true,
  searchText: true,
};

/**
 * The SQL the app stores in customers.search_text, over the columns of a `customers` row.
 * STUB: null (no such column yet), so the seed leaves it out.
 */
export function searchTextSql(): SQL | null {
  return null;
}

/** STUB: the list's search filter; a plain ILIKE over the visible fields until the app's lands. */
function searchCondition(q: string): SQL | undefined {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(customers.name, pattern), ilike(customers.displayName, pattern), ilike(customers.email, pattern));
}

const aliasPreview = sql<string[]>`coalesce((
  select json_agg(p.alias order by p.position) from (
    select a.alias, a.position from ${customerIngestAliases} a
    where a.customer_id = ${customers.id} order by a.position limit ${sql.raw(String(ALIAS_PREVIEW))}
  ) p), '[]'::json)`;

const aliasCount = sql<number>`(select count(*)::int from ${customerIngestAliases} a where a.customer_id = ${customers.id})`;

/**
 * The list page's main query, as GET /api/customers runs it for these params.
 * STUB: a copy of listCustomers' query (plus the stand-in search) until lib/data/customers.ts
 * exports the builder.
 */
export async function listQuery(params: ListParams): Promise<RawQuery> {
  const db = await getDb();
  const filters = parseCustomerFilters(new URLSearchParams(params));
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  const backwards = cursor !== null && filters.dir === 'prev';
  const where: (SQL | undefined)[] = [
    filters.status === 'active'
      ? isNull(customers.archivedAt)
      : filters.status === 'archived'
        ? isNotNull(customers.archivedAt)
        : undefined,
  ];
  if (params.q) where.push(searchCondition(params.q));
  if (cursor) {
    const key = sql`(${customers.createdAt}, ${customers.id})`;
    const at = sql`(${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`;
    where.push(backwards ? sql`${key} > ${at}` : sql`${key} < ${at}`);
  }
  return db
    .select({
      id: customers.id,
      name: customers.name,
      displayName: customers.displayName,
      email: customers.email,
      aliases: aliasPreview,
      aliasCount,
      createdAt: customers.createdAt,
      archivedAt: customers.archivedAt,
    })
    .from(customers)
    .where(and(...where))
    .orderBy(
      ...(backwards ? [asc(customers.createdAt), asc(customers.id)] : [desc(customers.createdAt), desc(customers.id)]),
    )
    .limit(filters.limit + 1)
    .toSQL();
}

/**
 * The exact-match lookup a search runs on its first page (a customer whose ID, external ID or
 * ingest alias is exactly q). STUB: the alias part, by the unique alias index.
 */
export async function exactMatchQuery(q: string): Promise<RawQuery> {
  const db = await getDb();
  return db
    .select({ id: customers.id, name: customers.name, displayName: customers.displayName })
    .from(customerIngestAliases)
    .innerJoin(customers, eq(customers.id, customerIngestAliases.customerId))
    .where(eq(customerIngestAliases.alias, q))
    .toSQL();
}
