'use client';

import { useState } from 'react';
import { get, useFieldArray, useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, FieldError, inputClass, TextField } from '@/components/ui/field';
import {
  AWS_REGIONS,
  BILLING_PROVIDERS,
  DELIVERY_METHODS,
  DELIVERY_METHODS_BY_PROVIDER,
  emptyBillingProvider,
  STRIPE_COLLECTION_METHODS,
  type BillingProvider,
} from '@/lib/validations/billing-providers';
import type { CustomerFormValues } from '@/lib/validations/customer';

type Path = FieldPath<CustomerFormValues>;

const errorAt = (errors: unknown, path: string): string | undefined =>
  (get(errors, path) as { message?: string } | undefined)?.message;

function ProviderSettings({ index, provider }: { index: number; provider: BillingProvider }) {
  const {
    register,
    formState: { errors },
  } = useFormContext<CustomerFormValues>();
  const path = (key: string) => `billingProviders.${index}.configuration.${key}` as Path;
  const error = (key: string) => errorAt(errors, path(key));
  const text = (key: string, label: string, hint?: string) => (
    <TextField
      label={label}
      required
      hint={hint}
      error={error(key)}
      autoComplete="off"
      spellCheck={false}
      {...register(path(key))}
    />
  );
  const select = (key: string, label: string, options: [string, string][]) => (
    <Field label={label} error={error(key)}>
      {(control) => (
        <select className={inputClass} {...control} {...register(path(key))}>
          {options.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  switch (provider) {
    case 'stripe':
      return (
        <>
          {text('stripe_customer_id', 'Stripe customer ID', 'Starts with cus_')}
          {select('stripe_collection_method', 'Collection method', Object.entries(STRIPE_COLLECTION_METHODS))}
        </>
      );
    case 'aws_marketplace':
      return (
        <>
          {text('aws_customer_id', 'AWS customer ID')}
          {text('aws_product_code', 'AWS product code')}
          {select(
            'aws_region',
            'AWS region',
            AWS_REGIONS.map((r) => [r, r]),
          )}
          <div className="flex items-center gap-2 self-end pb-2">
            <input
              id={`aws-subscription-${index}`}
              type="checkbox"
              className="size-4 accent-brand-600"
              {...register(path('aws_is_subscription_product'))}
            />
            <label htmlFor={`aws-subscription-${index}`} className="text-sm">
              SaaS subscription product
            </label>
          </div>
        </>
      );
    case 'azure_marketplace':
      return text('azure_subscription_id', 'Azure subscription ID', 'A GUID');
    case 'gcp_marketplace':
      return text('gcp_customer_id', 'GCP customer ID');
    case 'netsuite':
      return text('netsuite_customer_id', 'NetSuite customer ID');
  }
}

/** Billing providers: one row per provider, each with its own settings. */
export function BillingProvidersField() {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<CustomerFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'billingProviders' });
  const rows = useWatch({ control, name: 'billingProviders' }) ?? [];
  const used = new Set(rows.map((r) => r.billingProvider));
  const available = (Object.keys(BILLING_PROVIDERS) as BillingProvider[]).filter((p) => !used.has(p));
  const [toAdd, setToAdd] = useState<BillingProvider | ''>('');
  const choice = toAdd && available.includes(toAdd) ? toAdd : (available[0] ?? '');

  return (
    <fieldset className="space-y-4" aria-describedby="billing-hint">
      <legend className="text-base font-semibold">Billing providers</legend>
      <p id="billing-hint" className="text-sm text-slate-600">
        Where invoices go and how payment is collected. At most one configuration per provider.
      </p>
      {fields.length === 0 && <p className="text-sm text-slate-600">No billing providers.</p>}
      {fields.map((field, index) => {
        const provider = (rows[index]?.billingProvider ?? field.billingProvider) as BillingProvider;
        const methodPath = `billingProviders.${index}.deliveryMethod` as Path;
        return (
          <section
            key={field.id}
            aria-label={BILLING_PROVIDERS[provider]}
            className="space-y-3 rounded-md border border-slate-200 p-4"
          >
            <div className="flex items-center justify-between gap-2">
              <h3 className="font-semibold">{BILLING_PROVIDERS[provider]}</h3>
              <Button variant="ghost" onClick={() => remove(index)}>
                Remove {BILLING_PROVIDERS[provider]}
              </Button>
            </div>
            <FieldError message={errorAt(errors, `billingProviders.${index}.billingProvider`)} />
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Delivery method" error={errorAt(errors, methodPath)}>
                {(control) => (
                  <select className={inputClass} {...control} {...register(methodPath)}>
                    {DELIVERY_METHODS_BY_PROVIDER[provider].map((m) => (
                      <option key={m} value={m}>
                        {DELIVERY_METHODS[m]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <ProviderSettings index={index} provider={provider} />
            </div>
          </section>
        );
      })}
      {available.length > 0 && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="space-y-1.5">
            <label htmlFor="provider-to-add" className="block text-sm font-medium">
              Provider to add
            </label>
            <select
              id="provider-to-add"
              className={inputClass}
              value={choice}
              onChange={(e) => setToAdd(e.target.value as BillingProvider)}
            >
              {available.map((p) => (
                <option key={p} value={p}>
                  {BILLING_PROVIDERS[p]}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary" onClick={() => choice && append(emptyBillingProvider(choice))}>
            Add billing provider
          </Button>
        </div>
      )}
    </fieldset>
  );
}
