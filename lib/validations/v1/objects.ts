import { z } from 'zod';
import { BILLING_PROVIDERS, DELIVERY_METHODS, type BillingProvider, type DeliveryMethod } from '../billing-providers';

// The JSON objects /v1 answers with (the contract's §3), for the OpenAPI document and as types.

const timestamp = z.iso.datetime().meta({ description: 'RFC 3339, UTC, milliseconds' });

export const customerObject = z.object({
  id: z.uuid(),
  external_id: z.string().meta({ description: 'The external ID; else the first ingest alias; else the id' }),
  ingest_aliases: z.array(z.string()),
  name: z.string(),
  custom_fields: z.record(z.string(), z.string()),
});
export type V1Customer = z.output<typeof customerObject>;

export const customerDetailObject = customerObject.extend({
  created_at: timestamp,
  updated_at: timestamp,
  archived_at: timestamp.nullable(),
  customer_config: z.object({ salesforce_account_id: z.string().nullable() }),
});
export type V1CustomerDetail = z.output<typeof customerDetailObject>;

export const billingProviderConfigurationObject = z.object({
  id: z.uuid(),
  customer_id: z.uuid(),
  billing_provider: z.enum(Object.keys(BILLING_PROVIDERS) as [BillingProvider, ...BillingProvider[]]),
  configuration: z.record(z.string(), z.union([z.string(), z.boolean()])),
  delivery_method: z.enum(Object.keys(DELIVERY_METHODS) as [DeliveryMethod, ...DeliveryMethod[]]),
  delivery_method_id: z.uuid(),
  delivery_method_configuration: z.record(z.string(), z.unknown()),
  archived_at: timestamp.nullable(),
});
export type V1BillingProviderConfiguration = z.output<typeof billingProviderConfigurationObject>;

export const customFieldKeyObject = z.object({
  entity: z.literal('customer'),
  key: z.string(),
  enforce_uniqueness: z.boolean(),
});
export type V1CustomFieldKey = z.output<typeof customFieldKeyObject>;

/** A page of a list: `next_page` is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next_page: z.string().nullable() });

/** The answers of each endpoint (the contract's §4–§6). */
export const customerAnswer = z.object({ data: customerObject });
export const customerDetailAnswer = z.object({ data: customerDetailObject });
export const customerPageAnswer = pageOf(customerDetailObject);
export const archivedCustomerAnswer = z.object({ data: z.object({ id: z.uuid() }) });
export const billingConfigurationsAnswer = z.object({ data: z.array(billingProviderConfigurationObject) });
export const archivedBillingConfigurationsAnswer = z.object({
  data: z.object({ customer_id: z.uuid(), customer_billing_provider_configuration_ids: z.array(z.uuid()) }),
});
export const customFieldKeyPageAnswer = pageOf(customFieldKeyObject);
/** The answer of the calls the SDK types as void. */
export const emptyAnswer = z.object({}).meta({ description: 'An empty JSON object' });

/** Every error answer: `code` is stable, for programs; `message` is one readable sentence. */
export const v1ErrorObject = z.object({
  message: z.string(),
  code: z.string(),
  field: z.string().optional().meta({ description: 'The first offending field, as a path' }),
  errors: z
    .array(z.object({ field: z.string().optional(), index: z.number().int().optional(), message: z.string() }))
    .optional()
    .meta({ description: 'Every problem found' }),
  owner: z
    .object({ id: z.uuid(), name: z.string(), portal_id: z.string() })
    .optional()
    .meta({ description: 'Conflicts: the customer that holds the value' }),
  request_id: z.string(),
});
