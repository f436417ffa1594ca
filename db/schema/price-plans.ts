import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const pricePlans = pgTable(
  'price_plans',
  {
    name: text('name').primaryKey(),
    displayName: text('display_name').notNull(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('price_plans_name_key').on(sql`lower(${t.name})`)],
);

export type PricePlan = typeof pricePlans.$inferSelect;
