'use client';

import type { ReactNode } from 'react';
import { useFieldArray, useFormContext, type FieldArray, type FieldPath } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { cn } from '@/lib/utils';
import type { CustomerFormValues } from '@/lib/validations/customer';

type PairRows = {
  customFields: 'key' | 'value';
  measurementMappings: 'label' | 'valueRegex';
};

interface Column<C extends string> {
  key: C;
  /** "Key" → boxes labelled "Key 1", "Key 2"… */
  label: string;
  placeholder: string;
  required?: boolean;
  code?: boolean; // typed as code: monospace, no spell check
}

interface PairRowsFieldProps<N extends keyof PairRows> {
  name: N;
  legend: string;
  hint: ReactNode;
  emptyText: string;
  addLabel: string;
  /** "mapping" → "Remove mapping 2". */
  rowLabel: string;
  max: number;
  columns: [Column<PairRows[N]>, Column<PairRows[N]>];
  /** Shown under the rows, e.g. a box to try them on a sample. */
  children?: ReactNode;
}

/** A list of two-box rows (a key and its value, a label and its regex), added and removed one by one. */
export function PairRowsField<N extends keyof PairRows>({
  name,
  legend,
  hint,
  emptyText,
  addLabel,
  rowLabel,
  max,
  columns,
  children,
}: PairRowsFieldProps<N>) {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<CustomerFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const listErrors = errors[name] as
    | (Record<number, Partial<Record<string, { message?: string }>>> & {
        message?: string;
        root?: { message?: string };
      })
    | undefined;
  const listError = listErrors?.message ?? listErrors?.root?.message;
  const hintId = `${name}-hint`;
  const blankRow = Object.fromEntries(columns.map((c) => [c.key, ''])) as Record<PairRows[N], string>;
  return (
    <fieldset className="space-y-3" aria-describedby={hintId}>
      <legend className="text-base font-semibold">{legend}</legend>
      <p id={hintId} className="text-sm text-slate-600">
        {hint}
      </p>
      {fields.length === 0 ? (
        <p className="text-sm text-slate-600">{emptyText}</p>
      ) : (
        <ol className="space-y-3">
          {fields.map((field, index) => (
            <li key={field.id} className="grid items-start gap-2 sm:grid-cols-[1fr_2fr_auto]">
              {columns.map((column) => {
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
      )}
      <Button
        variant="secondary"
        onClick={() => append(blankRow as FieldArray<CustomerFormValues, N>)}
        disabled={fields.length >= max}
      >
        {addLabel}
      </Button>
      <FieldError message={listError} />
      {children}
    </fieldset>
  );
}
