'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AddDialog, DialogForm, useAddForm } from '@/components/add-form';
import { Field, inputClass, TextField } from '@/components/ui/field';
import {
  emptyPricePlanForm,
  pricePlanInput,
  type PricePlanFormValues,
  type PricePlanInput,
} from '@/lib/validations/price-plan';
import { createPricePlan } from '../actions';

/** The "Add price plan" button, and the dialog with its form. */
export function AddPricePlanDialog() {
  return <AddDialog title="Add price plan">{(close) => <PricePlanForm onDone={close} />}</AddDialog>;
}

function PricePlanForm({ onDone }: { onDone: () => void }) {
  const state = useAddForm<PricePlanFormValues, PricePlanInput>({
    resolver: zodResolver(pricePlanInput),
    empty: emptyPricePlanForm,
    action: createPricePlan,
    unreachable: 'The price plan could not be saved: the server did not answer. Your input is still here; try again.',
    addedMessage: 'Price plan added',
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
