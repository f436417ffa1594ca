'use client';

import { useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { FormErrorSummary } from '@/components/form-error-summary';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { Button, ButtonLink } from '@/components/ui/button';
import { FormTextArea, FormTextField } from '@/components/form-fields';
import { Field, inputClass, RequiredMark } from '@/components/ui/field';
import { customerKeys } from '@/lib/queries/customers';
import { MAX_REQUEST_BODY_BYTES } from '@/lib/request-limits';
import { utf8Length } from '@/lib/validations/text';
import {
  CONTACT_FIELDS,
  customerInput,
  emptyCustomerForm,
  toCustomerFormValues,
  type CustomerFormValues,
} from '@/lib/validations/customer';
import { createCustomer, updateCustomer } from '../actions';
import { AliasAvailability } from './alias-availability';
import { BillingProvidersField } from './billing-providers-field';
import { changedFields, ConflictView, type FieldChange } from './conflict-view';
import { CountryCombobox } from './country-combobox';
import { IdAvailability, IdChangeWarning } from './id-availability';
import { MeasurementMappingsField } from './measurement-mappings-field';
import { PairRowsField } from './pair-rows-field';
import { TagsInput } from './tags-input';
import { ValueRowsField } from './value-rows-field';
import { failure } from '@/lib/action-result';
import { useActionForm } from '@/lib/hooks/use-action-form';
import type { PricePlanOption } from '@/lib/validations/price-plan';
import type { ChangedBy } from '@/lib/validations/audit';

type CustomerFormProps = { pricePlans: PricePlanOption[] } & (
  { mode: 'create' } | { mode: 'edit'; customerId: string; version: number; initialValues: CustomerFormValues }
);

function Section({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
      {title && <h2 className="text-base font-semibold">{title}</h2>}
      {children}
    </section>
  );
}

interface Conflict {
  changes: FieldChange[];
  savedAt: string;
  changedBy: ChangedBy | null;
  theirs: CustomerFormValues;
  version: number;
}

export function CustomerForm(props: CustomerFormProps) {
  const editing = props.mode === 'edit';
  const customerId = editing ? props.customerId : undefined;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(() => ({
    version: editing ? props.version : 0,
    values: editing ? props.initialValues : emptyCustomerForm,
  }));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const { form, formId, formMessage, setFormMessage, messageRef, onSubmit, pending, succeeded } = useActionForm({
    schema: customerInput,
    defaultValues: editing ? props.initialValues : emptyCustomerForm,
    action: async (values) => {
      // The form's own checks keep a customer under the server's body limit; this says so plainly
      // if that ever stops being true, rather than "the server did not answer".
      if (utf8Length(JSON.stringify(values), MAX_REQUEST_BODY_BYTES) > MAX_REQUEST_BODY_BYTES) {
        return failure('The customer is too large to send: shorten long fields or remove some aliases.');
      }
      return customerId ? updateCustomer(customerId, base.version, values) : createCustomer(values);
    },
    failure: 'The customer could not be saved',
    onRefused: (refusal) => {
      if (!('conflict' in refusal)) return false;
      const theirs = toCustomerFormValues(refusal.conflict);
      setConflict({
        changes: changedFields(base.values, theirs),
        savedAt: refusal.conflict.updatedAt,
        changedBy: refusal.changedBy,
        theirs,
        version: refusal.conflict.version,
      });
      return true;
    },
    onSuccess: async (data: { id: string; unchanged?: true }, values) => {
      if (data.unchanged) {
        // The server found nothing different from the stored record: nothing written, stay here.
        toast.info('No changes to save');
        return 'stay';
      }
      // Said once, here: nothing in the address brings it back on a reload.
      if (editing) toast.success('Changes saved');
      else toast.success('Customer created', { description: values.displayName.trim() || values.name.trim() });
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
      router.push(`/customers/${data.id}`);
      router.refresh();
    },
  });
  const {
    register,
    reset,
    formState: { errors, isDirty },
  } = form;
  const formRef = useRef<HTMLFormElement>(null);
  const originalId = editing ? props.initialValues.name : undefined;

  const loadTheirs = () => {
    if (!conflict) return;
    reset(conflict.theirs);
    setBase({ version: conflict.version, values: conflict.theirs });
    setConflict(null);
    setFormMessage(null);
  };
  const keepMine = () => {
    if (!conflict) return;
    setBase({ version: conflict.version, values: conflict.theirs });
    setConflict(null);
    setFormMessage('Your edits are kept. Saving now replaces the other changes.');
  };

  const submitLabel = editing ? 'Save changes' : 'Create customer';
  return (
    <FormProvider {...form}>
      <form
        id={formId}
        method="post"
        ref={formRef}
        onSubmit={onSubmit}
        noValidate
        aria-label={editing ? 'Edit customer' : 'Create customer'}
        className="space-y-6"
      >
        <UnsavedChangesGuard when={isDirty && !succeeded} />
        <div
          ref={messageRef}
          tabIndex={-1}
          className={
            formMessage ? 'rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800' : 'sr-only'
          }
        >
          <div role="alert">{formMessage && <p>{formMessage}</p>}</div>
          {formMessage && <FormErrorSummary formRef={formRef} errors={errors} />}
        </div>
        <p className="text-sm text-slate-600" aria-hidden="true">
          Fields marked <RequiredMark /> are required.
        </p>
        {conflict && (
          <ConflictView
            changes={conflict.changes}
            savedAt={conflict.savedAt}
            changedBy={conflict.changedBy}
            onLoadTheirs={loadTheirs}
            onKeepMine={keepMine}
          />
        )}

        <Section title="Identity">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormTextField
              form={form}
              name="name"
              label="ID"
              required
              hint="Unique, dev-friendly identifier, e.g. customer_1"
              note={
                <>
                  {!errors.name && <IdAvailability customerId={customerId} originalId={originalId} />}
                  {originalId !== undefined && <IdChangeWarning originalId={originalId} />}
                </>
              }
              verbatim
            />
            <FormTextField form={form} name="displayName" label="Name" hint="Shown in the portal; defaults to the ID" />
          </div>
          <FormTextArea form={form} name="description" label="Description" rows={3} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormTextField
              form={form}
              name="externalId"
              label="External ID"
              hint="Optional; Metronome's older single alias, unique when set"
              verbatim
            />
            <FormTextField
              form={form}
              name="salesforceAccountId"
              label="Salesforce account"
              hint="Optional; the customer's Salesforce account ID"
              verbatim
            />
            <Field label="Price plan" error={errors.pricePlanName?.message}>
              {(control) => (
                <select className={inputClass} {...control} {...register('pricePlanName')}>
                  <option value="">No price plan</option>
                  {props.pricePlans.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.displayName}
                      {p.archived ? ' (archived)' : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <TagsInput />
        </Section>

        <Section title="Contact">
          <div className="grid gap-4 sm:grid-cols-2">
            {CONTACT_FIELDS.map(
              ({ key, label, textBox }) =>
                textBox && (
                  <FormTextField
                    key={key}
                    form={form}
                    name={key}
                    label={label}
                    type={textBox.type}
                    placeholder={textBox.placeholder}
                  />
                ),
            )}
            <CountryCombobox />
          </div>
          <ValueRowsField name="secondaryEmails" />
        </Section>

        <Section>
          <ValueRowsField
            name="ingestAliases"
            rowNote={(index) => <AliasAvailability index={index} customerId={customerId} />}
          />
        </Section>

        <Section>
          <MeasurementMappingsField />
        </Section>

        <Section>
          <PairRowsField name="customFields" />
        </Section>

        <Section>
          <BillingProvidersField />
        </Section>

        {/* Stays on screen at the bottom of a long form, saying whether anything is unsaved. */}
        <div className="sticky bottom-0 z-10 pb-3 sm:pb-4">
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-lg">
            <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
              {isDirty && !succeeded ? (
                <>
                  <span aria-hidden="true" className="size-2 rounded-full bg-amber-500" />
                  Unsaved changes
                </>
              ) : editing ? (
                'No changes yet'
              ) : null}
            </p>
            <div className="ml-auto flex items-center gap-3">
              <ButtonLink href={customerId ? `/customers/${customerId}` : '/customers'} variant="ghost">
                Cancel
              </ButtonLink>
              <Button type="submit" disabled={pending} aria-disabled={pending}>
                {pending ? (editing ? 'Saving…' : 'Creating…') : submitLabel}
              </Button>
            </div>
          </div>
        </div>
      </form>
    </FormProvider>
  );
}
