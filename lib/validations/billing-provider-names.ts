// The providers' names alone, for screens that list them without their configuration rules.
export const BILLING_PROVIDERS = {
  stripe: 'Stripe',
  netsuite: 'NetSuite',
  aws_marketplace: 'AWS Marketplace',
  azure_marketplace: 'Azure Marketplace',
  gcp_marketplace: 'GCP Marketplace',
} as const;
export type BillingProvider = keyof typeof BILLING_PROVIDERS;
