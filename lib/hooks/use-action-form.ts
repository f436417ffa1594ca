'use client';

import { useRef, useState, type FormEvent } from 'react';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { actionFailureMessage, applyServerFieldErrors } from '@/lib/forms';
import { useServerRenderedForm } from './use-server-rendered-form';

export interface ActionFormOptions<TValues extends FieldValues, TParsed, TData> {
  /** The form's zod rules (from lib/validations), checked in the browser on submit. */
  schema: z.ZodType<TParsed, TValues>;
  defaultValues: TValues;
  /** The server action (or a fetch that answers like one); it gets the raw values and parses them itself. */
  action: (values: TValues) => Promise<ActionResult<TData>>;
  /** What failed, when the action threw: "The price plan could not be saved" (see `actionFailureMessage`). */
  failure: string;
  /** Which server error paths are fields of this form (the rest go to its message only). */
  isField?: (path: string) => boolean;
  /** The form message when the browser's checks fail. */
  invalidMessage?: string;
  /** After the action succeeded: a toast, closing a dialog, going to the next page… */
  onSuccess: (data: TData, values: TValues) => void | Promise<void>;
}

/**
 * Every form of the portal: the schema checks in the browser on submit, then the server action;
 * the server's errors go next to their fields (focusing the first) or, when no field has one, to
 * the form message, which gets focus. Nothing typed is lost on a failure, nor before the page's
 * JavaScript runs (`useServerRenderedForm`: the form element takes `id={formId}`). `pending` stays
 * true after a success, while the page moves on.
 */
export function useActionForm<TValues extends FieldValues, TParsed, TData>({
  schema,
  defaultValues,
  action,
  failure,
  isField,
  invalidMessage = 'Some fields need attention.',
  onSuccess,
}: ActionFormOptions<TValues, TParsed, TData>) {
  const { form, formId } = useServerRenderedForm<TValues, TParsed>({
    schema,
    defaultValues: defaultValues as DefaultValues<TValues>,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { setError, getValues, handleSubmit } = form;
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [succeeded, setSucceeded] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  const fail = (message: string) => {
    setFormMessage(message);
    messageRef.current?.focus();
  };

  const submit = async () => {
    setFormMessage(null);
    const values = getValues();
    let result: ActionResult<TData>;
    try {
      result = await action(values);
    } catch (error) {
      fail(actionFailureMessage(error, failure));
      return;
    }
    if (!result.ok) {
      setFormMessage(result.message);
      if (applyServerFieldErrors(setError, result.fieldErrors, isField) === 0) messageRef.current?.focus();
      return;
    }
    setSucceeded(true);
    await onSuccess(result.data, values);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    handleSubmit(submit, () => setFormMessage(invalidMessage))(event);
  const pending = form.formState.isSubmitting || succeeded;
  return { form, formId, formMessage, messageRef, onSubmit, pending, fail };
}
