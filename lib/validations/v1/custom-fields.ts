import { z } from 'zod';
import { v1CustomFieldKey, v1CustomFields, v1Entity, v1Uuid } from './common';

/** POST /v1/customFields/addKey */
export const addCustomFieldKeyBody = z.object({
  entity: v1Entity,
  key: v1CustomFieldKey,
  enforce_uniqueness: z.boolean(),
});

/** POST /v1/customFields/removeKey */
export const removeCustomFieldKeyBody = z.object({
  entity: v1Entity,
  key: v1CustomFieldKey,
});

/** POST /v1/customFields/listKeys (the cursor is in the query: `?next_page=…`) */
export const listCustomFieldKeysBody = z.object({
  entities: z.array(v1Entity).optional(),
});

/** POST /v1/customFields/setValues */
export const setCustomFieldValuesBody = z.object({
  entity: v1Entity,
  entity_id: v1Uuid,
  custom_fields: v1CustomFields,
});

/** POST /v1/customFields/deleteValues */
export const deleteCustomFieldValuesBody = z.object({
  entity: v1Entity,
  entity_id: v1Uuid,
  keys: z.array(v1CustomFieldKey).max(1000, 'at most 1,000 keys'),
});

/** POST /v1/customFields/listKeys: the query string */
export const listCustomFieldKeysQuery = z.object({
  next_page: z.string().optional().meta({ description: 'The cursor of the previous page' }),
});
