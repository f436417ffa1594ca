import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Millisecond precision: JavaScript dates (and so keyset cursors) round-trip exactly.
const timestampMs = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(), // the portal's "ID"
    displayName: text('display_name').notNull(), // the portal's "Name"
    description: text('description'),
    email: text('email'),
    website: text('website'),
    addressLine1: text('address_line_1'),
    addressLine2: text('address_line_2'),
    city: text('city'),
    state: text('state'),
    zipcode: text('zipcode'),
    country: text('country'), // ISO 3166 alpha-2
    version: integer('version').notNull().default(1),
    createdAt: timestampMs('created_at').notNull().defaultNow(),
    updatedAt: timestampMs('updated_at').notNull().defaultNow(),
    archivedAt: timestampMs('archived_at'),
  },
  (t) => [
    uniqueIndex('customers_name_key').on(sql`lower(${t.name})`),
    index('customers_created_at_id_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);

export const customerIngestAliases = pgTable(
  'customer_ingest_aliases',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    alias: text('alias').notNull(),
  },
  (t) => [
    primaryKey({ name: 'customer_ingest_aliases_pkey', columns: [t.customerId, t.position] }),
    // One alias routes usage to one customer, archived ones included.
    unique('customer_ingest_aliases_alias_key').on(t.alias),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
