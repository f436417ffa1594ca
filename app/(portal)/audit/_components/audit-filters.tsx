'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useUrlView } from '@/lib/hooks/use-url-view';
import { ACTION_LABELS } from '@/components/audit/change-list';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { TypedFilterField } from '@/components/typed-filter-field';
import {
  AUDIT_ACTIONS,
  auditSearch,
  MAX_AUDIT_ACTOR_SEARCH,
  MAX_AUDIT_CUSTOMER_SEARCH,
  type AuditFilters,
} from '@/lib/validations/audit';

type FilterKey = Exclude<keyof AuditFilters, 'cursor'>;

const SEARCH_LIMITS = { actor: MAX_AUDIT_ACTOR_SEARCH, customer: MAX_AUDIT_CUSTOMER_SEARCH };

const ACTION_OPTIONS = [
  { value: '', label: 'Any action' },
  ...AUDIT_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] ?? a })),
];

/** A select or date filter: what was picked shows at once; the URL (Back, "Clear") sets it after. */
function usePickedFilter(value: string | undefined) {
  const [picked, setPicked] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setPicked(value ?? '');
  }
  return [picked, setPicked] as const;
}

/** The audit trail's filters: each applies as it changes (the URL is replaced), as on the customer list. */
export function AuditFiltersBar({ filters }: { filters: AuditFilters }) {
  const { pending, latest, replace } = useUrlView(filters, (view) => `/audit${auditSearch(view)}`);
  const [apply] = useState(
    () => (key: FilterKey, value: string) =>
      replace({ ...latest.current, [key]: value.trim() || undefined, cursor: undefined }),
  );
  const picks = {
    action: usePickedFilter(filters.action),
    from: usePickedFilter(filters.from),
    to: usePickedFilter(filters.to),
  };
  // Each filter's value and how it applies, by its key: typed ones once typing pauses, picked ones at once.
  const typed = (key: 'actor' | 'customer') => ({
    value: filters[key],
    onApply: (text: string) => apply(key, text),
    maxLength: SEARCH_LIMITS[key],
  });
  const picked = (key: keyof typeof picks) => ({
    className: 'min-w-0',
    value: picks[key][0],
    onChange: (e: { target: { value: string } }) => {
      picks[key][1](e.target.value);
      apply(key, e.target.value);
    },
  });
  const filtered = Boolean(filters.actor || filters.action || filters.customer || filters.from || filters.to);

  return (
    <form
      role="search"
      aria-label="Filter audit entries"
      onSubmit={(e) => e.preventDefault()}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1fr)]"
    >
      <TypedFilterField label="Who" placeholder="Name or email" {...typed('actor')} />
      <SelectField label="Action" options={ACTION_OPTIONS} {...picked('action')} />
      <TypedFilterField label="Customer" placeholder="Customer ID" {...typed('customer')} />
      <TextField label="From" type="date" max={picks.to[0] || undefined} {...picked('from')} />
      <TextField label="To" type="date" min={picks.from[0] || undefined} {...picked('to')} />
      {/* Announced while the entries load; takes no room (absolutely placed, so no grid cell). */}
      <p role="status" className="sr-only">
        {pending ? 'Updating…' : ''}
      </p>
      {filtered && (
        <div className="flex justify-end sm:col-span-2 lg:col-span-5">
          <Link href="/audit" replace scroll={false} className={buttonClass('ghost')}>
            Clear filters
          </Link>
        </div>
      )}
    </form>
  );
}
