import { createV1Customer, listV1Customers } from '@/lib/data/v1-customers';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { createCustomerBody, listCustomersQuery } from '@/lib/validations/v1/customers';

// customers.list (keyset pages, oldest first) and customers.create.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  GET: v1Route({ role: 'viewer', query: listCustomersQuery }, ({ actor, query }) => listV1Customers(actor, query)),
  POST: v1Route({ role: 'editor', body: createCustomerBody }, async ({ actor, body }) => ({
    data: await createV1Customer(actor, body),
  })),
});
