'use client';

import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** The button that goes ahead, e.g. "Discard changes". */
  confirmLabel: string;
  /** The button that backs out, e.g. "Keep editing"; it has focus when the dialog opens. */
  cancelLabel: string;
  onConfirm: () => void;
  /** Also called by Esc and by a click on the backdrop. */
  onCancel: () => void;
}

/**
 * A modal question with two answers, on the native <dialog>: focus moves into it and stays there,
 * Esc backs out, and focus goes back to where it was when it closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // A click on the backdrop lands on the <dialog> itself (its content fills a padded inner box).
  const onDialogClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onCancel();
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={headingId}
      aria-describedby={descriptionId}
      onClick={onDialogClick}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-4 p-5 sm:p-6">
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={descriptionId} className="space-y-2 text-sm text-slate-700">
          {children}
        </div>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button ref={cancelRef} variant="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button onClick={onConfirm}>{confirmLabel}</Button>
        </div>
      </div>
    </dialog>
  );
}
