'use client';

import { useId, useState } from 'react';
import { toast } from 'sonner';
import { DialogForm } from '@/components/dialog-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { failure } from '@/lib/action-result';
import { useAction } from '@/lib/hooks/use-action';
import { pricePlanEditInput, type PricePlanRow } from '@/lib/validations/price-plan';
import { archivePricePlan, updatePricePlan } from '../actions';
import { PricePlanTextFields } from './price-plan-form';

/** A plan's Edit (display name and description, in a dialog) and Archive / Unarchive. */
export function PricePlanActions({ plan }: { plan: PricePlanRow }) {
  const [editing, setEditing] = useState(false);
  const { pending, error, run } = useAction();
  const errorId = useId();

  const setArchived = (archived: boolean) =>
    run(
      () => archivePricePlan(plan.name, archived),
      `The price plan could not be ${archived ? 'archived' : 'unarchived'}`,
      () => {
        if (archived) {
          toast.success(`Price plan archived: ${plan.displayName}`, {
            description: 'Its customers keep it; no other customer can be given it.',
            action: { label: 'Undo', onClick: () => setArchived(false) },
          });
        } else {
          toast.success(`Price plan unarchived: ${plan.displayName}`);
        }
      },
    );

  return (
    <div>
      <div className="flex flex-wrap gap-2 md:flex-nowrap md:justify-end">
        <Button
          variant="secondary"
          onClick={() => setEditing(true)}
          aria-haspopup="dialog"
          className="px-3 py-1.5"
          aria-describedby={error ? errorId : undefined}
        >
          Edit<span className="sr-only"> {plan.name}</span>
        </Button>
        <Button
          variant="secondary"
          onClick={() => setArchived(!plan.archivedAt)}
          disabled={pending}
          className="px-3 py-1.5"
        >
          {plan.archivedAt ? 'Unarchive' : 'Archive'}
          <span className="sr-only"> {plan.name}</span>
        </Button>
      </div>
      <Alert id={errorId} message={error} className="mt-2 md:text-left" />
      <Dialog
        open={editing}
        onClose={() => setEditing(false)}
        title={`Edit price plan ${plan.name}`}
        description="The key stays: customers and usage are matched by it."
      >
        <EditPricePlanForm plan={plan} onDone={() => setEditing(false)} />
      </Dialog>
    </div>
  );
}

function EditPricePlanForm({ plan, onDone }: { plan: PricePlanRow; onDone: () => void }) {
  return (
    <DialogForm
      label={`Edit price plan ${plan.name}`}
      submitLabel="Save"
      pendingLabel="Saving…"
      schema={pricePlanEditInput}
      defaultValues={{ displayName: plan.displayName, description: plan.description ?? '' }}
      action={async (values) => {
        const result = await updatePricePlan(plan.name, plan.version, values);
        if (!result.ok && 'conflict' in result) {
          const now = result.conflict;
          return failure(
            `${result.message} It is now “${now.displayName}”${now.archivedAt ? ' (archived)' : ''}. Close this, then edit again.`,
          );
        }
        return result;
      }}
      failure="The price plan was not saved"
      // The version moves only when something changed.
      doneMessage={(data) => (data.version === plan.version ? 'No changes to save' : 'Price plan saved')}
      onDone={onDone}
    >
      {(form) => <PricePlanTextFields form={form} rows={4} />}
    </DialogForm>
  );
}
