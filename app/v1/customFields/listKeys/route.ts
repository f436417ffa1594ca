import { listV1CustomFieldKeys } from '@/lib/data/v1-custom-fields';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { listCustomFieldKeysBody, listCustomFieldKeysQuery } from '@/lib/validations/v1/custom-fields';

// customFields.listKeys: a read (viewer); filters in the body, the cursor in ?next_page.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route(
    { role: 'viewer', body: listCustomFieldKeysBody, query: listCustomFieldKeysQuery },
    ({ actor, query }) => listV1CustomFieldKeys(actor, query.next_page),
  ),
});
