'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { MAX_CUSTOM_FIELDS, type CustomerFormValues } from '@/lib/validations/customer';

/** Custom fields as key/value rows. */
export function CustomFieldsField() {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<CustomerFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'customFields' });
  const listError = errors.customFields?.message ?? errors.customFields?.root?.message;
  return (
    <fieldset className="space-y-3" aria-describedby="custom-fields-hint">
      <legend className="text-base font-semibold">Custom fields</legend>
      <p id="custom-fields-hint" className="text-sm text-slate-600">
        Your own key/value data. Keys: up to 40 letters, digits, _ - . ; values: up to 200 characters.
      </p>
      {fields.length === 0 ? (
        <p className="text-sm text-slate-600">No custom fields.</p>
      ) : (
        <ol className="space-y-3">
          {fields.map((field, index) => {
            const keyError = errors.customFields?.[index]?.key?.message;
            const valueError = errors.customFields?.[index]?.value?.message;
            const base = `custom-field-${field.id}`;
            return (
              <li key={field.id} className="grid items-start gap-2 sm:grid-cols-[1fr_2fr_auto]">
                <div>
                  <label htmlFor={`${base}-key`} className="sr-only">
                    Key {index + 1}
                  </label>
                  <input
                    id={`${base}-key`}
                    className={`${inputClass} font-mono`}
                    placeholder="Key"
                    autoComplete="off"
                    aria-required
                    aria-invalid={Boolean(keyError)}
                    aria-describedby={keyError ? `${base}-key-error` : undefined}
                    {...register(`customFields.${index}.key`)}
                  />
                  <FieldError id={`${base}-key-error`} message={keyError} />
                </div>
                <div>
                  <label htmlFor={`${base}-value`} className="sr-only">
                    Value {index + 1}
                  </label>
                  <input
                    id={`${base}-value`}
                    className={inputClass}
                    placeholder="Value"
                    autoComplete="off"
                    aria-invalid={Boolean(valueError)}
                    aria-describedby={valueError ? `${base}-value-error` : undefined}
                    {...register(`customFields.${index}.value`)}
                  />
                  <FieldError id={`${base}-value-error`} message={valueError} />
                </div>
                <Button variant="ghost" aria-label={`Remove custom field ${index + 1}`} onClick={() => remove(index)}>
                  <span aria-hidden="true">✕</span>
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <Button
        variant="secondary"
        onClick={() => append({ key: '', value: '' })}
        disabled={fields.length >= MAX_CUSTOM_FIELDS}
      >
        Add custom field
      </Button>
      <FieldError message={listError} />
    </fieldset>
  );
}
