import { z } from 'zod';
import {
  BILLING_PROVIDERS,
  billingProviderConfiguration,
  DELIVERY_METHODS,
  type BillingProvider,
  type BillingProviderConfiguration,
  type DeliveryMethod,
} from '../billing-providers';
import { notSupported, v1String, v1Uuid } from './common';

/**
 * Each delivery method's fixed id: the UUIDv5 (URL namespace) of
 * `urn:meterline:delivery-method:<method>` (checked by a unit test).
 */
export const DELIVERY_METHOD_IDS: Record<DeliveryMethod, string> = {
  direct_to_billing_provider: '14c550ab-e89c-524e-a8d3-fe012379ea08',
  aws_sqs: 'b9e3a19b-29ff-589d-969f-95d466b04826',
  tackle: 'df4bac97-6552-5142-9402-2c8dcd7ce76b',
  aws_sns: 'facb37bb-5777-5e62-bc2b-36e72248bd4e',
};

const PROVIDER_NAMES = Object.keys(BILLING_PROVIDERS) as [BillingProvider, ...BillingProvider[]];
const METHOD_NAMES = Object.keys(DELIVERY_METHODS) as [DeliveryMethod, ...DeliveryMethod[]];
const METHOD_BY_ID = new Map(Object.entries(DELIVERY_METHOD_IDS).map(([m, id]) => [id, m as DeliveryMethod]));

export const v1BillingProvider = z.enum(PROVIDER_NAMES, {
  error: `must be one of ${PROVIDER_NAMES.join(', ')}`,
});

/**
 * The fields of one configuration, checked by the portal's per-provider schema (the same as the
 * Billing providers form); the answer is in the portal's shape.
 */
const configurationFields = {
  billing_provider: v1BillingProvider,
  configuration: z
    .record(z.string(), z.union([v1String, z.boolean()]))
    .default({})
    .meta({
      description:
        "The provider's fields, checked as the portal's Billing providers form checks them (Stripe: `stripe_customer_id` cus_…, `stripe_collection_method`)",
    }),
  delivery_method: z
    .enum(METHOD_NAMES, { error: `must be one of ${METHOD_NAMES.join(', ')}` })
    .optional()
    .meta({ description: 'Default direct_to_billing_provider' }),
  delivery_method_id: z
    .string()
    .optional()
    .meta({ description: "A delivery method's fixed id, instead of `delivery_method` (both: they must agree)" }),
  tax_provider: notSupported('tax_provider is not supported'),
};

type ConfigurationFields = z.output<z.ZodObject<typeof configurationFields>>;

/** Portal field names back to /v1's, for messages. */
const PORTAL_PATHS: Record<string, string> = { deliveryMethod: 'delivery_method', billingProvider: 'billing_provider' };

function toPortalShape(v: ConfigurationFields, ctx: z.RefinementCtx): BillingProviderConfiguration {
  let method: DeliveryMethod = v.delivery_method ?? 'direct_to_billing_provider';
  if (v.delivery_method_id !== undefined) {
    const byId = METHOD_BY_ID.get(v.delivery_method_id.toLowerCase());
    if (!byId) {
      ctx.addIssue({ code: 'custom', path: ['delivery_method_id'], message: 'is not a known delivery method id' });
      return z.NEVER;
    }
    if (v.delivery_method !== undefined && v.delivery_method !== byId) {
      ctx.addIssue({
        code: 'custom',
        path: ['delivery_method_id'],
        message: `names ${byId}, not ${v.delivery_method}`,
      });
      return z.NEVER;
    }
    method = byId;
  }
  const parsed = billingProviderConfiguration.safeParse({
    billingProvider: v.billing_provider,
    deliveryMethod: method,
    configuration: v.configuration,
  });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const [head, ...rest] = issue.path;
    const path = typeof head === 'string' && PORTAL_PATHS[head] ? [PORTAL_PATHS[head], ...rest] : issue.path;
    ctx.addIssue({ code: 'custom', path: path as PropertyKey[], message: issue.message });
  }
  return z.NEVER;
}

/** One configuration of create's `customer_billing_provider_configurations` (no customer_id). */
export const v1BillingConfigurationInput = z.object(configurationFields).transform(toPortalShape);

export const MAX_BILLING_CONFIGURATION_ENTRIES = 100;

/** POST /v1/getCustomerBillingProviderConfigurations */
export const getBillingConfigurationsBody = z.object({
  customer_id: v1Uuid,
  include_archived: z.boolean().default(false),
});

/** POST /v1/setCustomerBillingProviderConfigurations */
export const setBillingConfigurationsBody = z.object({
  data: z
    .array(
      z
        .object({ customer_id: v1Uuid, ...configurationFields })
        .transform((v, ctx) => ({ customerId: v.customer_id, ...toPortalShape(v, ctx) })),
    )
    .min(1, 'at least 1 entry')
    .max(MAX_BILLING_CONFIGURATION_ENTRIES, `at most ${MAX_BILLING_CONFIGURATION_ENTRIES} entries`),
});

/** POST /v1/archiveCustomerBillingProviderConfigurations */
export const archiveBillingConfigurationsBody = z.object({
  customer_id: v1Uuid,
  customer_billing_provider_configuration_ids: z
    .array(v1Uuid)
    .min(1, 'at least 1 id')
    .max(MAX_BILLING_CONFIGURATION_ENTRIES, `at most ${MAX_BILLING_CONFIGURATION_ENTRIES} ids`),
});

/** A configuration's field as billing_config names it, for messages. */
const DEPRECATED_FIELDS: Record<string, string> = {
  stripe_customer_id: 'billing_provider_customer_id',
  aws_customer_id: 'billing_provider_customer_id',
  azure_subscription_id: 'billing_provider_customer_id',
  gcp_customer_id: 'billing_provider_customer_id',
  netsuite_customer_id: 'billing_provider_customer_id',
  stripe_collection_method: 'stripe_collection_method',
  aws_product_code: 'aws_product_code',
  aws_region: 'aws_region',
  aws_is_subscription_product: 'aws_is_subscription_product',
};

/** The deprecated `billing_config` of create: one direct_to_billing_provider configuration. */
export const v1DeprecatedBillingConfig = z
  .object({
    billing_provider_type: v1BillingProvider,
    billing_provider_customer_id: v1String.optional(),
    stripe_collection_method: v1String.optional(),
    aws_product_code: v1String.optional(),
    aws_region: v1String.optional(),
    aws_is_subscription_product: z.boolean().optional(),
  })
  .transform((v, ctx) => {
    const id = v.billing_provider_customer_id ?? '';
    const configuration = ((): Record<string, string | boolean> => {
      switch (v.billing_provider_type) {
        case 'stripe':
          return {
            stripe_customer_id: id,
            stripe_collection_method: v.stripe_collection_method ?? 'charge_automatically',
          };
        case 'aws_marketplace':
          return {
            aws_customer_id: id,
            aws_product_code: v.aws_product_code ?? '',
            aws_region: v.aws_region ?? '',
            aws_is_subscription_product: v.aws_is_subscription_product ?? false,
          };
        case 'azure_marketplace':
          return { azure_subscription_id: id };
        case 'gcp_marketplace':
          return { gcp_customer_id: id };
        case 'netsuite':
          return { netsuite_customer_id: id };
      }
    })();
    const parsed = billingProviderConfiguration.safeParse({
      billingProvider: v.billing_provider_type,
      deliveryMethod: 'direct_to_billing_provider',
      configuration,
    });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const [head, name] = issue.path;
      const field = head === 'configuration' && typeof name === 'string' ? DEPRECATED_FIELDS[name] : undefined;
      ctx.addIssue({ code: 'custom', message: issue.message, ...(field ? { path: [field] } : {}) });
    }
    return z.NEVER;
  });
