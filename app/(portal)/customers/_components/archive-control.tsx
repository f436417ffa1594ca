'use client';

import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/action-result';
import { actionFailureMessage } from '@/lib/forms';
import { useAction } from '@/lib/hooks/use-action';
import { customerKeys } from '@/lib/queries/customers';
import { formatDateTime } from '@/lib/utils';
import { archiveCustomer, unarchiveCustomer } from '../actions';

/** The archived banner's heading: where focus goes once a customer has been archived. */
const BANNER_HEADING_ID = 'archived-customer-heading';

type ArchiveResult = ActionResult<{ archivedAt: string | null }>;

/**
 * Runs an archive/unarchive action (`useAction`); on success drops React Query's cached lists
 * (revalidatePath does not reach them) before the page re-renders from the server.
 */
function useArchiveAction() {
  const queryClient = useQueryClient();
  const { run, ...state } = useAction();
  const runArchive = (action: () => Promise<ArchiveResult>, failure: string, onSuccess: () => void) =>
    run(action, failure, async () => {
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
      onSuccess();
    });
  return { ...state, run: runArchive };
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
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const { pending, error, setError, run } = useArchiveAction();
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

  const show = () => {
    setError(null);
    setOpen(true);
  };

  // Esc, the backdrop and Cancel close it, except while the archive is being saved.
  const close = () => {
    if (!pending) setOpen(false);
  };

  const confirm = () =>
    run(
      () => archiveCustomer(customerId),
      'The customer could not be archived',
      () => {
        setOpen(false);
        // The change is said by a toast, which also offers to undo it.
        toast.success('Customer archived', {
          description: customerName,
          action: { label: 'Undo', onClick: () => void undoArchive(customerId) },
        });
      },
    );

  return (
    <>
      {!archived && (
        <Button ref={triggerRef} variant="secondary" onClick={show} disabled={pending} aria-haspopup="dialog">
          {pending ? 'Archiving…' : 'Archive'}
        </Button>
      )}
      <Dialog
        open={open}
        onClose={close}
        closeOnBackdrop
        title={`Archive ${customerName}?`}
        description={
          <>
            <p>It will be hidden from the default customer list; you can still find it under “Archived”.</p>
            <p>Its ingest aliases stay reserved: no other customer can use them while it is archived.</p>
            <p>You can unarchive it at any time.</p>
          </>
        }
      >
        <Alert message={error} className="mb-4" />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={pending}>
            {pending ? 'Archiving…' : 'Archive customer'}
          </Button>
        </div>
      </Dialog>
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
  const { pending, error, run } = useArchiveAction();

  const unarchive = () =>
    run(
      () => unarchiveCustomer(customerId),
      'The customer could not be unarchived',
      () => void toast.success('Customer unarchived', { description: 'It is back in the customer list.' }),
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
      <Alert message={error} className="mt-3" />
    </section>
  );
}
