import type { ReactNode } from 'react';
import { useFieldArray, useFormContext, type FieldArrayPath } from 'react-hook-form';
import type { CustomerFormValues } from '@/lib/validations/customer';

type ListName = FieldArrayPath<CustomerFormValues>;

/** A list field of the customer form: the form, the rows, and the message about the list as a whole. */
export function useRowsField<N extends ListName>(name: N) {
  const form = useFormContext<CustomerFormValues>();
  const rows = useFieldArray({ control: form.control, name });
  const listErrors = form.formState.errors[name as keyof CustomerFormValues] as
    | (Record<number, Partial<Record<string, { message?: string }>> | undefined> & {
        message?: string;
        root?: { message?: string };
      })
    | undefined;
  return { form, rows, listErrors, listError: listErrors?.message ?? listErrors?.root?.message };
}

/** The frame of a list field in the form: its legend, its hint, the rows (or a line saying there are none), then `children`. */
export function RowsFieldset({
  name,
  legend,
  hint,
  emptyText,
  empty,
  rows,
  children,
}: {
  name: string;
  legend: string;
  hint: ReactNode;
  emptyText: string;
  /** Whether there are no rows: `emptyText` shows in their place. */
  empty: boolean;
  rows: ReactNode;
  children: ReactNode;
}) {
  const hintId = `${name}-hint`;
  return (
    <fieldset className="space-y-3" aria-describedby={hintId}>
      <legend className="text-base font-semibold">{legend}</legend>
      <p id={hintId} className="text-sm text-slate-600">
        {hint}
      </p>
      {empty ? <p className="text-sm text-slate-600">{emptyText}</p> : rows}
      {children}
    </fieldset>
  );
}
