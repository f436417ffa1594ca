'use client';

import type { ReactNode } from 'react';
import type { FieldArray, FieldPath } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { cn } from '@/lib/utils';
import { MAX_CUSTOM_FIELDS, MAX_MEASUREMENT_MAPPINGS, type CustomerFormValues } from '@/lib/validations/customer';
import { RowsFieldset, useRowsField } from './rows-fieldset';

interface Column {
  key: string;
  /** "Key" → boxes labelled "Key 1", "Key 2"… */
  label: string;
  placeholder: string;
  required?: boolean;
  code?: boolean; // typed as code: monospace, no spell check
}

/** The record's lists of two-box rows, and how the form shows each. */
const PAIR_ROWS = {
  customFields: {
    legend: 'Custom fields',
    hint: 'Your own key/value data. Keys: up to 40 letters, digits, _ - . ; values: up to 200 characters.',
    emptyText: 'No custom fields.',
    addLabel: 'Add custom field',
    rowLabel: 'custom field', // "Remove custom field 2"
    max: MAX_CUSTOM_FIELDS,
    columns: [
      { key: 'key', label: 'Key', placeholder: 'Key', required: true, code: true },
      { key: 'value', label: 'Value', placeholder: 'Value' },
    ],
  },
  measurementMappings: {
    legend: 'Measurement mappings',
    hint: 'Usage whose measurement carries this label, with a value the regular expression matches in full, is billed to this customer.',
    emptyText: 'No measurement mappings.',
    addLabel: 'Add mapping',
    rowLabel: 'mapping',
    max: MAX_MEASUREMENT_MAPPINGS,
    columns: [
      { key: 'label', label: 'Label', placeholder: 'Label, e.g. region', required: true, code: true },
      {
        key: 'valueRegex',
        label: 'Value regex',
        placeholder: 'Value regex, e.g. us-(east|west)-\\d',
        required: true,
        code: true,
      },
    ],
  },
} satisfies Record<string, { columns: [Column, Column]; [more: string]: unknown }>;

/** A list of two-box rows (a key and its value, a label and its regex), added and removed one by one. */
export function PairRowsField({ name, children }: { name: keyof typeof PAIR_ROWS; children?: ReactNode }) {
  const config = PAIR_ROWS[name];
  const { addLabel, rowLabel, max, columns } = config;
  const {
    form: { register },
    rows: { fields, append, remove },
    listErrors,
    listError,
  } = useRowsField(name);
  const blankRow = Object.fromEntries(columns.map((c: Column) => [c.key, '']));
  return (
    <RowsFieldset
      name={name}
      {...config}
      empty={fields.length === 0}
      rows={
        <ol className="space-y-3">
          {fields.map((field, index) => (
            <li key={field.id} className="grid items-start gap-2 sm:grid-cols-[1fr_2fr_auto]">
              {columns.map((column: Column) => {
                const error = listErrors?.[index]?.[column.key]?.message;
                const inputId = `${name}-${field.id}-${column.key}`;
                return (
                  <div key={column.key}>
                    <label htmlFor={inputId} className="sr-only">
                      {column.label} {index + 1}
                    </label>
                    <input
                      id={inputId}
                      className={cn(inputClass, column.code && 'font-mono')}
                      placeholder={column.placeholder}
                      autoComplete="off"
                      spellCheck={column.code ? false : undefined}
                      aria-required={column.required || undefined}
                      aria-invalid={Boolean(error)}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                      {...register(`${name}.${index}.${column.key}` as FieldPath<CustomerFormValues>)}
                    />
                    <FieldError id={`${inputId}-error`} message={error} />
                  </div>
                );
              })}
              <Button variant="ghost" aria-label={`Remove ${rowLabel} ${index + 1}`} onClick={() => remove(index)}>
                <span aria-hidden="true">✕</span>
              </Button>
            </li>
          ))}
        </ol>
      }
    >
      <Button
        variant="secondary"
        onClick={() => append(blankRow as FieldArray<CustomerFormValues, typeof name>)}
        disabled={fields.length >= max}
      >
        {addLabel}
      </Button>
      <FieldError message={listError} />
      {children}
    </RowsFieldset>
  );
}
