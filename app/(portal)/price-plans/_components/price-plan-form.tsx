'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import type { UseFormReturn } from 'react-hook-form';
import { AddDialog } from '@/components/dialog-form';
import { Field, inputClass, TextField } from '@/components/ui/field';
import { emptyPricePlanForm, pricePlanInput, type PricePlanEditValues } from '@/lib/validations/price-plan';
import { createPricePlan } from '../actions';

/** The "Add price plan" button, and the dialog with its form. */
export function AddPricePlanDialog() {
  return (
    <AddDialog
      title="Add price plan"
      resolver={zodResolver(pricePlanInput)}
      defaultValues={emptyPricePlanForm}
      action={createPricePlan}
      failure="The price plan could not be saved"
      doneMessage="Price plan added"
    >
      {(form) => (
        <>
          <TextField
            label="Key"
            hint="Unique key customers are subscribed by, e.g. growth_2026; it cannot be changed later"
            error={form.formState.errors.name?.message}
            autoComplete="off"
            spellCheck={false}
            className="[&_input]:font-mono"
            {...form.register('name')}
          />
          <PricePlanTextFields form={form} rows={3} />
        </>
      )}
    </AddDialog>
  );
}

/** A plan's display name and description: in the Add form and the Edit form alike. */
export function PricePlanTextFields<T extends PricePlanEditValues>({
  form,
  rows,
}: {
  form: UseFormReturn<T, unknown, unknown>;
  rows: number;
}) {
  // Both forms have these two fields (the Add form has the key too): typed as the narrower one.
  const { register, formState } = form as unknown as UseFormReturn<PricePlanEditValues, unknown, unknown>;
  return (
    <>
      <TextField
        label="Display name"
        error={formState.errors.displayName?.message}
        autoComplete="off"
        {...register('displayName')}
      />
      <Field label="Description" hint="Optional" error={formState.errors.description?.message}>
        {(control) => <textarea rows={rows} className={inputClass} {...control} {...register('description')} />}
      </Field>
    </>
  );
}
