'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type DefaultValues, type FieldPath, type FieldValues, type Resolver } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { applyServerFieldErrors } from '@/lib/forms';

interface AddFormOptions<TValues extends FieldValues, TParsed> {
  resolver: Resolver<TValues, unknown, TParsed>;
  empty: TValues;
  /** The server action; it gets the raw values and parses them with the same schema. */
  action: (values: TValues) => Promise<ActionResult<unknown>>;
  /** The field that takes focus again once a row is added, ready for the next one. */
  firstField: FieldPath<TValues>;
  /** What to say when the server did not answer. */
  unreachable: string;
  /** Which server error paths are fields of this form (the rest go to its message only). */
  isField?: (path: string) => boolean;
}

/**
 * A small "add one more" form of an admin page: client checks on submit, server errors next to
 * their fields, nothing typed lost on failure, the form emptied and refocused on success.
 */
export function useAddForm<TValues extends FieldValues, TParsed>({
  resolver,
  empty,
  action,
  firstField,
  unreachable,
  isField,
}: AddFormOptions<TValues, TParsed>) {
  const router = useRouter();
  const form = useForm<TValues, unknown, TParsed>({
    resolver,
    defaultValues: empty as DefaultValues<TValues>,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { setError, setFocus, getValues, reset, handleSubmit } = form;
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  // Focusing in the same tick as reset() does not stick.
  useEffect(() => {
    if (added) setFocus(firstField);
  }, [added, setFocus, firstField]);

  const submit = async () => {
    setFormMessage(null);
    setAdded(false);
    try {
      const result = await action(getValues());
      if (result.ok) {
        reset(empty);
        setAdded(true);
        router.refresh();
        return;
      }
      setFormMessage(result.message);
      if (applyServerFieldErrors(setError, result.fieldErrors, isField) === 0) messageRef.current?.focus();
    } catch {
      setFormMessage(unreachable);
      messageRef.current?.focus();
    }
  };
  const onInvalid = () => {
    setAdded(false);
    setFormMessage('Some fields need attention.');
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => handleSubmit(submit, onInvalid)(event);
  return { form, formMessage, added, messageRef, onSubmit };
}

/** The card around an add form: heading, error and success messages, fields, submit button. */
export function AddFormCard({
  title,
  addedMessage,
  state: { form, formMessage, added, messageRef, onSubmit },
  children,
}: {
  title: string;
  addedMessage: string;
  state: Pick<ReturnType<typeof useAddForm>, 'formMessage' | 'added' | 'messageRef' | 'onSubmit'> & {
    form: { formState: { isSubmitting: boolean } };
  };
  children: ReactNode;
}) {
  const headingId = useId();
  const { isSubmitting } = form.formState;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-xs sm:p-6 lg:sticky lg:top-6"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="mt-4 space-y-4">
        <div ref={messageRef} tabIndex={-1} role="alert" className="empty:sr-only">
          {formMessage && (
            <p className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{formMessage}</p>
          )}
        </div>
        {/* Live regions stay in the accessibility tree while empty, so what appears in them is announced. */}
        <div role="status" className="empty:sr-only">
          {added && (
            <p className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800">
              {addedMessage}
            </p>
          )}
        </div>

        {children}

        <div className="flex justify-end">
          <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
            {isSubmitting ? 'Adding…' : title}
          </Button>
        </div>
      </form>
    </section>
  );
}
