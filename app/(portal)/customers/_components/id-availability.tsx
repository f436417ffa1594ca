'use client';

import Link from 'next/link';
import { useFormContext, useWatch } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import type { CustomerIdOwner } from '@/lib/validations/customer-rows';
import { useDebounced } from '@/lib/hooks/use-debounced';
import { ID_PATTERN, MAX_ID_LENGTH, type CustomerFormValues } from '@/lib/validations/customer';

async function fetchIdOwner(id: string, except?: string): Promise<CustomerIdOwner | null> {
  const q = new URLSearchParams({ id });
  if (except) q.set('except', except);
  const response = await fetch(`/api/customers/id-availability?${q}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { owner: CustomerIdOwner | null }).owner;
}

/**
 * Says, while a person types the ID, whether it is free or which customer holds it (IDs are
 * compared ignoring case, archived customers included). `customerId` is the customer being
 * edited, whose own ID is not "taken"; `originalId` its ID before this edit.
 */
export function IdAvailability({ customerId, originalId }: { customerId?: string; originalId?: string }) {
  const value = useWatch<CustomerFormValues, 'name'>({ name: 'name' });
  const typed = typeof value === 'string' ? value.trim() : '';
  const id = useDebounced(typed, 300);
  const wellFormed = id.length > 0 && id.length <= MAX_ID_LENGTH && ID_PATTERN.test(id);
  const unchanged = originalId !== undefined && id === originalId;
  const { data, isFetching, isError } = useQuery({
    queryKey: ['customer-id-owner', id.toLowerCase(), customerId ?? null],
    queryFn: () => fetchIdOwner(id, customerId),
    enabled: wellFormed && !unchanged,
    staleTime: 5_000,
  });
  // Nothing about an earlier value while the person is still typing.
  if (!wellFormed || unchanged || typed !== id) return null;
  if (isFetching && data === undefined) return <p className="text-slate-600">Checking…</p>;
  if (isError) return <p className="text-slate-600">Could not check this ID right now.</p>;
  if (data === undefined) return null;
  if (data === null) return <p className="text-green-800">Available</p>;
  return (
    <p className="text-amber-800">
      Taken by{' '}
      <Link href={`/customers/${data.id}`} className="font-medium underline" target="_blank">
        {data.displayName}
        <span className="sr-only"> (opens in a new tab)</span>
      </Link>
      {data.displayName !== data.name && <> ({data.name})</>}
      {data.archived ? ', an archived customer: IDs of archived customers stay reserved' : ''}
    </p>
  );
}

/**
 * On the edit form, once the ID differs from the saved one: usage sent under the old ID stops
 * matching this customer, unless the old ID stays as an ingest alias (offered in one click).
 */
export function IdChangeWarning({ originalId }: { originalId: string }) {
  const { control, getValues, setValue } = useFormContext<CustomerFormValues>();
  const value = useWatch({ control, name: 'name' });
  const aliases = useWatch({ control, name: 'ingestAliases' }) ?? [];
  if (typeof value !== 'string' || value.trim() === originalId || value.trim() === '') return null;
  const kept = aliases.some((a) => a.value.trim() === originalId);
  const keepAsAlias = () =>
    setValue('ingestAliases', [...getValues('ingestAliases'), { value: originalId }], { shouldDirty: true });
  return (
    <div className="mt-2 space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p>
        <span className="font-semibold">Changing the ID.</span> Usage events sent with the old ID,{' '}
        <code className="font-mono [overflow-wrap:anywhere]">{originalId}</code>,{' '}
        {kept
          ? 'will still match this customer: it is kept as an ingest alias.'
          : 'will stop matching this customer once you save.'}
      </p>
      {!kept && (
        <Button variant="secondary" className="bg-white" onClick={keepAsAlias}>
          Keep the old ID as an ingest alias
        </Button>
      )}
    </div>
  );
}
