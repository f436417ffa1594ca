'use client';

import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field, inputClass, TextField } from '@/components/ui/field';
import { customerKeys } from '@/lib/queries/customers';
import { COUNTRIES } from '@/lib/validations/countries';
import {
  customerInput,
  emptyCustomerForm,
  type CustomerFormValues,
  type CustomerInput,
} from '@/lib/validations/customer';
import { createCustomer } from '../actions';
import { AliasFields } from './alias-fields';

const countryOptions = Object.entries(COUNTRIES).sort(([, a], [, b]) => a.localeCompare(b));

function Section({ title, children }: { title?: string; children: React.ReactNode }) {
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
      {title && <h2 className="text-base font-semibold">{title}</h2>}
      {children}
    </section>
  );
}

export function CustomerForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<CustomerFormValues, unknown, CustomerInput>({
    resolver: zodResolver(customerInput),
    defaultValues: emptyCustomerForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  // Nothing typed is lost by an accidental close or reload.
  useEffect(() => {
    if (!isDirty || saved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty, saved]);

  const submit = async () => {
    setFormMessage(null);
    try {
      const result = await createCustomer(getValues());
      if (result.ok) {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: customerKeys.all });
        router.push(`/customers/${result.data.id}?created=1`);
        return;
      }
      setFormMessage(result.message);
      const entries = Object.entries(result.fieldErrors ?? {});
      entries.forEach(([path, messages], i) => {
        if (messages?.[0]) {
          setError(
            path as FieldPath<CustomerFormValues>,
            { type: 'server', message: messages[0] },
            { shouldFocus: i === 0 },
          );
        }
      });
      if (entries.length === 0) messageRef.current?.focus();
    } catch {
      setFormMessage(
        'The customer could not be saved: the server did not answer. Your input is still here; try again.',
      );
      messageRef.current?.focus();
    }
  };
  const onInvalid = () => setFormMessage('Some fields need attention.');

  const busy = isSubmitting || saved;
  return (
    <FormProvider {...form}>
      <form
        onSubmit={(event) => handleSubmit(submit, onInvalid)(event)}
        noValidate
        aria-label="Create customer"
        className="space-y-6"
      >
        <div ref={messageRef} tabIndex={-1} role="alert" className="empty:hidden">
          {formMessage && (
            <p className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{formMessage}</p>
          )}
        </div>

        <Section title="Identity">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="ID"
              hint="Unique, dev-friendly identifier, e.g. customer_1"
              error={errors.name?.message}
              autoComplete="off"
              spellCheck={false}
              {...register('name')}
            />
            <TextField
              label="Name"
              hint="Shown in the portal; defaults to the ID"
              error={errors.displayName?.message}
              autoComplete="off"
              {...register('displayName')}
            />
          </div>
          <Field label="Description" error={errors.description?.message}>
            {(control) => <textarea rows={3} className={inputClass} {...control} {...register('description')} />}
          </Field>
        </Section>

        <Section title="Contact">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Email"
              type="email"
              autoComplete="off"
              error={errors.email?.message}
              {...register('email')}
            />
            <TextField
              label="Website"
              type="url"
              placeholder="https://example.com"
              autoComplete="off"
              error={errors.website?.message}
              {...register('website')}
            />
            <TextField
              label="Address line 1"
              autoComplete="off"
              error={errors.addressLine1?.message}
              {...register('addressLine1')}
            />
            <TextField
              label="Address line 2"
              autoComplete="off"
              error={errors.addressLine2?.message}
              {...register('addressLine2')}
            />
            <TextField label="City" autoComplete="off" error={errors.city?.message} {...register('city')} />
            <TextField label="State" autoComplete="off" error={errors.state?.message} {...register('state')} />
            <TextField label="Zipcode" autoComplete="off" error={errors.zipcode?.message} {...register('zipcode')} />
            <Field label="Country" error={errors.country?.message}>
              {(control) => (
                <select className={inputClass} {...control} {...register('country')}>
                  <option value="">No country</option>
                  {countryOptions.map(([code, name]) => (
                    <option key={code} value={code}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </Section>

        <Section>
          <AliasFields />
        </Section>

        <div className="flex flex-wrap items-center justify-end gap-3">
          <ButtonLink href="/customers" variant="ghost">
            Cancel
          </ButtonLink>
          <Button type="submit" disabled={busy} aria-disabled={busy}>
            {busy ? 'Creating…' : 'Create customer'}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
