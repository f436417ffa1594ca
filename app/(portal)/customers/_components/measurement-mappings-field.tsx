'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { MAX_MEASUREMENT_MAPPINGS, type CustomerFormValues } from '@/lib/validations/customer';
import { MappingTester } from './mapping-tester';

/** Measurement mappings: rows of label + value regex, with a box to try a sample value. */
export function MeasurementMappingsField() {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<CustomerFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'measurementMappings' });
  const mappings = useWatch({ control, name: 'measurementMappings' });
  const listError = errors.measurementMappings?.message ?? errors.measurementMappings?.root?.message;
  return (
    <fieldset className="space-y-3" aria-describedby="mappings-hint">
      <legend className="text-base font-semibold">Measurement mappings</legend>
      <p id="mappings-hint" className="text-sm text-slate-600">
        Usage whose measurement carries this label, with a value the regular expression matches in full, is billed to
        this customer.
      </p>
      {fields.length === 0 ? (
        <p className="text-sm text-slate-600">No measurement mappings.</p>
      ) : (
        <ol className="space-y-3">
          {fields.map((field, index) => {
            const labelError = errors.measurementMappings?.[index]?.label?.message;
            const regexError = errors.measurementMappings?.[index]?.valueRegex?.message;
            const base = `mapping-${field.id}`;
            return (
              <li key={field.id} className="grid items-start gap-2 sm:grid-cols-[1fr_2fr_auto]">
                <div>
                  <label htmlFor={`${base}-label`} className="sr-only">
                    Label {index + 1}
                  </label>
                  <input
                    id={`${base}-label`}
                    className={`${inputClass} font-mono`}
                    placeholder="Label, e.g. region"
                    autoComplete="off"
                    aria-required
                    aria-invalid={Boolean(labelError)}
                    aria-describedby={labelError ? `${base}-label-error` : undefined}
                    {...register(`measurementMappings.${index}.label`)}
                  />
                  <FieldError id={`${base}-label-error`} message={labelError} />
                </div>
                <div>
                  <label htmlFor={`${base}-regex`} className="sr-only">
                    Value regex {index + 1}
                  </label>
                  <input
                    id={`${base}-regex`}
                    className={`${inputClass} font-mono`}
                    placeholder="Value regex, e.g. us-(east|west)-\d"
                    autoComplete="off"
                    spellCheck={false}
                    aria-required
                    aria-invalid={Boolean(regexError)}
                    aria-describedby={regexError ? `${base}-regex-error` : undefined}
                    {...register(`measurementMappings.${index}.valueRegex`)}
                  />
                  <FieldError id={`${base}-regex-error`} message={regexError} />
                </div>
                <Button variant="ghost" aria-label={`Remove mapping ${index + 1}`} onClick={() => remove(index)}>
                  <span aria-hidden="true">✕</span>
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <Button
        variant="secondary"
        onClick={() => append({ label: '', valueRegex: '' })}
        disabled={fields.length >= MAX_MEASUREMENT_MAPPINGS}
      >
        Add mapping
      </Button>
      <FieldError message={listError} />
      {fields.length > 0 && <MappingTester mappings={mappings ?? []} />}
    </fieldset>
  );
}
