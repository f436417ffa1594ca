import { sql, type SQLWrapper } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { textOwner, timestampMs, uuidOwner } from './columns';
import { pricePlans } from './price-plans';

export interface MeasurementMapping {
  label: string;
  valueRegex: string;
}

/**
 * What the unmatched-usage inbox compares to suggest a customer for an identifier: lower-cased,
 * without spaces, `.`, `_` or `-` (lib/validations/unmatched-usage.ts: SUGGESTION_KEY_PATTERN, the
 * same rule). Written out, not a parameter, so that queries match the indexes below.
 */
export const suggestionKey = (column: SQLWrapper) => sql`regexp_replace(lower(${column}), '[[:space:]._-]+', '', 'g')`;

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
    // Metronome's customer_config.salesforce_account_id: the portal's "Salesforce account".
    salesforceAccountId: text('salesforce_account_id'),
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
    // What the search box matches: see customerSearchText.
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    uniqueIndex('customers_name_key').on(sql`lower(${t.name})`),
    // Plain ascending: ORDER BY created_at DESC (nulls first) reads it backwards.
    index('customers_created_at_id_idx').on(t.createdAt, t.id),
    index('customers_id_sort_idx').on(sql`lower(${t.name})`, t.id),
    index('customers_name_sort_idx').on(sql`lower(${t.displayName})`, t.id),
    uniqueIndex('customers_external_id_key').on(t.externalId),
    index('customers_salesforce_account_id_idx').on(t.salesforceAccountId),
    index('customers_search_text_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('customers_price_plan_idx').on(t.pricePlanName),
    index('customers_tags_idx').using('gin', t.tags),
    index('customers_suggestion_key_idx').on(suggestionKey(t.name)),
    // Ingest's mapping candidates: measurement_mappings @> '[{"label": …}]'.
    index('customers_measurement_mappings_idx').using('gin', sql`${t.measurementMappings} jsonb_path_ops`),
  ],
);

/** A child row's customer: the row goes with the customer. */
export const customerRef = () => uuidOwner('customer_id', () => customers.id);

export const customerIngestAliases = pgTable(
  'customer_ingest_aliases',
  {
    customerId: customerRef(),
    position: integer('position').notNull(),
    alias: text('alias').notNull(),
  },
  (t) => [
    primaryKey({ name: 'customer_ingest_aliases_pkey', columns: [t.customerId, t.position] }),
    // One alias routes usage to one customer, archived ones included.
    unique('customer_ingest_aliases_alias_key').on(t.alias),
    index('customer_ingest_aliases_suggestion_key_idx').on(suggestionKey(t.alias)),
  ],
);

export const customerBillingProviders = pgTable(
  'customer_billing_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: customerRef(),
    position: integer('position').notNull(),
    billingProvider: text('billing_provider').notNull(),
    deliveryMethod: text('delivery_method').notNull(),
    configuration: jsonb('configuration').$type<Record<string, string | boolean>>().notNull().default({}),
    createdAt: timestampMs('created_at').notNull().defaultNow(),
    // Archived configurations are kept for the record and free the provider for a new one.
    archivedAt: timestampMs('archived_at'),
  },
  (t) => [
    // At most one active configuration per provider for a customer.
    uniqueIndex('customer_billing_providers_active_key')
      .on(t.customerId, t.billingProvider)
      .where(sql`${t.archivedAt} is null`),
    // The list's provider filter: customers with an active configuration of that provider.
    index('customer_billing_providers_provider_idx')
      .on(t.billingProvider, t.customerId)
      .where(sql`${t.archivedAt} is null`),
  ],
);

/** Custom-field keys registered through /v1 `customFields/addKey`; a key need not be registered to hold values. */
export const customFieldKeys = pgTable('custom_field_keys', {
  key: text('key').primaryKey(),
  enforceUniqueness: boolean('enforce_uniqueness').notNull().default(false),
  createdAt: timestampMs('created_at').notNull().defaultNow(),
});

/**
 * The values of the keys whose values are unique across customers (archived ones included): the
 * unique index settles who holds a value. Kept in step with customers.custom_fields by the one
 * writer (db/customer-children.ts) and by addKey, which fills it when a key becomes unique.
 */
export const customFieldUniqueValues = pgTable(
  'custom_field_unique_values',
  {
    key: textOwner('key', () => customFieldKeys.key),
    value: text('value').notNull(),
    customerId: customerRef(),
  },
  (t) => [
    unique('custom_field_unique_values_key').on(t.key, t.value),
    index('custom_field_unique_values_customer_idx').on(t.customerId),
  ],
);

/**
 * How many of a customer's ingest aliases (the first, by position) the search finds by part of
 * them. The rest are found when the search is the whole alias (the alias table's unique index):
 * a customer with 2,000 long aliases would otherwise put ~1 MB of text into the trigram index on
 * every save (5 s for the largest customer on PGlite, 0.4 s with the first 50).
 */
export const SEARCHABLE_ALIASES = 50;

/**
 * The text the search box looks in, one line per field, lower-cased: ID, Name, email, external
 * ID, Salesforce account and the first SEARCHABLE_ALIASES ingest aliases. Every line starts with a newline, so a prefix search is a LIKE on
 * "\n<prefix>" and no match runs across two fields. Kept up to date by the data layer after
 * every write of a customer or its aliases; bulk loads use the same expression.
 */
export const customerSearchText = sql`(chr(10) || concat_ws(chr(10),
  lower(${customers.name}), lower(${customers.displayName}), lower(${customers.email}), lower(${customers.externalId}),
  lower(${customers.salesforceAccountId}),
  (select string_agg(lower(a.alias), chr(10) order by a.position) from (select a.alias, a.position
    from ${customerIngestAliases} a where a.customer_id = ${customers.id} order by a.position
    limit ${sql.raw(String(SEARCHABLE_ALIASES))}) a)) || chr(10))`;

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
