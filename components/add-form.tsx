'use client';

import { useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import type { FieldValues } from 'react-hook-form';
import { toast } from 'sonner';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useActionForm, type ActionFormOptions, type ActionFormState } from '@/lib/hooks/use-action-form';

/**
 * A small form of an admin page, in a dialog (`useActionForm`): on success a toast, the page
 * re-rendered from the server, and the dialog closed.
 */
export function useDialogForm<TValues extends FieldValues, TParsed, TData>({
  doneMessage,
  onDone,
  ...options
}: Omit<ActionFormOptions<TValues, TParsed, TData>, 'onSuccess'> & {
  /** The toast once it is done ("User added"), or a function of what the action returned. */
  doneMessage: string | ((data: TData) => string);
  /** Closes the dialog the form is in. */
  onDone: () => void;
}) {
  const router = useRouter();
  return useActionForm<TValues, TParsed, TData>({
    ...options,
    onSuccess: (data) => {
      toast.success(typeof doneMessage === 'string' ? doneMessage : doneMessage(data));
      router.refresh();
      onDone();
    },
  });
}

/** A dialog's form: its error message, fields, then Cancel and the submit button. */
export function DialogForm({
  label,
  submitLabel,
  pendingLabel,
  onCancel,
  state: { formMessage, messageRef, onSubmit, pending },
  children,
}: {
  /** The form's accessible name (the dialog's title). */
  label: string;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
  state: ActionFormState;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="space-y-4">
      <Alert message={formMessage} ref={messageRef} focusable />

      {children}

      <div className="flex flex-wrap justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
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
