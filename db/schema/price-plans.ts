import { sql } from 'drizzle-orm';
import { integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestampMs } from './columns';

export const pricePlans = pgTable(
  'price_plans',
  {
    name: text('name').primaryKey(),
    displayName: text('display_name').notNull(),
    description: text('description'),
    createdAt: timestampMs('created_at').notNull().defaultNow(),
    // Bumped by every edit: an edit made on an older version is refused, never silently overwritten.
    version: integer('version').notNull().default(1),
    // An archived plan stays on the customers that have it; no other customer can be given it.
    archivedAt: timestampMs('archived_at'),
  },
  (t) => [uniqueIndex('price_plans_name_key').on(sql`lower(${t.name})`)],
);

export type PricePlan = typeof pricePlans.$inferSelect;
