import { setV1CustomerName } from '@/lib/data/v1-customers';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { setCustomerNameBody } from '@/lib/validations/v1/customers';

// customers.setName: the Name, cut to 160 code points.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: setCustomerNameBody }, async ({ actor, body, params }) => ({
    data: await setV1CustomerName(actor, String(params.customer_id), body.name),
  })),
});
