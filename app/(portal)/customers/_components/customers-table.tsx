'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import type { CustomerRow } from '@/lib/data/customers';
import type { PricePlanOption } from '@/lib/data/price-plans';
import { customerCountQuery, customerListQuery } from '@/lib/queries/customers';
import { cn, formatDateTime, plural } from '@/lib/utils';
import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  defaultOrder,
  parseCustomerFilters,
  type CustomerFilters,
  type CustomerSort,
} from '@/lib/validations/customer-filters';
import { AliasChips } from './alias-chips';
import { CustomersToolbar, PageSizeSelect } from './customers-toolbar';
import { firstPage, ListLink } from './list-navigation';

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
                filters={firstPage({ ...filters, status })}
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

const isNarrowed = (f: CustomerFilters) => Boolean(f.q || f.plan || f.provider || f.tag);

function EmptyState({ filters, mayCreate }: { filters: CustomerFilters; mayCreate: boolean }) {
  if (isNarrowed(filters)) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
        <h2 className="text-lg font-semibold [overflow-wrap:anywhere]">
          {filters.q ? `No customers match “${filters.q}”` : 'No customers match these filters'}
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          {filters.status === 'all'
            ? 'Check the spelling, or search for fewer characters.'
            : `Only ${CUSTOMER_STATUSES[filters.status].toLowerCase()} customers are shown; try All, or fewer characters.`}
        </p>
        <ListLink
          filters={firstPage({ ...filters, q: undefined, plan: undefined, provider: undefined, tag: undefined })}
          className={buttonClass('secondary', 'mt-5')}
        >
          Clear search and filters
        </ListLink>
      </div>
    );
  }
  const { title, text, create } = EMPTY[filters.status];
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

export function CustomersTable({ mayCreate, pricePlans }: { mayCreate: boolean; pricePlans: PricePlanOption[] }) {
  const searchParams = useSearchParams();
  const filters = parseCustomerFilters(new URLSearchParams(searchParams.toString()));
  return (
    <div className="space-y-4">
      <CustomersToolbar filters={filters} pricePlans={pricePlans} />
      <StatusTabs filters={filters} />
      <CustomersView filters={filters} mayCreate={mayCreate} />
    </div>
  );
}

/** How many customers the view matches; past the exact limit, the planner's estimate, said so. */
function MatchCount({ filters }: { filters: CustomerFilters }) {
  const { data, isError } = useQuery(customerCountQuery(filters));
  let text = 'Counting…';
  if (isError) text = 'Could not count the matches';
  else if (data)
    text = data.exact ? plural(data.value, 'customer') : `About ${plural(roughly(data.value), 'customer')}`;
  return (
    <p role="status" className="text-sm text-slate-600">
      {text}
      {data && !data.exact && (
        <span className="ml-1 text-xs text-slate-500">(estimated: too many to count quickly)</span>
      )}
    </p>
  );
}

/** Two significant figures: an estimate should not look precise. */
const roughly = (n: number) => {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
};

/** A column header that sorts by its column; a second click turns the order round. */
function SortHeader({
  sort,
  filters,
  className,
}: {
  sort: CustomerSort;
  filters: CustomerFilters;
  className?: string;
}) {
  const active = filters.sort === sort;
  const order = active ? (filters.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort);
  const label = CUSTOMER_SORTS[sort];
  return (
    <th
      scope="col"
      aria-sort={active ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}
      className={cn('px-4 py-3', className)}
    >
      <ListLink
        filters={firstPage({ ...filters, sort, order })}
        aria-label={`${label}, sort ${order === 'asc' ? 'ascending' : 'descending'}`}
        className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {label}
        <span aria-hidden="true" className={cn('text-[0.7rem]', !active && 'text-slate-400')}>
          {active ? (filters.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </ListLink>
    </th>
  );
}

function CustomerTableRow({ customer: c, exact = false }: { customer: CustomerRow; exact?: boolean }) {
  return (
    <tr className={cn('align-top hover:bg-slate-50', exact && 'bg-brand-50/60')}>
      <td className="max-w-[16rem] min-w-[9rem] px-4 py-3 [overflow-wrap:anywhere]">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link href={`/customers/${c.id}`} className="min-w-0 font-mono text-brand-700 hover:underline">
            {c.name}
          </Link>
          {exact && <Badge tone="info">Exact match</Badge>}
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
  );
}

function CustomersView({ filters, mayCreate }: { filters: CustomerFilters; mayCreate: boolean }) {
  // While the next page or search loads, the previous rows stay (dimmed), so nothing jumps.
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

  const loadingPage = isFetching && isPlaceholderData;
  const noRows = data.items.length === 0 && data.exactMatches.length === 0;
  if (noRows && !filters.cursor && !isPlaceholderData) return <EmptyState filters={filters} mayCreate={mayCreate} />;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <MatchCount filters={filters} />
        <PageSizeSelect filters={filters} />
      </div>
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
              <SortHeader sort="id" filters={filters} />
              <SortHeader sort="name" filters={filters} />
              <th scope="col" className="px-4 py-3">
                Ingest aliases
              </th>
              <th scope="col" className="px-4 py-3">
                Email
              </th>
              <SortHeader sort="created" filters={filters} className="whitespace-nowrap" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {!filters.cursor &&
              data.exactMatches.map((c) => <CustomerTableRow key={`exact-${c.id}`} customer={c} exact />)}
            {data.items.map((c) => (
              <CustomerTableRow key={c.id} customer={c} />
            ))}
          </tbody>
        </table>
      </div>
      {(data.prevCursor || data.nextCursor || loadingPage) && (
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-end gap-2">
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
