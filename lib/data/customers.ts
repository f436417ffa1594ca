import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { customerIngestAliases, customers } from '@/db/schema';
import { failure, ok, type ActionResult, type FieldErrors } from '@/lib/action-result';
import { customerId, type CustomerFilters, type CustomerInput } from '@/lib/validations/customer';
import { violatedUniqueConstraint } from './db-errors';

/** How many aliases a list row carries; the rest are counted. */
export const ALIAS_PREVIEW = 3;

export interface CustomerRow {
  id: string;
  name: string;
  displayName: string;
  email: string | null;
  aliases: string[];
  aliasCount: number;
  createdAt: string;
  archivedAt: string | null;
}

export interface CustomerPage {
  items: CustomerRow[];
  nextCursor: string | null;
  prevCursor: string | null;
}

export interface CustomerDetail {
  id: string;
  name: string;
  displayName: string;
  description: string | null;
  email: string | null;
  website: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  ingestAliases: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

const cursorShape = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeCursor(row: Pick<CustomerRow, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const aliasPreview = sql<string[]>`coalesce((
  select json_agg(p.alias order by p.position) from (
    select a.alias, a.position from ${customerIngestAliases} a
    where a.customer_id = ${customers.id} order by a.position limit ${sql.raw(String(ALIAS_PREVIEW))}
  ) p), '[]'::json)`;

const aliasCount = sql<number>`(select count(*)::int from ${customerIngestAliases} a where a.customer_id = ${customers.id})`;

/** One page of customers, newest first, by keyset on (created_at, id). */
export async function listCustomers(filters: CustomerFilters): Promise<CustomerPage> {
  const db = await getDb();
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  const backwards = cursor !== null && filters.dir === 'prev';
  const where: SQL[] = [sql`${customers.archivedAt} is null`];
  if (cursor) {
    const [createdAt, id] = cursor;
    const key = sql`(${customers.createdAt}, ${customers.id})`;
    const at = sql`(${createdAt}::timestamptz, ${id}::uuid)`;
    where.push(backwards ? sql`${key} > ${at}` : sql`${key} < ${at}`);
  }
  const order = backwards
    ? [asc(customers.createdAt), asc(customers.id)]
    : [desc(customers.createdAt), desc(customers.id)];

  const rows = await db
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
    .orderBy(...order)
    .limit(filters.limit + 1);

  const hasMore = rows.length > filters.limit;
  const pageRows = rows.slice(0, filters.limit);
  if (backwards) pageRows.reverse();
  const items: CustomerRow[] = pageRows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    archivedAt: iso(r.archivedAt),
  }));
  const first = items[0];
  const last = items[items.length - 1];
  const hasNext = backwards ? true : hasMore;
  const hasPrev = backwards ? hasMore : cursor !== null;
  return {
    items,
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    prevCursor: hasPrev && first ? encodeCursor(first) : null,
  };
}

export async function getCustomer(id: string): Promise<CustomerDetail | null> {
  if (!customerId.safeParse(id).success) return null;
  const db = await getDb();
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  if (!row) return null;
  const aliases = await db
    .select({ alias: customerIngestAliases.alias })
    .from(customerIngestAliases)
    .where(eq(customerIngestAliases.customerId, id))
    .orderBy(asc(customerIngestAliases.position));
  return {
    id: row.id,
    name: row.name,
    displayName: row.displayName,
    description: row.description,
    email: row.email,
    website: row.website,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    city: row.city,
    state: row.state,
    zipcode: row.zipcode,
    country: row.country,
    ingestAliases: aliases.map((a) => a.alias),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: iso(row.archivedAt),
  };
}

/** Who holds each of these aliases now (for messages; the database decides who gets one). */
export async function findAliasOwners(aliases: string[]): Promise<Map<string, { id: string; name: string }>> {
  const owners = new Map<string, { id: string; name: string }>();
  if (aliases.length === 0) return owners;
  const db = await getDb();
  const rows = await db
    .select({ alias: customerIngestAliases.alias, id: customers.id, name: customers.name })
    .from(customerIngestAliases)
    .innerJoin(customers, eq(customers.id, customerIngestAliases.customerId))
    .where(inArray(customerIngestAliases.alias, aliases));
  for (const r of rows) owners.set(r.alias, { id: r.id, name: r.name });
  return owners;
}

/**
 * After the database refused a write, says which fields clash and with whom: the ID and every
 * alias, so the user fixes all of them at once. Reads only; the database already decided.
 */
async function conflictErrors(input: Pick<CustomerInput, 'name' | 'ingestAliases'>) {
  const db = await getDb();
  const [holder] = await db
    .select({ name: customers.name })
    .from(customers)
    .where(sql`lower(${customers.name}) = lower(${input.name})`);
  const owners = await findAliasOwners(input.ingestAliases);
  const fieldErrors: FieldErrors = {};
  if (holder) {
    fieldErrors.name = [
      holder.name === input.name
        ? 'This ID is already taken'
        : `This ID is already taken by “${holder.name}” (IDs are compared ignoring case)`,
    ];
  }
  let aliasesTaken = 0;
  input.ingestAliases.forEach((alias, i) => {
    const owner = owners.get(alias);
    if (!owner) return;
    aliasesTaken++;
    fieldErrors[`ingestAliases.${i}.value`] = [`Already used by customer ${owner.name}`];
  });
  const reasons = [
    holder ? 'the ID is already taken' : null,
    aliasesTaken === 1 ? 'an ingest alias belongs to another customer' : null,
    aliasesTaken > 1 ? `${aliasesTaken} ingest aliases belong to other customers` : null,
  ].filter(Boolean);
  if (reasons.length === 0) {
    return failure('Another change took this ID or an alias a moment ago. Please try again.');
  }
  const sentence = reasons.join(' and ');
  return failure(`Not saved: ${sentence}.`, fieldErrors);
}

/** Creates a customer and its aliases in one transaction; uniqueness is settled by the database. */
export async function insertCustomer(input: CustomerInput): Promise<ActionResult<{ id: string }>> {
  const db = await getDb();
  const { ingestAliases, ...fields } = input;
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(customers).values(fields).returning({ id: customers.id });
      if (!row) throw new Error('insert returned no row');
      if (ingestAliases.length > 0) {
        await tx
          .insert(customerIngestAliases)
          .values(ingestAliases.map((alias, position) => ({ customerId: row.id, position, alias })));
      }
      return row.id;
    });
    return ok({ id });
  } catch (err) {
    const constraint = violatedUniqueConstraint(err);
    if (constraint === 'customers_name_key' || constraint === 'customer_ingest_aliases_alias_key') {
      return conflictErrors(input);
    }
    throw err;
  }
}

export async function countCustomers(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customers);
  return row?.n ?? 0;
}
