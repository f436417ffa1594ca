import { z } from 'zod';
import { MAX_SALESFORCE_ACCOUNT_LENGTH } from '../customer';
import { v1BillingConfigurationInput, v1DeprecatedBillingConfig } from './billing-configurations';
import { notSupported, v1CustomFields, v1ExternalId, v1IngestAliases, v1Name, v1Text, v1Uuid } from './common';

/** POST /v1/customers */
export const createCustomerBody = z.object({
  name: v1Name,
  external_id: v1ExternalId.optional(),
  ingest_aliases: v1IngestAliases.default([]),
  custom_fields: v1CustomFields.default({}),
  customer_billing_provider_configurations: z.array(v1BillingConfigurationInput).max(100).default([]),
  billing_config: v1DeprecatedBillingConfig.optional(),
  customer_revenue_system_configurations: notSupported(
    'customer_revenue_system_configurations is not supported',
    (v) => v === undefined || v === null || (Array.isArray(v) && v.length === 0),
  ),
});
export type CreateCustomerBody = z.output<typeof createCustomerBody>;

/** POST /v1/customers/archive */
export const archiveCustomerBody = z.object({ id: v1Uuid });

/** POST /v1/customers/{customer_id}/setName */
export const setCustomerNameBody = z.object({ name: v1Name });

/** POST /v1/customers/{customer_id}/setIngestAliases */
export const setIngestAliasesBody = z.object({ ingest_aliases: v1IngestAliases });

/** POST /v1/customers/{customer_id}/updateConfig */
export const updateCustomerConfigBody = z.object({
  salesforce_account_id: v1Text(MAX_SALESFORCE_ACCOUNT_LENGTH).nullable().optional(),
  leave_stripe_invoices_in_draft: notSupported(
    'leave_stripe_invoices_in_draft is not supported',
    (v) => v === undefined || v === null,
  ),
});
export type UpdateCustomerConfigBody = z.output<typeof updateCustomerConfigBody>;

export const MAX_LIST_IDS = 100;
export const DEFAULT_LIST_LIMIT = 100;

/** A text to match exactly: a NUL is in no stored value (and the database takes none). */
const queryText = z.string().refine((v) => !v.includes('\0'), 'must not contain NUL characters');

/** A query parameter given as "a,b", repeated, or both: one list. */
const idList = (item: z.ZodType<string, string>, label: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter((s) => s !== ''))
    .pipe(z.array(item).max(MAX_LIST_IDS, `at most ${MAX_LIST_IDS} ${label}`));

/** GET /v1/customers (the query string; see queryObject) */
export const listCustomersQuery = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'must be an integer from 1 to 100')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be an integer from 1 to 100').max(100, 'must be an integer from 1 to 100'))
    .default(DEFAULT_LIST_LIMIT)
    .meta({ description: 'An integer from 1 to 100; default 100' }),
  next_page: z.string().optional().meta({ description: 'The cursor of the previous page' }),
  customer_ids: idList(v1Uuid, 'customer_ids')
    .optional()
    .meta({ description: 'UUIDs, comma-separated or repeated; at most 100' }),
  ingest_alias: queryText.optional().meta({ description: 'Exact, case-sensitive match on one alias' }),
  only_archived: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .default(false)
    .meta({ description: 'true: archived customers only; else active ones only' }),
  salesforce_account_ids: idList(queryText, 'salesforce_account_ids')
    .optional()
    .meta({ description: 'Exact matches; at most 100' }),
});
export type ListCustomersQuery = z.output<typeof listCustomersQuery>;

/**
 * A query string as an object for the query schemas: a parameter given once is a string,
 * repeated an array (`customer_ids=a&customer_ids=b`).
 */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}
