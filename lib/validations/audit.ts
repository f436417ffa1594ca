import { z } from 'zod';

// The audit trail's shapes and filters: browser-safe, shared by the data layer and the pages.

export const AUDIT_ACTIONS = [
  'customer.create',
  'customer.update',
  'customer.archive',
  'customer.unarchive',
  'price_plan.create',
  'user.create',
  'user.update',
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

export const auditFilters = z.object({
  actor: z.string().trim().max(MAX_AUDIT_ACTOR_SEARCH).optional().catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  customer: z.string().trim().max(MAX_AUDIT_CUSTOMER_SEARCH).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});
export type AuditFilters = z.output<typeof auditFilters>;

/** The filters (and cursor) as a query string, leaving out what is not set: "" or "?actor=…". */
export function auditSearch(f: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : '';
}
