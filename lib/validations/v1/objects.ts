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
