'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/action-result';
import { actionFailureMessage } from '@/lib/forms';

/** What to show for a refused action: its field errors when it names any, else its message. */
export function refusalMessage(result: { message: string; fieldErrors?: Record<string, string[] | undefined> }) {
  const fieldMessages = Object.values(result.fieldErrors ?? {})
    .flat()
    .join(' ');
  return fieldMessages || result.message;
}

/**
 * A button's server action (archive, deactivate, change a role): runs it in a transition, keeps
 * its error for the caller to show, and on success re-renders the page from the server (or calls
 * `after`) while `pending` stays true, so the button cannot be pressed twice.
 */
export function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const run = <T>(
    action: () => Promise<ActionResult<T>>,
    /** What failed, when the action threw: "The user could not be deactivated". */
    failure: string,
    onSuccess?: (data: T) => void | Promise<void>,
    after: () => void = () => router.refresh(),
  ) => {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action();
      } catch (caught) {
        setError(actionFailureMessage(caught, failure));
        return;
      }
      if (!result.ok) {
        setError(refusalMessage(result));
        return;
      }
      await onSuccess?.(result.data);
      startTransition(after);
    });
  };

  return { pending, error, setError, run };
}
