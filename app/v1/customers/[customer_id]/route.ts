import { retrieveV1Customer } from '@/lib/data/v1-customers';
import { v1Methods, v1Route } from '@/lib/http/v1';

// customers.retrieve: archived customers included; a malformed or unknown ID is a 404.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  GET: v1Route({ role: 'viewer' }, async ({ actor, params }) => ({
    data: await retrieveV1Customer(actor, String(params.customer_id)),
  })),
});
