import { setV1BillingConfigurations } from '@/lib/data/v1-billing-configurations';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { setBillingConfigurationsBody } from '@/lib/validations/v1/billing-configurations';

// customers.setBillingConfigurations: every entry saved, or none; answered in request order.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: setBillingConfigurationsBody }, async ({ actor, body }) => ({
    data: await setV1BillingConfigurations(actor, body.data),
  })),
});
