'use client';

import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ACTION_LABELS } from '@/components/audit/change-list';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { useDebounced } from '@/lib/hooks/use-debounced';
import {
  AUDIT_ACTIONS,
  auditSearch,
  MAX_AUDIT_ACTOR_SEARCH,
  MAX_AUDIT_CUSTOMER_SEARCH,
  type AuditFilters,
} from '@/lib/validations/audit';

const TYPING_PAUSE_MS = 250;

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

/**
 * A text filter that applies once typing pauses. What is typed wins over the URL until it is
 * sent; after that, Back and "Clear" set the box.
 */
function useTypedFilter(value: string | undefined, apply: (text: string) => void) {
  const [text, setText] = useState(value ?? '');
  const sent = useRef(value ?? '');
  const settled = useDebounced(text, TYPING_PAUSE_MS);
  useEffect(() => {
    if (settled.trim() === sent.current.trim()) return;
    sent.current = settled;
    apply(settled);
  }, [settled, apply]);
  useEffect(() => {
    if ((value ?? '') === sent.current.trim()) return;
    sent.current = value ?? '';
    setText(value ?? '');
  }, [value]);
  return [text, setText] as const;
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
  const [actor, setActor] = useTypedFilter(filters.actor, applyActor);
  const [customer, setCustomer] = useTypedFilter(filters.customer, applyCustomer);
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
      <Control id="audit-filter-who" label="Who">
        <input
          id="audit-filter-who"
          type="search"
          value={actor}
          onChange={(e) => setActor(e.target.value)}
          maxLength={MAX_AUDIT_ACTOR_SEARCH}
          placeholder="Name or email"
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
      </Control>
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
      <Control id="audit-filter-customer" label="Customer">
        <input
          id="audit-filter-customer"
          type="search"
          value={customer}
          onChange={(e) => setCustomer(e.target.value)}
          maxLength={MAX_AUDIT_CUSTOMER_SEARCH}
          placeholder="Customer ID"
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
      </Control>
      <Control id="audit-filter-from" label="From">
        <input
          id="audit-filter-from"
          type="date"
          value={from}
          max={to || undefined}
          onChange={pick('from', setFrom)}
          className={inputClass}
        />
      </Control>
      <Control id="audit-filter-to" label="To">
        <input
          id="audit-filter-to"
          type="date"
          value={to}
          min={from || undefined}
          onChange={pick('to', setTo)}
          className={inputClass}
        />
      </Control>
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
