'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextField } from '@/components/ui/field';
import {
  emptyPricePlanForm,
  pricePlanInput,
  type PricePlanFormValues,
  type PricePlanInput,
} from '@/lib/validations/price-plan';
import { createPricePlan } from '../actions';
import { applyServerFieldErrors } from '@/lib/forms';

export function PricePlanForm() {
  const router = useRouter();
  const headingId = useId();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PricePlanFormValues, unknown, PricePlanInput>({
    resolver: zodResolver(pricePlanInput),
    defaultValues: emptyPricePlanForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  // Ready for the next plan. (Focusing in the same tick as reset() does not stick.)
  useEffect(() => {
    if (added) setFocus('name');
  }, [added, setFocus]);

  const submit = async () => {
    setFormMessage(null);
    setAdded(false);
    try {
      // The raw values: the action parses them with the same schema.
      const result = await createPricePlan(getValues());
      if (result.ok) {
        reset(emptyPricePlanForm);
        setAdded(true);
        router.refresh();
        return;
      }
      setFormMessage(result.message);
      if (applyServerFieldErrors(setError, result.fieldErrors) === 0) messageRef.current?.focus();
    } catch {
      setFormMessage(
        'The price plan could not be saved: the server did not answer. Your input is still here; try again.',
      );
      messageRef.current?.focus();
    }
  };
  const onInvalid = () => {
    setAdded(false);
    setFormMessage('Some fields need attention.');
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-xs sm:p-6 lg:sticky lg:top-6"
    >
      <h2 id={headingId} className="text-base font-semibold">
        Add price plan
      </h2>
      <form
        onSubmit={(event) => handleSubmit(submit, onInvalid)(event)}
        noValidate
        aria-labelledby={headingId}
        className="mt-4 space-y-4"
      >
        <div ref={messageRef} tabIndex={-1} role="alert" className="empty:sr-only">
          {formMessage && (
            <p className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{formMessage}</p>
          )}
        </div>
        {/* Live regions stay in the accessibility tree while empty, so what appears in them is announced. */}
        <div role="status" className="empty:sr-only">
          {added && (
            <p className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800">
              Price plan added.
            </p>
          )}
        </div>

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

        <div className="flex justify-end">
          <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
            {isSubmitting ? 'Adding…' : 'Add price plan'}
          </Button>
        </div>
      </form>
    </section>
  );
}
