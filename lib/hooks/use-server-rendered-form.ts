'use client';

import { useId, useLayoutEffect, useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  get,
  useForm,
  type FieldPath,
  type FieldPathValue,
  type FieldValues,
  type UseFormProps,
  type UseFormRegister,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';

/** What a person typed into a server-rendered form before its JavaScript ran: field name → value. */
type TypedEarly = [name: string, value: string | boolean][];

const NOT_TYPED_INTO = new Set(['radio', 'file', 'hidden', 'submit', 'button', 'reset', 'image']);

/**
 * The named controls of the server-rendered form `formId` whose value is no longer the one the
 * server rendered (its `defaultValue`, `defaultChecked`, `defaultSelected`): typed, chosen or
 * ticked before React took the page over. Empty on the server and when the form is not on the page.
 */
function readTypedEarly(formId: string): TypedEarly {
  if (typeof document === 'undefined') return [];
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return [];
  const typed: TypedEarly = [];
  for (const control of Array.from(form.elements)) {
    if (control instanceof HTMLInputElement && control.name) {
      if (control.type === 'checkbox') {
        if (control.checked !== control.defaultChecked) typed.push([control.name, control.checked]);
      } else if (!NOT_TYPED_INTO.has(control.type) && control.value !== control.defaultValue) {
        typed.push([control.name, control.value]);
      }
    } else if (control instanceof HTMLTextAreaElement && control.name) {
      if (control.value !== control.defaultValue) typed.push([control.name, control.value]);
    } else if (control instanceof HTMLSelectElement && control.name && !control.multiple) {
      const options = Array.from(control.options);
      const rendered = Math.max(
        0,
        options.findIndex((option) => option.defaultSelected),
      );
      if (control.selectedIndex !== rendered) typed.push([control.name, control.value]);
    }
  }
  return typed;
}

const sameValue = (a: unknown, b: unknown) =>
  typeof a === 'boolean' || typeof b === 'boolean' ? Boolean(a) === Boolean(b) : String(a ?? '') === String(b ?? '');

/**
 * `useForm` for a form the server renders (`<form id={formId}>`), so that nothing typed before the
 * page's JavaScript runs is lost:
 * - `register` gives each control its default value (`defaultValue`, or `defaultChecked` for a
 *   check box), so the server-rendered form already shows the values, not empty boxes that fill
 *   in later (a person would type into them, or select their text, and then see it change);
 * - when React takes the page over, a value a person typed (chose, ticked) before then stays, and
 *   counts as an unsaved change; text selected then stays selected, so what is typed next replaces it.
 * The form works the same when it is not server-rendered (in a dialog, after a client navigation).
 * Its element also takes `method="post"`: Enter pressed before the JavaScript runs then sends the
 * fields in a body the page ignores, never in the URL (a password in history and server logs).
 */
export function useServerRenderedForm<TValues extends FieldValues, TParsed>({
  schema,
  ...options
}: Omit<UseFormProps<TValues, unknown, TParsed>, 'resolver'> & {
  /** The form's zod rules (from lib/validations), checked in the browser. */
  schema: z.ZodType<TParsed, TValues>;
}): { form: UseFormReturn<TValues, unknown, TParsed>; formId: string } {
  const form = useForm<TValues, unknown, TParsed>({ resolver: zodResolver(schema), ...options });
  const formId = useId();
  // Read on the first render in the browser, before React has touched the form's controls.
  const [typedEarly] = useState(() => readTypedEarly(formId));
  const { getValues, setValue, clearErrors, formState } = form;

  // After the controls are registered, before the browser paints. react-hook-form keeps a value
  // typed into an input, but counts it as a change before the form listens, so the form never hears
  // of it; and it gets the server's text for a text area React has reset. Put back what it lost,
  // then tell the form its state (`isDirty`…): clearing errors publishes it, and there are none yet.
  useLayoutEffect(() => {
    if (typedEarly.length === 0) return;
    for (const [name, value] of typedEarly) {
      const path = name as FieldPath<TValues>;
      const current: unknown = getValues(path);
      if (current === undefined || !sameValue(current, get(formState.defaultValues, name))) continue;
      setValue(path, value as FieldPathValue<TValues, typeof path>, { shouldDirty: true });
    }
    clearErrors();
    // Once, when the form mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const register: UseFormRegister<TValues> = (name, fieldOptions) => {
    const field = form.register(name, fieldOptions);
    const initial: unknown = get(formState.defaultValues, name);
    if (typeof initial === 'boolean') return { ...field, defaultChecked: initial };
    if (typeof initial === 'string' || typeof initial === 'number') return { ...field, defaultValue: initial };
    return field;
  };
  return { form: { ...form, register }, formId };
}
