import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { pricePlans } from './price-plans';

export interface MeasurementMapping {
  label: string;
  valueRegex: string;
}

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
    secondaryEmails: text('secondary_emails')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    phone: text('phone'),
    logoUrl: text('logo_url'),
    legalName: text('legal_name'),
    vatId: text('vat_id'),
    externalId: text('external_id'),
    pricePlanName: text('price_plan_name').references(() => pricePlans.name, {
      onUpdate: 'cascade',
      onDelete: 'restrict',
    }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // json, not jsonb: keeps the keys in the order ops staff entered them.
    customFields: json('custom_fields').$type<Record<string, string>>().notNull().default({}),
    measurementMappings: jsonb('measurement_mappings').$type<MeasurementMapping[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestampMs('created_at').notNull().defaultNow(),
    updatedAt: timestampMs('updated_at').notNull().defaultNow(),
    archivedAt: timestampMs('archived_at'),
  },
  (t) => [
    uniqueIndex('customers_name_key').on(sql`lower(${t.name})`),
    index('customers_created_at_id_idx').on(t.createdAt.desc(), t.id.desc()),
    uniqueIndex('customers_external_id_key').on(t.externalId),
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

export const customerBillingProviders = pgTable(
  'customer_billing_providers',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    billingProvider: text('billing_provider').notNull(),
    deliveryMethod: text('delivery_method').notNull(),
    configuration: jsonb('configuration').$type<Record<string, string | boolean>>().notNull().default({}),
  },
  (t) => [
    // At most one configuration per provider for a customer.
    primaryKey({ name: 'customer_billing_providers_pkey', columns: [t.customerId, t.billingProvider] }),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
