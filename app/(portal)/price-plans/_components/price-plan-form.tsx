'use client';

import type { UseFormReturn } from 'react-hook-form';
import { AddDialog } from '@/components/dialog-form';
import { FormTextArea, FormTextField } from '@/components/form-fields';
import { emptyPricePlanForm, pricePlanInput, type PricePlanEditValues } from '@/lib/validations/price-plan';
import { createPricePlan } from '../actions';

/** The "Add price plan" button, and the dialog with its form. */
export function AddPricePlanDialog() {
  return (
    <AddDialog thing="price plan" schema={pricePlanInput} defaultValues={emptyPricePlanForm} action={createPricePlan}>
      {(form) => (
        <>
          <FormTextField
            form={form}
            name="name"
            label="Key"
            hint="Unique key customers are subscribed by, e.g. growth_2026; it cannot be changed later"
            verbatim
            className="[&_input]:font-mono"
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
  const fields = form as unknown as UseFormReturn<PricePlanEditValues, unknown, unknown>;
  return (
    <>
      <FormTextField form={fields} name="displayName" label="Display name" />
      <FormTextArea form={fields} name="description" label="Description" hint="Optional" rows={rows} />
    </>
  );
}
