import { addV1CustomFieldKey } from '@/lib/data/v1-custom-fields';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { addCustomFieldKeyBody } from '@/lib/validations/v1/custom-fields';

// customFields.addKey: registers a key, or sets enforce_uniqueness on a registered one.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: addCustomFieldKeyBody }, async ({ actor, body }) => {
    await addV1CustomFieldKey(actor, body.key, body.enforce_uniqueness);
    return {};
  }),
});
