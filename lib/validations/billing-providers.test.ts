import { describe, expect, it } from 'vitest';
import { invalid, type FieldErrors } from '@/lib/action-result';
import {
  AWS_REGIONS,
  BILLING_PROVIDERS,
  billingProviderConfiguration,
  billingProviderConfigurations,
  DELIVERY_METHODS,
  DELIVERY_METHODS_BY_PROVIDER,
  emptyBillingProvider,
  type BillingProvider,
} from './billing-providers';

const filled = {
  stripe: { stripe_customer_id: 'cus_N1a2B3', stripe_collection_method: 'send_invoice' },
  aws_marketplace: {
    aws_customer_id: 'AWS-42',
    aws_product_code: 'prod-7x',
    aws_region: 'eu-west-1',
    aws_is_subscription_product: true,
  },
  azure_marketplace: { azure_subscription_id: '0f8fad5b-d9cb-469f-a165-70867728950e' },
  gcp_marketplace: { gcp_customer_id: 'gcp-42' },
  netsuite: { netsuite_customer_id: 'NS-42' },
} as const;

function row(provider: BillingProvider, configuration: Record<string, unknown> = {}, deliveryMethod?: string) {
  return {
    billingProvider: provider,
    deliveryMethod: deliveryMethod ?? 'direct_to_billing_provider',
    configuration: { ...filled[provider], ...configuration },
  };
}

function refused(input: unknown): FieldErrors {
  const result = billingProviderConfiguration.safeParse(input);
  if (result.success) throw new Error(`expected the row to be refused, got ${JSON.stringify(result.data)}`);
  return invalid(result.error).fieldErrors;
}

const PROVIDERS = Object.keys(BILLING_PROVIDERS) as BillingProvider[];

describe('a billing provider configuration', () => {
  it.each(PROVIDERS)('accepts a filled-in %s row as it is', (provider) => {
    expect(billingProviderConfiguration.parse(row(provider))).toEqual(row(provider));
  });

  it.each(PROVIDERS)('refuses the new, empty %s row, naming each required field', (provider) => {
    const errors = refused(emptyBillingProvider(provider));
    const required = Object.keys(errors).map((key) => key.replace('configuration.', ''));
    expect(required.length).toBeGreaterThan(0);
    for (const key of required) expect(errors[`configuration.${key}`]![0]).toMatch(/ is required$/);
  });

  it('trims the IDs', () => {
    expect(billingProviderConfiguration.parse(row('gcp_marketplace', { gcp_customer_id: '  gcp-7 ' }))).toMatchObject({
      configuration: { gcp_customer_id: 'gcp-7' },
    });
  });

  it('takes only the delivery methods that make sense for the provider', () => {
    for (const provider of PROVIDERS) {
      for (const method of Object.keys(DELIVERY_METHODS)) {
        const ok = billingProviderConfiguration.safeParse(row(provider, {}, method)).success;
        expect(ok, `${provider} by ${method}`).toBe(
          (DELIVERY_METHODS_BY_PROVIDER[provider] as readonly string[]).includes(method),
        );
      }
    }
    expect(refused(row('stripe', {}, 'aws_sqs')).deliveryMethod).toEqual([
      'Stripe delivers by: Direct to billing provider',
    ]);
    expect(refused(row('azure_marketplace', {}, 'aws_sns')).deliveryMethod).toEqual([
      'Azure Marketplace delivers by: Direct to billing provider, Tackle',
    ]);
  });

  it('wants a Stripe customer ID that starts with cus_, and a collection method', () => {
    expect(refused(row('stripe', { stripe_customer_id: 'N1a2B3' }))['configuration.stripe_customer_id']).toEqual([
      'A Stripe customer ID looks like cus_ followed by letters and digits',
    ]);
    expect(refused(row('stripe', { stripe_customer_id: 'cus_' }))['configuration.stripe_customer_id']).toHaveLength(1);
    expect(
      refused(row('stripe', { stripe_collection_method: 'by_carrier_pigeon' }))[
        'configuration.stripe_collection_method'
      ],
    ).toEqual(['Choose how Stripe collects payment']);
  });

  it('wants an AWS region from the list, and a yes or no for a subscription product', () => {
    for (const region of AWS_REGIONS) {
      expect(billingProviderConfiguration.safeParse(row('aws_marketplace', { aws_region: region })).success).toBe(true);
    }
    expect(refused(row('aws_marketplace', { aws_region: 'mars-north-1' }))['configuration.aws_region']).toEqual([
      'Choose an AWS region',
    ]);
    expect(Object.keys(refused(row('aws_marketplace', { aws_is_subscription_product: 'yes' })))).toEqual([
      'configuration.aws_is_subscription_product',
    ]);
  });

  it('wants an Azure subscription ID that is a GUID', () => {
    expect(
      refused(row('azure_marketplace', { azure_subscription_id: 'not-a-guid' }))['configuration.azure_subscription_id'],
    ).toEqual(['An Azure subscription ID is a GUID, like 0f8fad5b-d9cb-469f-a165-70867728950e']);
  });

  it('caps each ID at its length, and refuses NUL', () => {
    expect(
      refused(row('netsuite', { netsuite_customer_id: 'n'.repeat(256) }))['configuration.netsuite_customer_id'],
    ).toEqual(['NetSuite customer ID must be at most 255 characters']);
    expect(
      billingProviderConfiguration.safeParse(row('netsuite', { netsuite_customer_id: 'n'.repeat(255) })).success,
    ).toBe(true);
    expect(refused(row('gcp_marketplace', { gcp_customer_id: 'a\0b' }))['configuration.gcp_customer_id']).toEqual([
      'GCP customer ID must not contain NUL characters',
    ]);
  });

  it('refuses a provider it does not know', () => {
    expect(billingProviderConfiguration.safeParse({ ...row('stripe'), billingProvider: 'paypal' }).success).toBe(false);
  });
});

describe('a customer’s billing providers', () => {
  it('takes one configuration per provider, all five at once', () => {
    const rows = PROVIDERS.map((p) => row(p));
    expect(billingProviderConfigurations.parse(rows)).toEqual(rows);
    expect(billingProviderConfigurations.parse([])).toEqual([]);
  });

  it('refuses a second configuration of the same provider, on the repeated row', () => {
    const result = billingProviderConfigurations.safeParse([
      row('stripe'),
      row('netsuite'),
      row('stripe', { stripe_customer_id: 'cus_Other' }),
    ]);
    expect(result.success).toBe(false);
    expect(invalid(result.error!).fieldErrors).toEqual({
      '2.billingProvider': ['Only one Stripe configuration per customer'],
    });
  });
});
