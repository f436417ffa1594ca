import { z } from 'zod';
import { requiredText } from './text';

import { BILLING_PROVIDERS, type BillingProvider } from './billing-provider-names';

export { BILLING_PROVIDERS, type BillingProvider };

export const DELIVERY_METHODS = {
  direct_to_billing_provider: 'Direct to billing provider',
  aws_sqs: 'AWS SQS',
  aws_sns: 'AWS SNS',
  tackle: 'Tackle',
} as const;
export type DeliveryMethod = keyof typeof DELIVERY_METHODS;

/** Which delivery methods make sense for each provider. */
export const DELIVERY_METHODS_BY_PROVIDER: Record<BillingProvider, readonly DeliveryMethod[]> = {
  stripe: ['direct_to_billing_provider'],
  netsuite: ['direct_to_billing_provider'],
  aws_marketplace: ['direct_to_billing_provider', 'aws_sqs', 'aws_sns', 'tackle'],
  azure_marketplace: ['direct_to_billing_provider', 'tackle'],
  gcp_marketplace: ['direct_to_billing_provider', 'tackle'],
};

export const STRIPE_COLLECTION_METHODS = {
  charge_automatically: 'Charge automatically',
  send_invoice: 'Send invoice',
} as const;

// The regions Metronome lists for AWS Marketplace.
export const AWS_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'cn-north-1',
  'cn-northwest-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'me-south-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
] as const;

const choice = <T extends string>(values: readonly T[], message: string) =>
  z.enum(values as unknown as [T, ...T[]], { error: message });

function deliveryMethod(provider: BillingProvider) {
  const allowed = DELIVERY_METHODS_BY_PROVIDER[provider];
  const names = allowed.map((m) => DELIVERY_METHODS[m]).join(', ');
  return choice(allowed, `${BILLING_PROVIDERS[provider]} delivers by: ${names}`);
}

const stripe = z.object({
  billingProvider: z.literal('stripe'),
  deliveryMethod: deliveryMethod('stripe'),
  configuration: z.object({
    stripe_customer_id: requiredText('Stripe customer ID', 255).refine(
      (v) => v === '' || /^cus_[A-Za-z0-9]+$/.test(v),
      'A Stripe customer ID looks like cus_ followed by letters and digits',
    ),
    stripe_collection_method: choice(
      Object.keys(STRIPE_COLLECTION_METHODS) as (keyof typeof STRIPE_COLLECTION_METHODS)[],
      'Choose how Stripe collects payment',
    ),
  }),
});

const awsMarketplace = z.object({
  billingProvider: z.literal('aws_marketplace'),
  deliveryMethod: deliveryMethod('aws_marketplace'),
  configuration: z.object({
    aws_customer_id: requiredText('AWS customer ID', 255),
    aws_product_code: requiredText('AWS product code', 255),
    aws_region: choice(AWS_REGIONS, 'Choose an AWS region'),
    aws_is_subscription_product: z.boolean(),
  }),
});

const azureMarketplace = z.object({
  billingProvider: z.literal('azure_marketplace'),
  deliveryMethod: deliveryMethod('azure_marketplace'),
  configuration: z.object({
    azure_subscription_id: requiredText('Azure subscription ID', 64).refine(
      (v) => v === '' || z.uuid().safeParse(v).success,
      'An Azure subscription ID is a GUID, like 0f8fad5b-d9cb-469f-a165-70867728950e',
    ),
  }),
});

const gcpMarketplace = z.object({
  billingProvider: z.literal('gcp_marketplace'),
  deliveryMethod: deliveryMethod('gcp_marketplace'),
  configuration: z.object({
    gcp_customer_id: requiredText('GCP customer ID', 255),
  }),
});

const netsuite = z.object({
  billingProvider: z.literal('netsuite'),
  deliveryMethod: deliveryMethod('netsuite'),
  configuration: z.object({
    netsuite_customer_id: requiredText('NetSuite customer ID', 255),
  }),
});

export const billingProviderConfiguration = z.discriminatedUnion('billingProvider', [
  stripe,
  awsMarketplace,
  azureMarketplace,
  gcpMarketplace,
  netsuite,
]);

export type BillingProviderConfigurationInput = z.input<typeof billingProviderConfiguration>;
export type BillingProviderConfiguration = z.output<typeof billingProviderConfiguration>;

const PROVIDER_COUNT = Object.keys(BILLING_PROVIDERS).length;

// At most one of each: a longer list is refused before any row is checked.
export const billingProviderConfigurations = z
  .array(billingProviderConfiguration)
  .max(PROVIDER_COUNT, `At most ${PROVIDER_COUNT} billing providers, one of each`)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.billingProvider)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'billingProvider'],
          message: `Only one ${BILLING_PROVIDERS[row.billingProvider]} configuration per customer`,
        });
      }
      seen.add(row.billingProvider);
    });
  });

/** A new, empty row for the form. */
export function emptyBillingProvider(provider: BillingProvider): BillingProviderConfigurationInput {
  const deliveryMethod = 'direct_to_billing_provider';
  switch (provider) {
    case 'stripe':
      return {
        billingProvider: provider,
        deliveryMethod,
        configuration: { stripe_customer_id: '', stripe_collection_method: 'charge_automatically' },
      };
    case 'aws_marketplace':
      return {
        billingProvider: provider,
        deliveryMethod,
        configuration: {
          aws_customer_id: '',
          aws_product_code: '',
          aws_region: 'us-east-1',
          aws_is_subscription_product: false,
        },
      };
    case 'azure_marketplace':
      return { billingProvider: provider, deliveryMethod, configuration: { azure_subscription_id: '' } };
    case 'gcp_marketplace':
      return { billingProvider: provider, deliveryMethod, configuration: { gcp_customer_id: '' } };
    case 'netsuite':
      return { billingProvider: provider, deliveryMethod, configuration: { netsuite_customer_id: '' } };
  }
}
