import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CustomerCount, CustomerPage } from '@/lib/validations/customer-rows';
import { customerFiltersToSearch, type CustomerFilters } from '@/lib/validations/customer-filters';

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: CustomerFilters) => [...customerKeys.lists(), filters] as const,
  count: (filters: CustomerFilters) => [...customerKeys.all, 'count', countedView(filters)] as const,
};

/** What a count depends on: not the sort, page or page size. */
function countedView({ q, status, plan, provider, tag }: CustomerFilters) {
  return { q, status, plan, provider, tag };
}

async function fetchJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`Could not load customers (HTTP ${response.status})`);
  return (await response.json()) as T;
}

export function customerListQuery(filters: CustomerFilters) {
  return queryOptions({
    queryKey: customerKeys.list(filters),
    queryFn: ({ signal }) => fetchJson<CustomerPage>(`/api/customers${customerFiltersToSearch(filters)}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function customerCountQuery(filters: CustomerFilters) {
  const view = { ...filters, cursor: undefined, dir: 'next' as const };
  return queryOptions({
    queryKey: customerKeys.count(filters),
    queryFn: ({ signal }) => fetchJson<CustomerCount>(`/api/customers/count${customerFiltersToSearch(view)}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
