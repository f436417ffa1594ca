'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import type { MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { customerListQuery } from '@/lib/queries/customers';
import { cn, formatDateTime } from '@/lib/utils';
import { customerFiltersToSearch, parseCustomerFilters, type CustomerFilters } from '@/lib/validations/customer';
import { AliasChips } from './alias-chips';

/** Moves between pages without a server render: the URL changes, React Query fetches from the API. */
function PageLink({
  filters,
  label,
  disabledLabel,
}: {
  filters: CustomerFilters | null;
  label: string;
  disabledLabel: string;
}) {
  if (!filters) {
    return (
      <span aria-disabled="true" className={buttonClass('secondary', 'cursor-not-allowed opacity-50')}>
        {disabledLabel}
      </span>
    );
  }
  const href = `/customers${customerFiltersToSearch(filters)}`;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    window.history.pushState(null, '', href);
  };
  return (
    <a href={href} onClick={onClick} className={buttonClass('secondary')}>
      {label}
    </a>
  );
}

export function CustomersTable() {
  const searchParams = useSearchParams();
  const filters = parseCustomerFilters(new URLSearchParams(searchParams.toString()));
  const { data, isPending, isError, isFetching, isPlaceholderData, refetch } = useQuery(customerListQuery(filters));

  if (isPending)
    return (
      <p role="status" className="text-sm text-slate-600">
        Loading customers…
      </p>
    );
  if (isError) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-white p-6 text-sm">
        <p>We could not load customers.</p>
        <button type="button" onClick={() => refetch()} className={buttonClass('secondary', 'mt-3')}>
          Try again
        </button>
      </div>
    );
  }

  if (data.items.length === 0 && !filters.cursor) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
        <h2 className="text-lg font-semibold">No customers yet</h2>
        <p className="mt-2 text-sm text-slate-600">Create your first customer to start routing usage events to it.</p>
        <ButtonLink href="/customers/new" className="mt-5">
          Create customer
        </ButtonLink>
      </div>
    );
  }

  const loadingPage = isFetching && isPlaceholderData;
  return (
    <div className="space-y-3">
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs"
        role="region"
        aria-label="Customers"
        tabIndex={0}
      >
        <table
          className={cn('w-full min-w-[52rem] text-left text-sm', loadingPage && 'opacity-60')}
          aria-busy={loadingPage}
        >
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                ID
              </th>
              <th scope="col" className="px-4 py-3">
                Name
              </th>
              <th scope="col" className="px-4 py-3">
                Ingest aliases
              </th>
              <th scope="col" className="px-4 py-3">
                Email
              </th>
              <th scope="col" className="px-4 py-3 whitespace-nowrap">
                Created
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.items.map((c) => (
              <tr key={c.id} className="align-top hover:bg-slate-50">
                <td className="max-w-[16rem] min-w-[9rem] px-4 py-3 [overflow-wrap:anywhere]">
                  <Link href={`/customers/${c.id}`} className="font-mono text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                </td>
                <td className="max-w-[18rem] min-w-[10rem] px-4 py-3 [overflow-wrap:anywhere]">{c.displayName}</td>
                <td className="px-4 py-3">
                  <AliasChips aliases={c.aliases} total={c.aliasCount} />
                </td>
                <td className="max-w-[14rem] truncate px-4 py-3 text-slate-700" title={c.email ?? undefined}>
                  {c.email ?? <span className="text-slate-500">—</span>}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                  <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(data.prevCursor || data.nextCursor || loadingPage) && (
        <nav aria-label="Pages" className="flex items-center justify-end gap-2">
          <span role="status" className="mr-auto text-sm text-slate-600">
            {loadingPage ? 'Loading…' : ''}
          </span>
          <PageLink
            label="Previous page"
            disabledLabel="Previous page"
            filters={data.prevCursor ? { ...filters, cursor: data.prevCursor, dir: 'prev' } : null}
          />
          <PageLink
            label="Next page"
            disabledLabel="Next page"
            filters={data.nextCursor ? { ...filters, cursor: data.nextCursor, dir: 'next' } : null}
          />
        </nav>
      )}
    </div>
  );
}
