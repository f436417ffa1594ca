import { deleteV1CustomFieldValues } from '@/lib/data/v1-custom-fields';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { deleteCustomFieldValuesBody } from '@/lib/validations/v1/custom-fields';

// customFields.deleteValues: removes those keys; keys not set are ignored.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: deleteCustomFieldValuesBody }, async ({ actor, body }) => {
    await deleteV1CustomFieldValues(actor, body.entity_id, body.keys);
    return {};
  }),
});
