'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { zodResolver } from '@hookform/resolvers/zod';
import { toast } from 'sonner';
import { DialogForm, useAddForm } from '@/components/add-form';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextField } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import type { PricePlanRow } from '@/lib/data/price-plans';
import { pricePlanEditInput, type PricePlanEditInput, type PricePlanEditValues } from '@/lib/validations/price-plan';
import { archivePricePlan, updatePricePlan } from '../actions';

const UNREACHABLE = 'The server did not answer. Check your connection and try again.';

/** A plan's Edit (display name and description, in a dialog) and Archive / Unarchive. */
export function PricePlanActions({ plan }: { plan: PricePlanRow }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const setArchived = (archived: boolean) => {
    setError(null);
    startTransition(async () => {
      try {
        const result = await archivePricePlan(plan.name, archived);
        if (!result.ok) {
          setError(result.message);
          return;
        }
      } catch {
        setError(UNREACHABLE);
        return;
      }
      if (archived) {
        toast.success(`Price plan archived: ${plan.displayName}`, {
          description: 'Its customers keep it; no other customer can be given it.',
          action: { label: 'Undo', onClick: () => setArchived(false) },
        });
      } else {
        toast.success(`Price plan unarchived: ${plan.displayName}`);
      }
      startTransition(() => router.refresh());
    });
  };

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
      <div id={errorId} role="alert" className="empty:sr-only md:text-left">
        {error && (
          <p className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>
        )}
      </div>
      <FormDialog
        open={editing}
        onClose={() => setEditing(false)}
        title={`Edit price plan ${plan.name}`}
        description="The key stays: customers and usage are matched by it."
      >
        <EditPricePlanForm plan={plan} onDone={() => setEditing(false)} />
      </FormDialog>
    </div>
  );
}

function EditPricePlanForm({ plan, onDone }: { plan: PricePlanRow; onDone: () => void }) {
  const state = useAddForm<PricePlanEditValues, PricePlanEditInput>({
    resolver: zodResolver(pricePlanEditInput),
    empty: { displayName: plan.displayName, description: plan.description ?? '' },
    action: async (values) => {
      const result = await updatePricePlan(plan.name, plan.version, values);
      if (!result.ok && 'conflict' in result) {
        const now = result.conflict;
        return {
          ok: false,
          message: `${result.message} It is now “${now.displayName}”${now.archivedAt ? ' (archived)' : ''}. Close this, then edit again.`,
        };
      }
      return result;
    },
    unreachable: 'The price plan was not saved: the server did not answer. Your input is still here; try again.',
    isField: (path) => path === 'displayName' || path === 'description',
    // The version moves only when something changed.
    addedMessage: (data) =>
      (data as { version: number }).version === plan.version ? 'No changes to save' : 'Price plan saved',
    onDone,
  });
  const {
    register,
    formState: { errors },
  } = state.form;
  return (
    <DialogForm
      label={`Edit price plan ${plan.name}`}
      submitLabel="Save"
      pendingLabel="Saving…"
      onCancel={onDone}
      state={state}
    >
      <TextField
        label="Display name"
        error={errors.displayName?.message}
        autoComplete="off"
        {...register('displayName')}
      />
      <Field label="Description" hint="Optional" error={errors.description?.message}>
        {(control) => <textarea rows={4} className={inputClass} {...control} {...register('description')} />}
      </Field>
    </DialogForm>
  );
}
