import { archiveV1BillingConfigurations } from '@/lib/data/v1-billing-configurations';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { archiveBillingConfigurationsBody } from '@/lib/validations/v1/billing-configurations';

// customers.archiveBillingConfigurations: the IDs echoed; archived ones stay as they are.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: archiveBillingConfigurationsBody }, async ({ actor, body }) => ({
    data: await archiveV1BillingConfigurations(
      actor,
      body.customer_id,
      body.customer_billing_provider_configuration_ids,
    ),
  })),
});
