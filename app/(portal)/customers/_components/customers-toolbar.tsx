'use client';

import { useEffect, useId, useRef } from 'react';
import { inputClass, SelectField } from '@/components/ui/field';
import { TypedFilterField } from '@/components/typed-filter-field';
import type { PricePlanOption } from '@/lib/validations/price-plan';
import { cn } from '@/lib/utils';
import { BILLING_PROVIDERS } from '@/lib/validations/billing-provider-names';
import {
  MAX_SEARCH_LENGTH,
  MAX_TAG_LENGTH,
  PAGE_SIZES,
  type CustomerFilters,
} from '@/lib/validations/customer-filters';
import { consumeSearchFocusRequest } from '@/components/keyboard-shortcuts';
import { firstPage, showView } from './list-navigation';

/** Focuses the search box when `/` was pressed on a page without one (see KeyboardShortcuts). */
function useFocusOnArrival(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    if (!consumeSearchFocusRequest()) return;
    input.current?.focus();
  }, [input]);
}

function SearchBox({ filters }: { filters: CustomerFilters }) {
  const input = useRef<HTMLInputElement>(null);
  useFocusOnArrival(input);
  return (
    <TypedFilterField
      ref={input}
      label="Search customers"
      hint={
        <>
          Press <kbd className="rounded border border-slate-300 bg-white px-1 font-sans">/</kbd> to search. Three
          characters or more match anywhere; fewer match the start.
        </>
      }
      className="flex-[2_1_18rem]"
      data-page-search=""
      value={filters.q}
      onApply={(q) => showView(firstPage({ ...filters, q: q.trim() || undefined }), { replace: true })}
      maxLength={MAX_SEARCH_LENGTH}
      placeholder="ID, Name, email, ingest alias or external ID"
    />
  );
}

const PROVIDER_OPTIONS = [
  { value: '', label: 'Any provider' },
  ...Object.entries(BILLING_PROVIDERS).map(([value, label]) => ({ value, label })),
];

/** Search and filters of the customer list; every change starts again at the first page. */
export function CustomersToolbar({ filters, pricePlans }: { filters: CustomerFilters; pricePlans: PricePlanOption[] }) {
  const planOptions = [
    { value: '', label: 'Any plan' },
    ...pricePlans.map((p) => ({ value: p.name, label: p.archived ? `${p.displayName} (archived)` : p.displayName })),
  ];
  // A plan in a shared link that no longer exists still shows, rather than a wrong "Any plan".
  if (filters.plan && !pricePlans.some((p) => p.name === filters.plan)) {
    planOptions.push({ value: filters.plan, label: filters.plan });
  }
  return (
    <div role="search" aria-label="Customers" className="flex flex-wrap items-start gap-3">
      <SearchBox filters={filters} />
      <SelectField
        label="Price plan"
        className="min-w-0 flex-[1_1_9rem]"
        value={filters.plan ?? ''}
        options={planOptions}
        onChange={(e) => showView(firstPage({ ...filters, plan: e.target.value || undefined }))}
      />
      <SelectField
        label="Billing provider"
        className="min-w-0 flex-[1_1_9rem]"
        value={filters.provider ?? ''}
        options={PROVIDER_OPTIONS}
        onChange={(e) =>
          showView(firstPage({ ...filters, provider: (e.target.value || undefined) as CustomerFilters['provider'] }))
        }
      />
      <TypedFilterField
        label="Tag"
        className="flex-[1_1_9rem]"
        value={filters.tag}
        onApply={(tag) => showView(firstPage({ ...filters, tag: tag.trim() || undefined }), { replace: true })}
        maxLength={MAX_TAG_LENGTH}
        placeholder="Any tag"
      />
    </div>
  );
}

export function PageSizeSelect({ filters }: { filters: CustomerFilters }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium whitespace-nowrap text-slate-800">
        Rows per page
      </label>
      <select
        id={id}
        value={filters.limit}
        onChange={(e) => showView(firstPage({ ...filters, limit: Number(e.target.value) }))}
        className={cn(inputClass, 'w-auto')}
      >
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}
