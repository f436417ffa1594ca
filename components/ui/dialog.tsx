'use client';

import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

/**
 * A modal dialog on the browser's own <dialog>: focus moves in and stays there, Esc closes it
 * (through `onClose`, so the caller's state stays the one truth), and focus goes back to where it
 * was. Its content is mounted only while it is open, so each opening starts afresh. On opening,
 * focus goes to the element marked `data-autofocus`, else to the first field.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  closeOnBackdrop = false,
  className,
  children,
}: {
  open: boolean;
  /** Called by Esc, by a click on the backdrop (with `closeOnBackdrop`), and by the caller's buttons. */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  /** A click outside closes it: for a question, not for a form (what was typed would be lost). */
  closeOnBackdrop?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus], input, select, textarea')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // A click on the backdrop lands on the <dialog> itself (its content fills a padded inner box).
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (closeOnBackdrop && event.target === event.currentTarget) onClose();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClick={onClick}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={cn(
        'm-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-200 bg-white p-0 text-left text-slate-900 shadow-xl',
        'backdrop:bg-slate-900/40',
        className,
      )}
    >
      {open && (
        <div className="p-5 sm:p-6">
          <h2 id={titleId} className="text-lg font-semibold [overflow-wrap:anywhere]">
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className="mt-1 space-y-2 text-sm [overflow-wrap:anywhere] text-slate-600">
              {description}
            </div>
          )}
          {children && <div className="mt-4">{children}</div>}
        </div>
      )}
    </dialog>
  );
}

/** A question with two answers, on `Dialog`: the backing-out answer has focus when it opens. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  /** The question's details. */
  children: ReactNode;
  /** The button that goes ahead, e.g. "Discard changes". */
  confirmLabel: string;
  /** The button that backs out, e.g. "Keep editing". */
  cancelLabel: string;
  onConfirm: () => void;
  /** Also called by Esc and by a click on the backdrop. */
  onCancel: () => void;
}) {
  return (
    <Dialog open={open} onClose={onCancel} title={title} description={children} closeOnBackdrop>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} data-autofocus>
          {cancelLabel}
        </Button>
        <Button onClick={onConfirm}>{confirmLabel}</Button>
      </div>
    </Dialog>
  );
}
