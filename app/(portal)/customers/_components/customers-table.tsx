'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import type { MouseEvent, ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { customerListQuery } from '@/lib/queries/customers';
import { cn, formatDateTime } from '@/lib/utils';
import {
  CUSTOMER_STATUSES,
  customerFiltersToSearch,
  parseCustomerFilters,
  type CustomerFilters,
} from '@/lib/validations/customer';
import { AliasChips } from './alias-chips';

/**
 * A link to another view of the list that changes the URL without a server render: the table
 * reads the URL and React Query fetches from /api/customers. A new tab still gets a full page.
 */
function ListLink({
  filters,
  className,
  children,
  ...rest
}: {
  filters: CustomerFilters;
  className?: string;
  children: ReactNode;
  'aria-current'?: 'page';
}) {
  const href = `/customers${customerFiltersToSearch(filters)}`;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    window.history.pushState(null, '', href);
  };
  return (
    <a href={href} onClick={onClick} className={className} {...rest}>
      {children}
    </a>
  );
}

/** Moves between pages of the same view. */
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
  return (
    <ListLink filters={filters} className={buttonClass('secondary')}>
      {label}
    </ListLink>
  );
}

type Status = CustomerFilters['status'];

/** Active / Archived / All: a new view starts at its first page. */
function StatusTabs({ filters }: { filters: CustomerFilters }) {
  return (
    <nav aria-label="Status" className="border-b border-slate-200">
      <ul className="-mb-px flex gap-1">
        {(Object.entries(CUSTOMER_STATUSES) as [Status, string][]).map(([status, label]) => {
          const current = status === filters.status;
          return (
            <li key={status}>
              <ListLink
                filters={{ ...filters, status, cursor: undefined, dir: 'next' }}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'block border-b-2 px-3 py-2 text-sm font-medium',
                  current
                    ? 'border-brand-600 text-brand-800'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )}
              >
                {label}
              </ListLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

const EMPTY: Record<Status, { title: string; text: string; create: boolean }> = {
  active: {
    title: 'No customers yet',
    text: 'Create your first customer to start routing usage events to it.',
    create: true,
  },
  archived: {
    title: 'No archived customers',
    text: 'Customers you archive are listed here. Their ingest aliases stay reserved until you unarchive them.',
    create: false,
  },
  all: {
    title: 'No customers',
    text: 'There are no active or archived customers. Create one to start routing usage events to it.',
    create: true,
  },
};

function EmptyState({ status, mayCreate }: { status: Status; mayCreate: boolean }) {
  const { title, text, create } = EMPTY[status];
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-2 text-sm text-slate-600">{text}</p>
      {create && mayCreate && (
        <ButtonLink href="/customers/new" className="mt-5">
          Create customer
        </ButtonLink>
      )}
    </div>
  );
}

export function CustomersTable({ mayCreate }: { mayCreate: boolean }) {
  const searchParams = useSearchParams();
  const filters = parseCustomerFilters(new URLSearchParams(searchParams.toString()));
  return (
    <div className="space-y-4">
      <StatusTabs filters={filters} />
      <CustomersView filters={filters} mayCreate={mayCreate} />
    </div>
  );
}

function CustomersView({ filters, mayCreate }: { filters: CustomerFilters; mayCreate: boolean }) {
  const { data, isPending, isError, isFetching, isPlaceholderData, refetch } = useQuery({
    ...customerListQuery(filters),
    // Keep showing the previous page while the next one loads, but never another status's rows.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2].status === filters.status ? previous : undefined,
  });

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

  const loadingPage = isFetching && isPlaceholderData;
  if (data.items.length === 0 && !filters.cursor && !isPlaceholderData)
    return <EmptyState status={filters.status} mayCreate={mayCreate} />;

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
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <Link href={`/customers/${c.id}`} className="min-w-0 font-mono text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                    {c.archivedAt && <Badge tone="warning">Archived</Badge>}
                  </div>
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
