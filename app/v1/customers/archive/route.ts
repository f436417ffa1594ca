import { archiveV1Customer } from '@/lib/data/v1-customers';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { archiveCustomerBody } from '@/lib/validations/v1/customers';

// customers.archive: archives a customer; archiving an archived one answers the same and keeps
// its first archived_at.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: archiveCustomerBody }, async ({ actor, body }) => ({
    data: await archiveV1Customer(actor, body.id),
  })),
});
