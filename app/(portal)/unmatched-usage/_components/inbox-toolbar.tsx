'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useUrlView } from '@/lib/hooks/use-url-view';
import { TypedFilterField } from '@/components/typed-filter-field';
import { cn } from '@/lib/utils';
import {
  INBOX_STATUSES,
  inboxSearch,
  MAX_INBOX_SEARCH,
  type InboxFilters,
  type InboxStatus,
} from '@/lib/validations/unmatched-usage';

/** Open / Ignored, and the search box: the view lives in the URL, which typing replaces. */
export function InboxToolbar({ filters }: { filters: InboxFilters }) {
  const { pending, latest, replace } = useUrlView<Partial<InboxFilters>>(
    filters,
    (view) => `/unmatched-usage${inboxSearch(view)}`,
  );
  const [search] = useState(
    () => (text: string) => replace({ status: latest.current.status, q: text.trim() || undefined }),
  );

  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <nav aria-label="Groups shown">
        <ul className="flex gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-xs">
          {(Object.keys(INBOX_STATUSES) as InboxStatus[]).map((status) => {
            const current = filters.status === status;
            return (
              <li key={status}>
                <Link
                  href={`/unmatched-usage${inboxSearch({ status, q: filters.q })}`}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    'block rounded-md px-3 py-1.5 text-sm font-medium',
                    current ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100',
                  )}
                >
                  {INBOX_STATUSES[status]}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form
        role="search"
        aria-label="Search unmatched usage"
        onSubmit={(e) => e.preventDefault()}
        className="w-full sm:w-80"
      >
        <TypedFilterField
          label="Search identifiers"
          placeholder="Part of a customer ID as sent"
          value={filters.q}
          onApply={search}
          maxLength={MAX_INBOX_SEARCH}
        />
        <p role="status" className="sr-only">
          {pending ? 'Updating…' : ''}
        </p>
      </form>
    </div>
  );
}
