'use client';

import { useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useActionForm, type ActionFormOptions } from '@/lib/hooks/use-action-form';

type DialogFormProps<TValues extends FieldValues, TParsed, TData> = Omit<
  ActionFormOptions<TValues, TParsed, TData>,
  'onSuccess'
> & {
  /** The form's accessible name (the dialog's title). */
  label: string;
  submitLabel: string;
  pendingLabel: string;
  /** The toast once it is done ("User added"), or a function of what the action returned. */
  doneMessage: string | ((data: TData) => string);
  /** Closes the dialog the form is in (after a success, and on Cancel). */
  onDone: () => void;
  /** After a success, in place of closing: the dialog shows what came back (a new API key). */
  onSaved?: (data: TData) => void;
  /** The fields, given the form (`register`, `formState.errors`). */
  children: (form: UseFormReturn<TValues, unknown, TParsed>) => ReactNode;
};

/**
 * A small form of an admin page, in a dialog (`useActionForm`): its message, its fields, then
 * Cancel and the submit button. On success a toast, the page re-rendered from the server, and the
 * dialog closed. The server's errors go beside the fields named in `defaultValues` unless
 * `isField` says otherwise.
 */
export function DialogForm<TValues extends FieldValues, TParsed, TData>({
  label,
  submitLabel,
  pendingLabel,
  doneMessage,
  onDone,
  onSaved,
  children,
  ...options
}: DialogFormProps<TValues, TParsed, TData>) {
  const router = useRouter();
  const { form, formId, formMessage, messageRef, onSubmit, pending } = useActionForm<TValues, TParsed, TData>({
    isField: (path) => path in options.defaultValues,
    ...options,
    onSuccess: (data) => {
      toast.success(typeof doneMessage === 'string' ? doneMessage : doneMessage(data));
      router.refresh();
      if (onSaved) onSaved(data);
      else onDone();
    },
  });
  return (
    <form id={formId} method="post" onSubmit={onSubmit} noValidate aria-label={label} className="space-y-4">
      <Alert message={formMessage} ref={messageRef} focusable />

      {children(form)}

      <div className="flex flex-wrap justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** A button and the dialog with a form it opens; `children` gets the function that closes it. */
export function FormDialogButton({
  title,
  description,
  label = title,
  buttonClassName,
  variant,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** The button's content, when it is not the title. */
  label?: ReactNode;
  buttonClassName?: string;
  variant?: 'primary' | 'secondary';
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button variant={variant} className={buttonClassName} onClick={() => setOpen(true)} aria-haspopup="dialog">
        {label}
      </Button>
      <Dialog open={open} onClose={close} title={title} description={description}>
        {children(close)}
      </Dialog>
    </>
  );
}

type AddedThing = 'user' | 'price plan';

/**
 * A page's "Add <thing>" button and the dialog with its form: "Add <thing>" names the button, the
 * dialog, the form and its submit button; "<Thing> added" is the toast.
 */
export function AddDialog<TValues extends FieldValues, TParsed, TData>({
  thing,
  ...form
}: Omit<
  DialogFormProps<TValues, TParsed, TData>,
  'label' | 'submitLabel' | 'pendingLabel' | 'onDone' | 'failure' | 'doneMessage'
> & { thing: AddedThing }) {
  const title = `Add ${thing}`;
  return (
    <FormDialogButton title={title}>
      {(close) => (
        <DialogForm
          label={title}
          submitLabel={title}
          pendingLabel="Adding…"
          failure={`The ${thing} could not be added`}
          doneMessage={`${thing[0]!.toUpperCase()}${thing.slice(1)} added`}
          onDone={close}
          {...form}
        />
      )}
    </FormDialogButton>
  );
}
