'use client';

import { useEffect, useId, useRef, useState, useTransition, type MouseEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { actionFailureMessage } from '@/lib/forms';
import { customerKeys } from '@/lib/queries/customers';
import { formatDateTime } from '@/lib/utils';
import { archiveCustomer, unarchiveCustomer } from '../actions';

/** The archived banner's heading: where focus goes once a customer has been archived. */
const BANNER_HEADING_ID = 'archived-customer-heading';

type ArchiveResult = ActionResult<{ archivedAt: string | null }>;

/**
 * Runs an archive/unarchive action; on success drops React Query's cached lists (revalidatePath
 * does not reach them) and re-renders the page from the server. Returns an error message or null.
 */
function useArchiveAction() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();

  const run = (action: () => Promise<ArchiveResult>, what: string, onDone: (error: string | null) => void) =>
    startTransition(async () => {
      let result: ArchiveResult;
      try {
        result = await action();
      } catch (error) {
        onDone(actionFailureMessage(error, what));
        return;
      }
      if (!result.ok) {
        onDone(result.message);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
      onDone(null);
      // Keeps `pending` true until the page shows the new state.
      startTransition(() => router.refresh());
    });

  return { pending, run };
}

/**
 * Unarchives from outside the page's own controls (a toast's Undo), so it still works once the
 * page has changed: plain calls, no component state.
 */
function useUndoArchive() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return async (customerId: string) => {
    let result: ArchiveResult;
    try {
      result = await unarchiveCustomer(customerId);
    } catch (error) {
      toast.error(actionFailureMessage(error, 'The customer could not be unarchived'));
      return;
    }
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    toast.success('Customer unarchived', { description: 'It is back in the customer list.' });
    await queryClient.invalidateQueries({ queryKey: customerKeys.all });
    router.refresh();
  };
}

/**
 * The header's "Archive" button and its confirmation dialog. Stays mounted while the customer is
 * archived (showing nothing) so that it can move focus and announce the change when the page
 * re-renders: the button the user pressed is gone by then.
 */
export function ArchiveControl({
  customerId,
  customerName,
  archived,
}: {
  customerId: string;
  customerName: string;
  archived: boolean;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const descriptionId = useId();
  const [error, setError] = useState<string | null>(null);
  const { pending, run } = useArchiveAction();
  const undoArchive = useUndoArchive();

  // When the control that was used has disappeared, focus lands on what replaced it.
  const previous = useRef(archived);
  useEffect(() => {
    if (previous.current === archived) return;
    previous.current = archived;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    if (archived) document.getElementById(BANNER_HEADING_ID)?.focus();
    else triggerRef.current?.focus();
  }, [archived]);

  const open = () => {
    setError(null);
    dialogRef.current?.showModal();
    cancelRef.current?.focus();
  };

  const close = () => dialogRef.current?.close();

  const confirm = () =>
    run(
      () => archiveCustomer(customerId),
      'The customer could not be archived',
      (message) => {
        setError(message);
        if (message !== null) return;
        close();
        // The change is said by a toast, which also offers to undo it.
        toast.success('Customer archived', {
          description: customerName,
          action: { label: 'Undo', onClick: () => void undoArchive(customerId) },
        });
      },
    );

  // A click on the backdrop lands on the <dialog> itself (its content fills a padded inner box).
  const onDialogClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget && !pending) close();
  };

  return (
    <>
      {!archived && (
        <Button ref={triggerRef} variant="secondary" onClick={open} disabled={pending} aria-haspopup="dialog">
          {pending ? 'Archiving…' : 'Archive'}
        </Button>
      )}
      <dialog
        ref={dialogRef}
        aria-labelledby={headingId}
        aria-describedby={descriptionId}
        onClick={onDialogClick}
        onCancel={(event) => {
          // Esc closes the dialog, except while the archive is being saved.
          if (pending) event.preventDefault();
        }}
        onClose={() => triggerRef.current?.focus()}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5 sm:p-6">
          <h2 id={headingId} className="text-lg font-semibold [overflow-wrap:anywhere]">
            Archive {customerName}?
          </h2>
          <div id={descriptionId} className="space-y-2 text-sm text-slate-700">
            <p>It will be hidden from the default customer list; you can still find it under “Archived”.</p>
            <p>Its ingest aliases stay reserved: no other customer can use them while it is archived.</p>
            <p>You can unarchive it at any time.</p>
          </div>
          {error && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button ref={cancelRef} variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button onClick={confirm} disabled={pending}>
              {pending ? 'Archiving…' : 'Archive customer'}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}

/** Shown on an archived customer's page: when it was archived, what that means, and "Unarchive". */
export function ArchivedBanner({
  customerId,
  archivedAt,
  mayUnarchive,
}: {
  customerId: string;
  archivedAt: string;
  mayUnarchive: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const { pending, run } = useArchiveAction();

  const unarchive = () =>
    run(
      () => unarchiveCustomer(customerId),
      'The customer could not be unarchived',
      (message) => {
        setError(message);
        if (message === null) toast.success('Customer unarchived', { description: 'It is back in the customer list.' });
      },
    );

  return (
    <section
      aria-labelledby={BANNER_HEADING_ID}
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 sm:p-5"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h2 id={BANNER_HEADING_ID} tabIndex={-1} className="font-semibold">
            This customer is archived
          </h2>
          <p className="text-sm">
            Archived on <time dateTime={archivedAt}>{formatDateTime(archivedAt)}</time>. It is hidden from the default
            customer list, and its ingest aliases stay reserved: no other customer can use them.
          </p>
        </div>
        {mayUnarchive && (
          <Button variant="secondary" onClick={unarchive} disabled={pending} className="self-start">
            {pending ? 'Unarchiving…' : 'Unarchive'}
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-3 rounded-md border border-red-200 bg-white px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
