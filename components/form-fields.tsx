'use client';

import type { ComponentProps } from 'react';
import {
  get,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import { Field, inputClass, SelectField, TextField } from '@/components/ui/field';

/** A field of a react-hook-form form: registered under `name`, its error read from the form. */
interface Bound<TValues extends FieldValues, TParsed> {
  form: UseFormReturn<TValues, unknown, TParsed>;
  name: Path<TValues>;
}

const errorOf = (errors: FieldErrors, name: string) => (get(errors, name) as FieldError | undefined)?.message;

/**
 * A form's text box. The browser offers no autofill (`autoComplete` off unless given); `verbatim`
 * is for a value typed letter for letter (an ID, an email): no spelling check.
 */
export function FormTextField<TValues extends FieldValues, TParsed>({
  form,
  name,
  verbatim,
  autoComplete = 'off',
  ...props
}: Bound<TValues, TParsed> & { verbatim?: boolean } & Omit<
    ComponentProps<typeof TextField>,
    'error' | 'name' | 'form'
  >) {
  return (
    <TextField
      error={errorOf(form.formState.errors, name)}
      autoComplete={autoComplete}
      spellCheck={verbatim ? false : undefined}
      {...props}
      {...form.register(name)}
    />
  );
}

/** A form's <select> of fixed options. */
export function FormSelectField<TValues extends FieldValues, TParsed>({
  form,
  name,
  ...props
}: Bound<TValues, TParsed> & Omit<ComponentProps<typeof SelectField>, 'error' | 'name' | 'form'>) {
  return <SelectField error={errorOf(form.formState.errors, name)} {...props} {...form.register(name)} />;
}

/** A form's text area. */
export function FormTextArea<TValues extends FieldValues, TParsed>({
  form,
  name,
  label,
  hint,
  rows,
}: Bound<TValues, TParsed> & { label: string; hint?: string; rows: number }) {
  return (
    <Field label={label} hint={hint} error={errorOf(form.formState.errors, name)}>
      {(control) => <textarea rows={rows} className={inputClass} {...control} {...form.register(name)} />}
    </Field>
  );
}
