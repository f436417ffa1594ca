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
  MAX_ALIASES,
  MAX_SECONDARY_EMAILS,
  toCustomerFormValues,
  type CustomerFormValues,
  type CustomerInput,
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
import { actionFailureMessage, applyServerFieldErrors } from '@/lib/forms';
import { useServerRenderedForm } from '@/lib/hooks/use-server-rendered-form';
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
  const { form, formId } = useServerRenderedForm<CustomerFormValues, CustomerInput>({
    schema: customerInput,
    defaultValues: editing ? props.initialValues : emptyCustomerForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [base, setBase] = useState(() => ({
    version: editing ? props.version : 0,
    values: editing ? props.initialValues : emptyCustomerForm,
  }));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const originalId = editing ? props.initialValues.name : undefined;

  const submit = async () => {
    setFormMessage(null);
    try {
      const values = getValues();
      // The form's own checks keep a customer under the server's body limit; this says so plainly
      // if that ever stops being true, rather than "the server did not answer".
      if (utf8Length(JSON.stringify(values), MAX_REQUEST_BODY_BYTES) > MAX_REQUEST_BODY_BYTES) {
        setFormMessage('The customer is too large to send: shorten long fields or remove some aliases.');
        messageRef.current?.focus();
        return;
      }
      const result = customerId ? await updateCustomer(customerId, base.version, values) : await createCustomer(values);
      if (result.ok && 'unchanged' in result.data && result.data.unchanged) {
        // The server found nothing different from the stored record: nothing written, stay here.
        toast.info('No changes to save');
        return;
      }
      if (result.ok) {
        setSaved(true);
        // Said once, here: nothing in the address brings it back on a reload.
        if (editing) toast.success('Changes saved');
        else toast.success('Customer created', { description: values.displayName.trim() || values.name.trim() });
        await queryClient.invalidateQueries({ queryKey: customerKeys.all });
        router.push(`/customers/${result.data.id}`);
        router.refresh();
        return;
      }
      if ('conflict' in result) {
        const theirs = toCustomerFormValues(result.conflict);
        setConflict({
          changes: changedFields(base.values, theirs),
          savedAt: result.conflict.updatedAt,
          changedBy: result.changedBy,
          theirs,
          version: result.conflict.version,
        });
        return;
      }
      setFormMessage(result.message);
      if (applyServerFieldErrors(setError, result.fieldErrors) === 0) messageRef.current?.focus();
    } catch (error) {
      setFormMessage(actionFailureMessage(error, 'The customer could not be saved'));
      messageRef.current?.focus();
    }
  };
  const onInvalid = () => setFormMessage('Some fields need attention.');

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

  const busy = isSubmitting || saved;
  const submitLabel = editing ? 'Save changes' : 'Create customer';
  return (
    <FormProvider {...form}>
      <form
        id={formId}
        method="post"
        ref={formRef}
        onSubmit={(event) => handleSubmit(submit, onInvalid)(event)}
        noValidate
        aria-label={editing ? 'Edit customer' : 'Create customer'}
        className="space-y-6"
      >
        <UnsavedChangesGuard when={isDirty && !saved} />
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
          <ValueRowsField
            name="secondaryEmails"
            legend="Other emails"
            hint="More addresses that receive invoices and notices."
            itemLabel="Other email"
            addLabel="Add email"
            emptyText="No other emails."
            max={MAX_SECONDARY_EMAILS}
            counted={['email', 'emails']}
            inputType="email"
          />
        </Section>

        <Section>
          <ValueRowsField
            name="ingestAliases"
            legend="Ingest aliases"
            hint="Strings your usage events carry to point at this customer. Each belongs to one customer only, archived ones included. Paste several lines into a box to add one alias per line."
            itemLabel="Alias"
            addLabel="Add alias"
            emptyText="No aliases yet."
            max={MAX_ALIASES}
            counted={['alias', 'aliases']}
            mono
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
              {isDirty && !saved ? (
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
              <Button type="submit" disabled={busy} aria-disabled={busy}>
                {busy ? (editing ? 'Saving…' : 'Creating…') : submitLabel}
              </Button>
            </div>
          </div>
        </div>
      </form>
    </FormProvider>
  );
}
