'use client';

import { useEffect, useId, useRef } from 'react';
import { inputClass } from '@/components/ui/field';
import type { PricePlanOption } from '@/lib/validations/price-plan';
import { useTypedParam } from '@/lib/hooks/use-typed-param';
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
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useTypedParam(filters.q, (q) =>
    showView(firstPage({ ...filters, q: q.trim() || undefined }), { replace: true }),
  );
  useFocusOnArrival(input);
  return (
    <div className="min-w-0 flex-[2_1_18rem] space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Search customers
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        data-page-search=""
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
          }
        }}
        maxLength={MAX_SEARCH_LENGTH}
        placeholder="ID, Name, email, ingest alias or external ID"
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        className={inputClass}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Press <kbd className="rounded border border-slate-300 bg-white px-1 font-sans">/</kbd> to search. Three
        characters or more match anywhere; fewer match the start.
      </p>
    </div>
  );
}

function TagFilter({ filters }: { filters: CustomerFilters }) {
  const id = useId();
  const [text, setText] = useTypedParam(filters.tag, (tag) =>
    showView(firstPage({ ...filters, tag: tag.trim() || undefined }), { replace: true }),
  );
  return (
    <div className="min-w-0 flex-[1_1_9rem] space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Tag
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={MAX_TAG_LENGTH}
        placeholder="Any tag"
        autoComplete="off"
        className={inputClass}
      />
    </div>
  );
}

function SelectFilter({
  label,
  value,
  options,
  anyLabel,
  onChange,
  className,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  anyLabel?: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={cn('min-w-0 space-y-1.5', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const PROVIDER_OPTIONS = Object.entries(BILLING_PROVIDERS).map(([value, label]) => ({ value, label }));

/** Search and filters of the customer list; every change starts again at the first page. */
export function CustomersToolbar({ filters, pricePlans }: { filters: CustomerFilters; pricePlans: PricePlanOption[] }) {
  const planOptions = pricePlans.map((p) => ({
    value: p.name,
    label: p.archived ? `${p.displayName} (archived)` : p.displayName,
  }));
  // A plan in a shared link that no longer exists still shows, rather than a wrong "Any plan".
  if (filters.plan && !pricePlans.some((p) => p.name === filters.plan)) {
    planOptions.push({ value: filters.plan, label: filters.plan });
  }
  return (
    <div role="search" aria-label="Customers" className="flex flex-wrap items-start gap-3">
      <SearchBox filters={filters} />
      <SelectFilter
        label="Price plan"
        anyLabel="Any plan"
        value={filters.plan ?? ''}
        options={planOptions}
        onChange={(plan) => showView(firstPage({ ...filters, plan: plan || undefined }))}
        className="flex-[1_1_9rem]"
      />
      <SelectFilter
        label="Billing provider"
        anyLabel="Any provider"
        value={filters.provider ?? ''}
        options={PROVIDER_OPTIONS}
        onChange={(provider) =>
          showView(firstPage({ ...filters, provider: (provider || undefined) as CustomerFilters['provider'] }))
        }
        className="flex-[1_1_9rem]"
      />
      <TagFilter filters={filters} />
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
