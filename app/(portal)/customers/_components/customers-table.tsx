'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, tagChipClass } from '@/components/ui/badge';
import { cardClass } from '@/components/ui/card';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { RelativeTime } from '@/components/ui/relative-time';
import { Th, theadClass } from '@/components/ui/table';
import type { CustomerCount, CustomerPage, CustomerRow } from '@/lib/validations/customer-rows';
import type { PricePlanOption } from '@/lib/validations/price-plan';
import { customerCountQuery, customerListQuery } from '@/lib/queries/customers';
import { cn, plural } from '@/lib/utils';
import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  customerFiltersToSearch,
  defaultOrder,
  parseCustomerFilters,
  type CustomerFilters,
  type CustomerSort,
} from '@/lib/validations/customer-filters';
import { AliasChips } from './alias-chips';
import { BulkBar, BulkReport, RowCheckbox, useSelection, type BulkTotals } from './bulk-actions';
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
                  'flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium',
                  current
                    ? 'border-brand-600 text-brand-800'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )}
              >
                {label}
                <TabCount filters={{ ...filters, status }} />
              </ListLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A tab's count: the same count the view shows (exact up to the limit, then an estimate). */
function TabCount({ filters }: { filters: CustomerFilters }) {
  const { data } = useQuery(customerCountQuery(filters));
  if (!data) return null;
  return (
    <span className="rounded-full bg-slate-100 px-1.5 text-xs font-medium text-slate-700 tabular-nums">
      {data.exact ? data.value.toLocaleString('en-US') : `${roughly(data.value).toLocaleString('en-US')}+`}
    </span>
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

function emptyTitle(f: CustomerFilters): string {
  if (f.q) return `No customers match “${f.q}”`;
  if (f.tag && !f.plan && !f.provider) {
    const which = f.status === 'all' ? '' : `${CUSTOMER_STATUSES[f.status].toLowerCase()} `;
    return `No ${which}customer has the tag “${f.tag}”`;
  }
  return 'No customers match these filters';
}

function emptyHint(f: CustomerFilters): string {
  if (f.tag && !f.q) return 'Tags match whole and exactly, upper and lower case included. Check the tag’s spelling.';
  if (f.status === 'all') return 'Check the spelling, or search for fewer characters.';
  return `Only ${CUSTOMER_STATUSES[f.status].toLowerCase()} customers are shown; try All, or fewer characters.`;
}

function EmptyState({ filters, mayCreate }: { filters: CustomerFilters; mayCreate: boolean }) {
  if (isNarrowed(filters)) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
        <h2 className="text-lg font-semibold [overflow-wrap:anywhere]">{emptyTitle(filters)}</h2>
        <p className="mt-2 text-sm text-slate-600">{emptyHint(filters)}</p>
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
  const [report, setReport] = useState<BulkTotals | null>(null);
  return (
    <div className="space-y-4">
      <CustomersToolbar filters={filters} pricePlans={pricePlans} />
      <StatusTabs filters={filters} />
      {/* Above the view, which may be empty once the change is made (all archived, say). */}
      <BulkReport totals={report} />
      <CustomersView filters={filters} mayCreate={mayCreate} pricePlans={pricePlans} onBulkDone={setReport} />
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

const customerHref = (c: CustomerRow) => `/customers/${c.id}`;

/** The one mark for an empty cell; screen readers hear "None". */
function Blank() {
  return (
    <span className="text-slate-500">
      <span aria-hidden="true">—</span>
      <span className="sr-only">None</span>
    </span>
  );
}

/**
 * Opens the customer when a row (or card) is clicked anywhere but on its own controls, unless
 * text is being selected. The ID stays a real link, for keyboards, screen readers and new tabs.
 */
function useOpenRow(c: CustomerRow, exact: boolean, className: string) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('a, button, input, select, textarea, label, summary')) return;
    if (window.getSelection()?.toString()) return;
    if (event.metaKey || event.ctrlKey) window.open(customerHref(c), '_blank', 'noopener');
    else router.push(customerHref(c));
  };
  // An exact match of the search is tinted, above the page's rows.
  const rowClass = cn(
    'cursor-pointer focus-within:bg-slate-50 hover:bg-slate-50',
    className,
    exact && 'bg-brand-50/60',
  );
  return { onClick, className: rowClass };
}

/** The ID, on one line: cut with an ellipsis, the whole of it on hover and in the link's name. */
function IdLink({ customer: c, className }: { customer: CustomerRow; className?: string }) {
  return (
    <Link
      href={customerHref(c)}
      title={c.name}
      data-row-link=""
      className={cn('block min-w-0 truncate font-mono text-brand-700 hover:underline', className)}
    >
      {c.name}
    </Link>
  );
}

function StatusBadge({ customer: c }: { customer: CustomerRow }) {
  return c.archivedAt ? <Badge tone="warning">Archived</Badge> : <Badge tone="success">Active</Badge>;
}

function PlanName({ customer: c }: { customer: CustomerRow }) {
  if (!c.pricePlanName) return <Blank />;
  return <span title={c.pricePlanName}>{c.pricePlanDisplayName ?? c.pricePlanName}</span>;
}

const TAG_PREVIEW = 3;

function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <Blank />;
  const more = tags.length - TAG_PREVIEW;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={plural(tags.length, 'tag')}>
      {tags.slice(0, TAG_PREVIEW).map((tag) => (
        <li key={tag} title={tag} className={tagChipClass('max-w-[7rem] truncate')}>
          {tag}
        </li>
      ))}
      {more > 0 && <li className="px-1 py-0.5 text-xs font-medium text-slate-600">+{more}</li>}
    </ul>
  );
}

/**
 * What a table row and a phone card both show, in order: `cell` is the row's cell (none: the
 * row shows it elsewhere, as the email under the name).
 */
const DETAILS: { label: string; cell?: string; show: (c: CustomerRow) => ReactNode }[] = [
  {
    label: 'Price plan',
    cell: 'max-w-[10rem] px-2 py-3 [overflow-wrap:anywhere]',
    show: (c) => <PlanName customer={c} />,
  },
  { label: 'Tags', cell: 'max-w-[12rem] min-w-[6rem] px-2 py-3', show: (c) => <Tags tags={c.tags} /> },
  {
    label: 'Aliases',
    // Narrower than the chips' own cap: with Last usage shown, the columns then fit 1280 px.
    cell: 'max-w-[12rem] px-2 py-3',
    show: (c) => (
      <AliasChips aliases={c.aliases} total={c.aliasCount} href={`${customerHref(c)}#aliases`} id={c.name} />
    ),
  },
  { label: 'Email', show: (c) => c.email ?? <Blank /> },
  {
    label: 'Last usage',
    cell: 'px-2 py-3 whitespace-nowrap text-slate-600',
    show: (c) => (c.lastUsageAt ? <RelativeTime iso={c.lastUsageAt} /> : <Blank />),
  },
  {
    label: 'Created',
    cell: 'px-2 py-3 whitespace-nowrap text-slate-600',
    show: (c) => <RelativeTime iso={c.createdAt} />,
  },
];

/** A row's checkbox, for those who may change customers (none: no checkbox). */
type RowSelect = { checked: boolean; onToggle: (checked: boolean, range: boolean) => void } | undefined;

/** A customer as a table row or a phone card: an exact match of the search is marked. */
interface CustomerRowProps {
  customer: CustomerRow;
  exact?: boolean;
  select?: RowSelect;
}

function CustomerTableRow({ customer: c, exact = false, select }: CustomerRowProps) {
  return (
    <tr {...useOpenRow(c, exact, 'group align-top')}>
      <td className="max-w-[10rem] min-w-[8rem] px-2 py-3">
        <div className="flex items-center gap-1">
          {select && <RowCheckbox customer={c} {...select} />}
          <IdLink customer={c} className={select && 'ml-1'} />
          <CopyButton
            value={c.name}
            label={`ID ${c.name}`}
            className="opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 focus-visible:opacity-100"
          />
        </div>
        {exact && (
          <Badge tone="info" className="mt-1">
            Exact match
          </Badge>
        )}
      </td>
      <td className="max-w-[14rem] min-w-[7rem] px-2 py-3">
        <span data-column="name" className="block [overflow-wrap:anywhere]">
          {c.displayName}
        </span>
        {c.email && (
          <span data-column="email" className="block truncate text-xs text-slate-600" title={c.email}>
            {c.email}
          </span>
        )}
      </td>
      <td className="px-2 py-3">
        <StatusBadge customer={c} />
      </td>
      {DETAILS.map(
        ({ label, cell, show }) =>
          cell && (
            <td key={label} className={cell}>
              {show(c)}
            </td>
          ),
      )}
    </tr>
  );
}

function CardLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 gap-2">
      <dt className="w-20 shrink-0 text-slate-600">{label}</dt>
      <dd className="min-w-0 flex-1 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** At phone widths each customer is a card: nothing to scroll sideways. */
function CustomerCard({ customer: c, exact = false, select }: CustomerRowProps) {
  return (
    <li {...useOpenRow(c, exact, 'space-y-2 px-4 py-3')}>
      <div className="flex min-w-0 items-center gap-1">
        {select && <RowCheckbox customer={c} {...select} />}
        <IdLink customer={c} className={select && 'ml-1'} />
        <CopyButton value={c.name} label={`ID ${c.name}`} />
        <span className="ml-auto flex shrink-0 gap-1">
          {exact && <Badge tone="info">Exact match</Badge>}
          <StatusBadge customer={c} />
        </span>
      </div>
      <p className="text-sm font-medium [overflow-wrap:anywhere]">{c.displayName}</p>
      <dl className="space-y-1 text-sm">
        {DETAILS.map(({ label, show }) => (
          <CardLine key={label} label={label}>
            {show(c)}
          </CardLine>
        ))}
      </dl>
    </li>
  );
}

/** "26–50 of 37": where this page sits in the view, beside the page size and the pager. */
function PageRange({ data, count }: { data: CustomerPage; count: CustomerCount | undefined }) {
  const shown = data.exactMatches.length + data.items.length;
  if (data.start === null || shown === 0) return null;
  const total = count
    ? count.exact
      ? count.value.toLocaleString('en-US')
      : `about ${roughly(count.value).toLocaleString('en-US')}`
    : '…';
  return (
    <p className="text-sm text-slate-600 tabular-nums">
      {(data.start + 1).toLocaleString('en-US')}–{(data.start + shown).toLocaleString('en-US')} of {total}
    </p>
  );
}

/** The view's query string, whatever the page: what an export or "select all matching" covers. */
const viewQuery = (filters: CustomerFilters) =>
  customerFiltersToSearch({ ...filters, cursor: undefined, dir: 'next' }).replace(/^\?/, '');

function CustomersView({
  filters,
  mayCreate,
  pricePlans,
  onBulkDone,
}: {
  filters: CustomerFilters;
  mayCreate: boolean;
  pricePlans: PricePlanOption[];
  onBulkDone: (totals: BulkTotals) => void;
}) {
  // While the next page or search loads, the previous rows stay (dimmed), so nothing jumps.
  const { data, isPending, isError, isFetching, isPlaceholderData, refetch } = useQuery(customerListQuery(filters));
  const { data: count } = useQuery(customerCountQuery(filters));
  const exactMatches = filters.cursor || !data ? [] : data.exactMatches;
  const shown = [...exactMatches, ...(data?.items ?? [])];
  const view = viewQuery(filters);
  // A selection belongs to the rows on screen: another page, sort or page size starts afresh.
  const { selection, toggle, setPage, selectAllMatching, clear } = useSelection(
    `${view}|${filters.cursor ?? ''}|${filters.limit}`,
    shown,
  );
  const maySelect = mayCreate;
  const selectOf = (index: number): RowSelect =>
    maySelect
      ? {
          checked: selection.allMatching !== null || selection.rows.has(shown[index]!.id),
          onToggle: (checked, range) => toggle(index, checked, range),
        }
      : undefined;

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
  const pageChosen = shown.length > 0 && shown.every((c) => selection.rows.has(c.id));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <MatchCount filters={filters} />
        {maySelect && shown.length > 0 && (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={selection.allMatching !== null || pageChosen}
              onChange={(e) => setPage(e.target.checked)}
            />
            Select all on this page
          </label>
        )}
        <a
          href={`/api/customers/export${view ? `?${view}` : ''}`}
          download
          className={buttonClass('secondary', 'ml-auto')}
        >
          Export CSV
        </a>
      </div>
      {maySelect && (selection.rows.size > 0 || selection.allMatching) && (
        <BulkBar
          selection={{ ...selection, view }}
          count={count}
          pageSize={shown.length}
          pricePlans={pricePlans}
          onSelectAllMatching={selectAllMatching}
          onClear={clear}
          onDone={(totals) => {
            onBulkDone(totals);
            clear();
          }}
        />
      )}
      <div
        className={cardClass('relative hidden overflow-x-auto md:block')}
        role="region"
        aria-label="Customers"
        tabIndex={0}
      >
        <table
          className={cn('w-full min-w-[58rem] text-left text-sm', loadingPage && 'opacity-60')}
          aria-busy={loadingPage}
        >
          <thead className={theadClass}>
            <tr>
              <SortHeader sort="id" filters={filters} className="px-2" />
              <SortHeader sort="name" filters={filters} className="px-2" />
              <Th className="px-2">Status</Th>
              <Th className="px-2 whitespace-nowrap">Price plan</Th>
              <Th className="px-2">Tags</Th>
              <Th className="px-2">Ingest aliases</Th>
              <SortHeader sort="usage" filters={filters} className="px-2 whitespace-nowrap" />
              <SortHeader sort="created" filters={filters} className="px-2 whitespace-nowrap" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {exactMatches.map((c, i) => (
              <CustomerTableRow key={`exact-${c.id}`} customer={c} exact select={selectOf(i)} />
            ))}
            {data.items.map((c, i) => (
              <CustomerTableRow key={c.id} customer={c} select={selectOf(exactMatches.length + i)} />
            ))}
          </tbody>
        </table>
      </div>
      <ul
        aria-label="Customers"
        aria-busy={loadingPage}
        className={cn(cardClass('relative divide-y divide-slate-100 md:hidden'), loadingPage && 'opacity-60')}
      >
        {exactMatches.map((c, i) => (
          <CustomerCard key={`exact-${c.id}`} customer={c} exact select={selectOf(i)} />
        ))}
        {data.items.map((c, i) => (
          <CustomerCard key={c.id} customer={c} select={selectOf(exactMatches.length + i)} />
        ))}
      </ul>
      <nav aria-label="Pages" className="flex flex-wrap items-center justify-end gap-x-4 gap-y-2">
        <span role="status" className="mr-auto text-sm text-slate-600">
          {loadingPage ? 'Loading…' : ''}
        </span>
        <PageSizeSelect filters={filters} />
        <PageRange data={data} count={count} />
        {(data.prevCursor || data.nextCursor) && (
          <div className="flex gap-2">
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
          </div>
        )}
      </nav>
    </div>
  );
}
