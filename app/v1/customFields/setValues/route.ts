import { setV1CustomFieldValues } from '@/lib/data/v1-custom-fields';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { setCustomFieldValuesBody } from '@/lib/validations/v1/custom-fields';

// customFields.setValues: merges the given keys into the customer's custom fields.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: setCustomFieldValuesBody }, async ({ actor, body }) => {
    await setV1CustomFieldValues(actor, body.entity_id, body.custom_fields);
    return {};
  }),
});
