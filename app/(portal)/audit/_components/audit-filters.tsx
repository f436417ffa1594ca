'use client';

import { useEffect, useRef, useState, useTransition, type ComponentProps, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ACTION_LABELS } from '@/components/audit/change-list';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { useTypedParam } from '@/lib/hooks/use-typed-param';
import {
  AUDIT_ACTIONS,
  auditSearch,
  MAX_AUDIT_ACTOR_SEARCH,
  MAX_AUDIT_CUSTOMER_SEARCH,
  type AuditFilters,
} from '@/lib/validations/audit';

type FilterKey = Exclude<keyof AuditFilters, 'cursor'>;

function Control({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

function InputControl({ id, label, ...props }: { id: string; label: string } & ComponentProps<'input'>) {
  return (
    <Control id={id} label={label}>
      <input id={id} className={inputClass} {...props} />
    </Control>
  );
}

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
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The latest filters, so a debounced apply never brings back a value changed meanwhile.
  const current = useRef(filters);
  useEffect(() => {
    current.current = filters;
  }, [filters]);

  const [apply] = useState(() => (key: FilterKey, value: string) => {
    const next: AuditFilters = { ...current.current, [key]: value.trim() || undefined, cursor: undefined };
    current.current = next;
    startTransition(() => router.replace(`/audit${auditSearch(next)}`, { scroll: false }));
  });
  const [applyActor] = useState(() => (text: string) => apply('actor', text));
  const [applyCustomer] = useState(() => (text: string) => apply('customer', text));
  const [actor, setActor] = useTypedParam(filters.actor, applyActor);
  const [customer, setCustomer] = useTypedParam(filters.customer, applyCustomer);
  const [action, setAction] = usePickedFilter(filters.action);
  const [from, setFrom] = usePickedFilter(filters.from);
  const [to, setTo] = usePickedFilter(filters.to);
  const pick = (key: FilterKey, set: (value: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    apply(key, e.target.value);
  };
  const filtered = Boolean(filters.actor || filters.action || filters.customer || filters.from || filters.to);

  return (
    <form
      role="search"
      aria-label="Filter audit entries"
      onSubmit={(e) => e.preventDefault()}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1fr)]"
    >
      <InputControl
        id="audit-filter-who"
        label="Who"
        type="search"
        value={actor}
        onChange={(e) => setActor(e.target.value)}
        maxLength={MAX_AUDIT_ACTOR_SEARCH}
        placeholder="Name or email"
        autoComplete="off"
        spellCheck={false}
      />
      <Control id="audit-filter-action" label="Action">
        <select id="audit-filter-action" value={action} onChange={pick('action', setAction)} className={inputClass}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABELS[a] ?? a}
            </option>
          ))}
        </select>
      </Control>
      <InputControl
        id="audit-filter-customer"
        label="Customer"
        type="search"
        value={customer}
        onChange={(e) => setCustomer(e.target.value)}
        maxLength={MAX_AUDIT_CUSTOMER_SEARCH}
        placeholder="Customer ID"
        autoComplete="off"
        spellCheck={false}
      />
      <InputControl
        id="audit-filter-from"
        label="From"
        type="date"
        value={from}
        max={to || undefined}
        onChange={pick('from', setFrom)}
      />
      <InputControl
        id="audit-filter-to"
        label="To"
        type="date"
        value={to}
        min={from || undefined}
        onChange={pick('to', setTo)}
      />
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
