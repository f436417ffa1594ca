import { listV1CustomFieldKeys } from '@/lib/data/v1-custom-fields';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { listCustomFieldKeysBody } from '@/lib/validations/v1/custom-fields';
import { listCustomersQuery } from '@/lib/validations/v1/customers';

// customFields.listKeys: a read (viewer); filters in the body, the cursor in ?next_page, as the
// customer list takes it.
const cursorQuery = listCustomersQuery.pick({ next_page: true });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'viewer', body: listCustomFieldKeysBody, query: cursorQuery }, ({ actor, query }) =>
    listV1CustomFieldKeys(actor, query.next_page),
  ),
});
