import { setCustomerArchived } from '@/lib/data/customers-write';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { V1Error } from '@/lib/http/v1-error';
import { v1ArchiveCustomerInput } from '@/lib/validations/v1-customers';

// customers.archive: archives a customer; archiving an archived one answers the same and keeps
// its first archived_at.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: v1ArchiveCustomerInput }, async ({ actor, body }) => {
    const archived = await setCustomerArchived(actor, body.id, true);
    if (!archived) throw new V1Error(404, 'not_found', `No customer has the ID ${body.id}.`, { field: 'id' });
    return { data: { id: body.id } };
  }),
});
