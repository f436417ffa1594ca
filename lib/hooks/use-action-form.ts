'use client';

import { useRef, useState, type FormEvent } from 'react';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { actionFailureMessage, applyServerFieldErrors } from '@/lib/forms';
import { useServerRenderedForm } from './use-server-rendered-form';

/** A refused action's answer: its message, maybe errors by field, maybe more (a save conflict). */
type Refusal = Extract<ActionResult, { ok: false }>;

export interface ActionFormOptions<TValues extends FieldValues, TParsed, TData, TRefusal extends Refusal = Refusal> {
  /** The form's zod rules (from lib/validations), checked in the browser on submit. */
  schema: z.ZodType<TParsed, TValues>;
  defaultValues: TValues;
  /** The server action (or a fetch that answers like one); it gets the raw values and parses them itself. */
  action: (values: TValues) => Promise<{ ok: true; data: TData } | TRefusal>;
  /** What failed, when the action threw: "The price plan could not be saved" (see `actionFailureMessage`). */
  failure: string;
  /** Which server error paths are fields of this form (the rest go to its message only). */
  isField?: (path: string) => boolean;
  /** The form message when the browser's checks fail. */
  invalidMessage?: string;
  /**
   * After the action succeeded: a toast, closing a dialog, going to the next page… Returns 'stay'
   * when the answer leaves the person on the form (a save that found nothing to change).
   */
  onSuccess: (data: TData, values: TValues) => void | 'stay' | Promise<void | 'stay'>;
  /** A refusal the form shows its own way (a save conflict): return true, and the message is not set. */
  onRefused?: (refusal: TRefusal) => boolean;
}

/**
 * Every form of the portal: the schema checks in the browser on submit, then the server action;
 * the server's errors go next to their fields (focusing the first) or, when no field has one, to
 * the form message, which gets focus. Nothing typed is lost on a failure, nor before the page's
 * JavaScript runs (`useServerRenderedForm`: the form element takes `id={formId}`). `pending` (and
 * `succeeded`) stay true after a success, while the page moves on.
 */
export function useActionForm<TValues extends FieldValues, TParsed, TData, TRefusal extends Refusal = Refusal>({
  schema,
  defaultValues,
  action,
  failure,
  isField,
  invalidMessage = 'Some fields need attention.',
  onSuccess,
  onRefused,
}: ActionFormOptions<TValues, TParsed, TData, TRefusal>) {
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
    let result: { ok: true; data: TData } | TRefusal;
    try {
      result = await action(values);
    } catch (error) {
      fail(actionFailureMessage(error, failure));
      return;
    }
    if (!result.ok) {
      if (onRefused?.(result)) return;
      setFormMessage(result.message);
      if (applyServerFieldErrors(setError, result.fieldErrors, isField) === 0) messageRef.current?.focus();
      return;
    }
    setSucceeded(true);
    if ((await onSuccess(result.data, values)) === 'stay') setSucceeded(false);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    handleSubmit(submit, () => setFormMessage(invalidMessage))(event);
  const pending = form.formState.isSubmitting || succeeded;
  return { form, formId, formMessage, setFormMessage, messageRef, onSubmit, pending, succeeded, fail };
}
