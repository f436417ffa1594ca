import 'server-only';
import { and, desc, eq, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { auditEntries, users } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { insertJsonRows } from './json-insert';
import { canonical, sameValue, valueKey } from '@/lib/same-value';
import type { AuditAction, AuditActorName, AuditChange, AuditEntryRow, AuditFilters } from '@/lib/validations/audit';

export type { AuditChange, AuditEntryRow };

export interface AuditRecord {
  action: AuditAction;
  entityType: 'customer' | 'price_plan' | 'user' | 'api_key' | 'custom_field_key' | 'unmatched_usage';
  entityId: string;
  entityLabel: string;
  changes: AuditChange[];
}

/** Writes one entry; call it inside the transaction of the change it describes. */
export async function recordAudit(tx: Database, actor: Actor, entry: AuditRecord): Promise<void> {
  await tx.insert(auditEntries).values({ ...entry, actorId: actor.id, actorEmail: actor.email });
}

/** Writes many entries in one statement (a batch of creates), inside the transaction of the change. */
export async function recordAudits(tx: Database, actor: Actor, entries: AuditRecord[]): Promise<void> {
  if (entries.length === 0) return;
  await insertJsonRows(
    tx,
    auditEntries,
    entries.map((e) => ({ ...e, actorId: actor.id, actorEmail: actor.email })),
  );
}

/** Nothing worth listing: no value, blank text, an empty list or an empty set of custom fields. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * Field-by-field changes between two records, compared as values (key order does not count);
 * lists record what was removed and added.
 */
export function diffRecords(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  listFields: readonly string[] = [],
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of Object.keys(after)) {
    const old = before[field];
    const next = after[field];
    if (sameValue(old, next)) continue;
    if (listFields.includes(field) && Array.isArray(old) && Array.isArray(next)) {
      const oldSet = new Set(old.map(valueKey));
      const newSet = new Set(next.map(valueKey));
      const removed = old.filter((v) => !newSet.has(valueKey(v)));
      const added = next.filter((v) => !oldSet.has(valueKey(v)));
      if (removed.length === 0 && added.length === 0) {
        changes.push({ field, old: 'reordered', new: 'reordered' });
      } else changes.push({ field, old: removed.map(canonical), new: added.map(canonical) });
      continue;
    }
    changes.push({ field, old: old ?? null, new: next ?? null });
  }
  return changes;
}

/** A new record's fields as changes from nothing, leaving out the ones left empty. */
export function createdFields(record: Record<string, unknown>, listFields: readonly string[] = []): AuditChange[] {
  return diffRecords({}, record, listFields).filter((c) => !isEmptyValue(c.new));
}

const PAGE = 50;

/** `column` contains `text`, ignoring case; `%` and `_` typed by a person match themselves. */
function contains(column: SQLWrapper, text: string): SQL {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`lower(${column}) like ${pattern}`;
}

/** The columns of a row, with the actor's current name (their email is kept as it was then). */
const rowColumns = { entry: auditEntries, actorName: users.name };

function toRow({
  entry: r,
  actorName,
}: {
  entry: typeof auditEntries.$inferSelect;
  actorName: string | null;
}): AuditEntryRow {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorName,
    actorEmail: r.actorEmail,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityLabel: r.entityLabel,
    changes: r.changes,
  };
}

/** Every entry, newest first, filtered, by keyset on (at, id). Admins only. */
export async function listAuditEntries(
  actor: Actor,
  f: AuditFilters,
): Promise<{ items: AuditEntryRow[]; nextCursor: string | null }> {
  assertCan(actor, 'audit:read');
  const db = await getDb();
  const where: (SQL | undefined)[] = [
    f.actor ? or(contains(auditEntries.actorEmail, f.actor), contains(users.name, f.actor)) : undefined,
    f.action ? eq(auditEntries.action, f.action) : undefined,
    f.customer
      ? and(eq(auditEntries.entityType, 'customer'), contains(auditEntries.entityLabel, f.customer))
      : undefined,
    f.from ? sql`${auditEntries.at} >= (${f.from}::date)::timestamp at time zone 'UTC'` : undefined,
    f.to ? sql`${auditEntries.at} < (${f.to}::date + 1)::timestamp at time zone 'UTC'` : undefined,
  ];
  if (f.cursor) {
    const [at, id] = f.cursor.split('_');
    where.push(sql`(${auditEntries.at}, ${auditEntries.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select(rowColumns)
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(...where))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(PAGE + 1);
  const items = rows.slice(0, PAGE).map(toRow);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > PAGE && last ? `${last.at}_${last.id}` : null };
}

/** A customer's history, newest first. */
export async function customerHistory(actor: Actor, customerId: string, limit = 100): Promise<AuditEntryRow[]> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const rows = await db
    .select(rowColumns)
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(eq(auditEntries.entityType, 'customer'), eq(auditEntries.entityId, customerId)))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(limit);
  return rows.map(toRow);
}

/** Who made an entity's latest change, from its audit trail. */
export async function lastActor(
  db: Database,
  entityType: AuditRecord['entityType'],
  entityId: string,
): Promise<(AuditActorName & { id: string }) | null> {
  const [row] = await db
    .select({ id: auditEntries.actorId, email: auditEntries.actorEmail, name: users.name })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, entityId)))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(1);
  return row ?? null;
}
