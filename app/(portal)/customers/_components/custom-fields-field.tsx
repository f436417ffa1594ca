'use client';

import { MAX_CUSTOM_FIELDS } from '@/lib/validations/customer';
import { PairRowsField } from './pair-rows-field';

/** Custom fields as key/value rows. */
export function CustomFieldsField() {
  return (
    <PairRowsField
      name="customFields"
      legend="Custom fields"
      hint="Your own key/value data. Keys: up to 40 letters, digits, _ - . ; values: up to 200 characters."
      emptyText="No custom fields."
      addLabel="Add custom field"
      rowLabel="custom field"
      max={MAX_CUSTOM_FIELDS}
      columns={[
        { key: 'key', label: 'Key', placeholder: 'Key', required: true, code: true },
        { key: 'value', label: 'Value', placeholder: 'Value' },
      ]}
    />
  );
}
