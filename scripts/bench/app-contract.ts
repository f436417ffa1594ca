// What the bench takes from the app, so its floors and its seed run the app's own SQL: the list
// page's query (built, not run, by customerPageQuery), every statement listCustomers runs (to
// find the exact-match lookup a search adds), and customerSearchText (to fill search_text).
import { getDatabase } from '../../db';
import type { Actor } from '../../lib/auth/permissions';
import { countCustomers, customerPageQuery, listCustomers, planSearch } from '../../lib/data/customers';
import { parseCustomerFilters } from '../../lib/validations/customer-filters';

export { customerSearchText } from '../../db/schema';

/** The query string of GET /api/customers, as the bench sends it (q, status, cursor, limit…). */
export type ListParams = Record<string, string>;

/** A statement as the driver takes it. */
export interface RawQuery {
  sql: string;
  params: unknown[];
}

const READER: Actor = { id: 'bench', email: 'bench@meterline.example', name: 'Bench', role: 'viewer' };

const filtersOf = (params: ListParams) => parseCustomerFilters(new URLSearchParams(params));

/** The list page's query for these params, as GET /api/customers runs it (a search: in the plan its probe chose). */
export async function listQuery(params: ListParams): Promise<RawQuery> {
  const { db } = await getDatabase();
  const filters = filtersOf(params);
  const plan = filters.q ? await planSearch(db, filters.q) : null;
  return customerPageQuery(db, filters, plan).query.toSQL();
}

/** Runs listCustomers (the DAL, as the route calls it) and returns its result. */
export function listPage(params: ListParams) {
  return listCustomers(READER, filtersOf(params));
}

/** How many customers the list says match these params (exact up to its limit, then estimated). */
export function countMatches(params: ListParams) {
  return countCustomers(READER, filtersOf(params));
}

type Query = (...args: unknown[]) => Promise<unknown>;

/**
 * Every statement listCustomers sends to the driver for these params, in order. It is watched at
 * the driver's query() (pg: query(config, values); PGlite: query(text, values, options)), so the
 * floors run what the app really runs, with nothing copied that could drift.
 */
export async function listCustomersStatements(params: ListParams): Promise<RawQuery[]> {
  const { db } = await getDatabase();
  const client = (db as unknown as { $client: { query: Query } }).$client;
  const seen: RawQuery[] = [];
  const original = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    const [first, values] = args;
    const sql = typeof first === 'string' ? first : (first as { text: string }).text;
    seen.push({ sql, params: Array.isArray(values) ? values : [] });
    return original.apply(this, args);
  };
  try {
    await listPage(params);
  } finally {
    client.query = original;
  }
  return seen;
}

/**
 * The exact-match lookup a search's first page adds to the page query (customers whose ID,
 * external ID or ingest alias is the search): the statement listCustomers runs besides the page.
 */
export async function exactMatchQuery(q: string): Promise<RawQuery> {
  // The page query also names the exact matches (to leave them out), inside "not in (…)".
  const exact = (await listCustomersStatements({ q })).filter((s) => / union /.test(s.sql) && !/ not in /.test(s.sql));
  if (exact.length !== 1) throw new Error(`expected listCustomers to run one exact-match query, saw ${exact.length}`);
  return exact[0]!;
}
