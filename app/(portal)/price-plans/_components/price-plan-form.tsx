'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { DialogForm, FormDialogButton, useDialogForm } from '@/components/add-form';
import { Field, inputClass, TextField } from '@/components/ui/field';
import { emptyPricePlanForm, pricePlanInput } from '@/lib/validations/price-plan';
import { createPricePlan } from '../actions';

/** The "Add price plan" button, and the dialog with its form. */
export function AddPricePlanDialog() {
  return <FormDialogButton title="Add price plan">{(close) => <PricePlanForm onDone={close} />}</FormDialogButton>;
}

function PricePlanForm({ onDone }: { onDone: () => void }) {
  const state = useDialogForm({
    resolver: zodResolver(pricePlanInput),
    defaultValues: emptyPricePlanForm,
    action: createPricePlan,
    failure: 'The price plan could not be saved',
    doneMessage: 'Price plan added',
    onDone,
  });
  const {
    register,
    formState: { errors },
  } = state.form;

  return (
    <DialogForm
      label="Add price plan"
      submitLabel="Add price plan"
      pendingLabel="Adding…"
      onCancel={onDone}
      state={state}
    >
      <TextField
        label="Key"
        hint="Unique key customers are subscribed by, e.g. growth_2026; it cannot be changed later"
        error={errors.name?.message}
        autoComplete="off"
        spellCheck={false}
        className="[&_input]:font-mono"
        {...register('name')}
      />
      <TextField
        label="Display name"
        error={errors.displayName?.message}
        autoComplete="off"
        {...register('displayName')}
      />
      <Field label="Description" hint="Optional" error={errors.description?.message}>
        {(control) => <textarea rows={3} className={inputClass} {...control} {...register('description')} />}
      </Field>
    </DialogForm>
  );
}
