import { removeV1CustomFieldKey } from '@/lib/data/v1-custom-fields';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { removeCustomFieldKeyBody } from '@/lib/validations/v1/custom-fields';

// customFields.removeKey: unregisters the key and deletes its values on every customer.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: removeCustomFieldKeyBody }, async ({ actor, body }) => {
    await removeV1CustomFieldKey(actor, body.key);
    return {};
  }),
});
