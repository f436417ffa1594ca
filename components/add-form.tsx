'use client';

import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormDialog } from '@/components/ui/form-dialog';
import type { ActionResult } from '@/lib/action-result';
import { applyServerFieldErrors } from '@/lib/forms';

interface AddFormOptions<TValues extends FieldValues, TParsed> {
  resolver: Resolver<TValues, unknown, TParsed>;
  empty: TValues;
  /** The server action; it gets the raw values and parses them with the same schema. */
  action: (values: TValues) => Promise<ActionResult<unknown>>;
  /** What to say when the server did not answer. */
  unreachable: string;
  /** Which server error paths are fields of this form (the rest go to its message only). */
  isField?: (path: string) => boolean;
  /** The toast once it is added ("User added"), or a function of what the action returned. */
  addedMessage: string | ((data: unknown) => string);
  /** Closes the dialog the form is in. */
  onDone: () => void;
}

/**
 * A small "add one" form of an admin page, in a dialog: client checks on submit, server errors
 * next to their fields, nothing typed lost on failure; on success a toast, and the dialog closes.
 */
export function useAddForm<TValues extends FieldValues, TParsed>({
  resolver,
  empty,
  action,
  unreachable,
  isField,
  addedMessage,
  onDone,
}: AddFormOptions<TValues, TParsed>) {
  const router = useRouter();
  const form = useForm<TValues, unknown, TParsed>({
    resolver,
    defaultValues: empty as DefaultValues<TValues>,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { setError, getValues, handleSubmit } = form;
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  const submit = async () => {
    setFormMessage(null);
    try {
      const result = await action(getValues());
      if (result.ok) {
        toast.success(typeof addedMessage === 'string' ? addedMessage : addedMessage(result.data));
        router.refresh();
        onDone();
        return;
      }
      setFormMessage(result.message);
      if (applyServerFieldErrors(setError, result.fieldErrors, isField) === 0) messageRef.current?.focus();
    } catch {
      setFormMessage(unreachable);
      messageRef.current?.focus();
    }
  };
  const onInvalid = () => setFormMessage('Some fields need attention.');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => handleSubmit(submit, onInvalid)(event);
  return { form, formMessage, messageRef, onSubmit };
}

/** A dialog's form: its error message, fields, then Cancel and the submit button. */
export function DialogForm({
  label,
  submitLabel,
  pendingLabel,
  onCancel,
  state: { form, formMessage, messageRef, onSubmit },
  children,
}: {
  /** The form's accessible name (the dialog's title). */
  label: string;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
  state: Pick<ReturnType<typeof useAddForm>, 'formMessage' | 'messageRef' | 'onSubmit'> & {
    form: { formState: { isSubmitting: boolean } };
  };
  children: ReactNode;
}) {
  const { isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="space-y-4">
      <div ref={messageRef} tabIndex={-1} role="alert" className="empty:sr-only">
        {formMessage && (
          <p className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{formMessage}</p>
        )}
      </div>

      {children}

      <div className="flex flex-wrap justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
          {isSubmitting ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** A page's "Add …" button and the dialog it opens; `children` gets the function that closes it. */
export function AddDialog({ title, children }: { title: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-haspopup="dialog">
        {title}
      </Button>
      <FormDialog open={open} onClose={close} title={title}>
        {children(close)}
      </FormDialog>
    </>
  );
}
