'use client';

import Link from 'next/link';
import { useWatch } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import type { AliasOwner } from '@/lib/validations/customer-rows';
import { useDebounced } from '@/lib/hooks/use-debounced';
import type { CustomerFormValues } from '@/lib/validations/customer';

async function fetchAliasOwner(alias: string, except?: string): Promise<AliasOwner | null> {
  const q = new URLSearchParams({ alias });
  if (except) q.set('except', except);
  const response = await fetch(`/api/aliases/availability?${q}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { owner: AliasOwner | null }).owner;
}

/** Says, while a person types an alias, whether it is free or which customer holds it. */
export function AliasAvailability({ index, customerId }: { index: number; customerId?: string }) {
  const value = useWatch<CustomerFormValues>({ name: `ingestAliases.${index}.value` });
  const alias = useDebounced(typeof value === 'string' ? value.trim() : '', 300);
  const { data, isFetching, isError } = useQuery({
    queryKey: ['alias-owner', alias, customerId ?? null],
    queryFn: () => fetchAliasOwner(alias, customerId),
    enabled: alias.length > 0,
    staleTime: 5_000,
  });
  if (!alias) return null;
  let note: React.ReactNode;
  if (isFetching && data === undefined) note = <span className="text-slate-600">Checking…</span>;
  else if (isError) note = <span className="text-slate-600">Could not check this alias right now.</span>;
  else if (data) {
    note = (
      <span className="text-amber-800">
        Taken by{' '}
        <Link href={`/customers/${data.id}`} className="font-medium underline" target="_blank">
          {data.name}
        </Link>
        {data.archived ? ' (archived; its aliases stay reserved)' : ''}
      </span>
    );
  } else if (data === null) note = <span className="text-green-800">Available</span>;
  return (
    <p className="text-xs" aria-live="polite">
      {note}
    </p>
  );
}
