import { getV1BillingConfigurations } from '@/lib/data/v1-billing-configurations';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { getBillingConfigurationsBody } from '@/lib/validations/v1/billing-configurations';

// customers.retrieveBillingConfigurations: a read, so a viewer may call it.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'viewer', body: getBillingConfigurationsBody }, async ({ actor, body }) => ({
    data: await getV1BillingConfigurations(actor, body.customer_id, body.include_archived),
  })),
});
