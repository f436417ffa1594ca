'use client';

import { useId, useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useAction } from '@/lib/hooks/use-action';
import { revokeKey } from '../actions';

/** "Revoke" and the question before it: programs using the key are refused from their next request. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [asking, setAsking] = useState(false);
  const { pending, error, run } = useAction();
  const errorId = useId();

  const revoke = () => {
    setAsking(false);
    run(
      () => revokeKey(id),
      'The API key could not be revoked',
      () => void toast.success(`API key “${name}” revoked`),
    );
  };

  return (
    <>
      <Button
        variant="secondary"
        className="px-3 py-1.5"
        onClick={() => setAsking(true)}
        disabled={pending}
        aria-haspopup="dialog"
        aria-describedby={error ? errorId : undefined}
      >
        Revoke<span className="sr-only"> API key {name}</span>
      </Button>
      <Alert id={errorId} message={error} className="mt-2 md:text-left" />
      <ConfirmDialog
        open={asking}
        title={`Revoke the API key “${name}”?`}
        confirmLabel="Revoke key"
        cancelLabel="Keep key"
        onConfirm={revoke}
        onCancel={() => setAsking(false)}
      >
        <p>Programs using it are refused (401) from their next request on. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
