import { updateV1CustomerConfig } from '@/lib/data/v1-customers';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { updateCustomerConfigBody } from '@/lib/validations/v1/customers';

// customers.updateConfig: the Salesforce account ID (set, cleared with null, kept when absent).
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: updateCustomerConfigBody }, async ({ actor, body, params }) => {
    await updateV1CustomerConfig(actor, String(params.customer_id), body);
    return {};
  }),
});
