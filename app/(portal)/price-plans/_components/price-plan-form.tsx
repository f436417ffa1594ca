'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AddFormCard, useAddForm } from '@/components/add-form';
import { Field, inputClass, TextField } from '@/components/ui/field';
import {
  emptyPricePlanForm,
  pricePlanInput,
  type PricePlanFormValues,
  type PricePlanInput,
} from '@/lib/validations/price-plan';
import { createPricePlan } from '../actions';

export function PricePlanForm() {
  const state = useAddForm<PricePlanFormValues, PricePlanInput>({
    resolver: zodResolver(pricePlanInput),
    empty: emptyPricePlanForm,
    action: createPricePlan,
    firstField: 'name',
    unreachable: 'The price plan could not be saved: the server did not answer. Your input is still here; try again.',
  });
  const {
    register,
    formState: { errors },
  } = state.form;

  return (
    <AddFormCard title="Add price plan" addedMessage="Price plan added." state={state}>
      <TextField
        label="Key"
        hint="Unique key customers are subscribed by, e.g. growth_2026"
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
    </AddFormCard>
  );
}
