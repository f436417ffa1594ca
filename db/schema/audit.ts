import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestampMs } from './columns';

export interface AuditChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** One row per successful change, written in the same transaction as the change. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestampMs('at').notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorEmail: text('actor_email').notNull(),
    action: text('action').notNull(), // customer.create, customer.update, customer.archive, …
    entityType: text('entity_type').notNull(), // customer | price_plan | user
    entityId: text('entity_id').notNull(),
    entityLabel: text('entity_label').notNull(),
    changes: jsonb('changes').$type<AuditChange[]>().notNull().default([]),
  },
  (t) => [
    index('audit_entries_at_id_idx').on(t.at.desc(), t.id.desc()),
    index('audit_entries_entity_idx').on(t.entityType, t.entityId, t.at.desc()),
    index('audit_entries_actor_idx').on(t.actorId, t.at.desc()),
  ],
);

export type AuditEntry = typeof auditEntries.$inferSelect;
