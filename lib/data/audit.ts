import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db';
import { auditEntries, type AuditChange } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';

export type { AuditChange };

export const AUDIT_ACTIONS = [
  'customer.create',
  'customer.update',
  'customer.archive',
  'customer.unarchive',
  'price_plan.create',
  'price_plan.update',
  'price_plan.archive',
  'price_plan.unarchive',
  'user.create',
  'user.update',
  'user.password',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  action: AuditAction;
  entityType: 'customer' | 'price_plan' | 'user';
  entityId: string;
  entityLabel: string;
  changes: AuditChange[];
}

/** Writes one entry; call it inside the transaction of the change it describes. */
export async function recordAudit(tx: Database, actor: Actor, entry: AuditRecord): Promise<void> {
  await tx.insert(auditEntries).values({ ...entry, actorId: actor.id, actorEmail: actor.email });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-by-field changes between two records; lists record what was removed and added. */
export function diffRecords(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  listFields: readonly string[] = [],
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of Object.keys(after)) {
    const old = before[field];
    const next = after[field];
    if (same(old, next)) continue;
    if (listFields.includes(field) && Array.isArray(old) && Array.isArray(next)) {
      const oldSet = new Set(old.map((v) => JSON.stringify(v)));
      const newSet = new Set(next.map((v) => JSON.stringify(v)));
      const removed = old.filter((v) => !newSet.has(JSON.stringify(v)));
      const added = next.filter((v) => !oldSet.has(JSON.stringify(v)));
      if (removed.length === 0 && added.length === 0) {
        changes.push({ field, old: 'reordered', new: 'reordered' });
      } else changes.push({ field, old: removed, new: added });
      continue;
    }
    changes.push({ field, old: old ?? null, new: next ?? null });
  }
  return changes;
}

export interface AuditEntryRow {
  id: string;
  at: string;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  changes: AuditChange[];
}

/** A filter typed into a search box: control characters (NUL included) are dropped, blank is none. */
const searchText = (max: number) =>
  z
    .string()
    .transform(
      (v) =>
        v
          .replace(/[\u0000-\u001f\u007f]+/g, ' ')
          .trim()
          .slice(0, max) || undefined,
    )
    .optional()
    .catch(undefined);

/** A calendar day PostgreSQL can hold (year 1 onward); anything else is ignored. */
const day = z.iso
  .date()
  .refine((d) => d >= '0001-01-01')
  .optional()
  .catch(undefined);

/** Where a page ends: the last entry's time (as written by listAuditEntries) and id. */
const auditCursor = z
  .string()
  .max(200)
  .refine((c) => {
    const [at, id, ...rest] = c.split('_');
    const validAt = at !== undefined && at >= '0001' && z.iso.datetime().safeParse(at).success;
    return rest.length === 0 && validAt && z.uuid().safeParse(id).success;
  })
  .optional()
  .catch(undefined);

/** The Audit page's filters, from its URL: a value that makes no sense is left out, never an error. */
export const auditFilters = z.object({
  actor: searchText(254),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  customer: searchText(128),
  from: day,
  to: day,
  cursor: auditCursor,
});
export type AuditFilters = z.output<typeof auditFilters>;

const PAGE = 50;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function toRow(r: typeof auditEntries.$inferSelect): AuditEntryRow {
  return {
    id: r.id,
    at: r.at.toISOString(),
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
    f.actor ? sql`lower(${auditEntries.actorEmail}) like ${`%${escapeLike(f.actor.toLowerCase())}%`}` : undefined,
    f.action ? eq(auditEntries.action, f.action) : undefined,
    f.customer
      ? and(
          eq(auditEntries.entityType, 'customer'),
          sql`lower(${auditEntries.entityLabel}) like ${`%${escapeLike(f.customer.toLowerCase())}%`}`,
        )
      : undefined,
    f.from ? sql`${auditEntries.at} >= (${f.from}::date)::timestamp at time zone 'UTC'` : undefined,
    f.to ? sql`${auditEntries.at} < (${f.to}::date + 1)::timestamp at time zone 'UTC'` : undefined,
  ];
  if (f.cursor) {
    const [at, id] = f.cursor.split('_');
    where.push(sql`(${auditEntries.at}, ${auditEntries.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(auditEntries)
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
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, 'customer'), eq(auditEntries.entityId, customerId)))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(limit);
  return rows.map(toRow);
}
