import { z } from 'zod';
import { filterText } from './text';

// The audit trail's shapes and filters: browser-safe, shared by the data layer and the pages.

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
  'api_key.create',
  'api_key.revoke',
  'custom_field_key.add',
  'custom_field_key.update',
  'custom_field_key.remove',
  'unmatched_usage.ignore',
  'unmatched_usage.unignore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One field of a change: its value before and after (lists: what was removed and added). */
export interface AuditChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** Who made a change: their name now (null once the user is gone) and their email then. */
export interface AuditActorName {
  name: string | null;
  email: string;
}

export interface AuditEntryRow {
  id: string;
  at: string;
  actorName: string | null;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  changes: AuditChange[];
}

/** Who saved the version an edit collided with; `isYou` when it was the editor themself (another tab). */
export interface ChangedBy extends AuditActorName {
  isYou: boolean;
}

export const MAX_AUDIT_ACTOR_SEARCH = 254;
export const MAX_AUDIT_CUSTOMER_SEARCH = 128;

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
  actor: filterText(MAX_AUDIT_ACTOR_SEARCH),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  customer: filterText(MAX_AUDIT_CUSTOMER_SEARCH),
  from: day,
  to: day,
  cursor: auditCursor,
});
export type AuditFilters = z.output<typeof auditFilters>;

/** The filters (and cursor) as a query string, leaving out what is not set: "" or "?actor=…". */
export function auditSearch(f: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : '';
}
