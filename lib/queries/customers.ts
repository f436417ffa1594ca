import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CustomerPage } from '@/lib/data/customers';
import { customerFiltersToSearch, type CustomerFilters } from '@/lib/validations/customer';

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: CustomerFilters) => [...customerKeys.lists(), filters] as const,
};

async function fetchCustomerPage(filters: CustomerFilters): Promise<CustomerPage> {
  const response = await fetch(`/api/customers${customerFiltersToSearch(filters)}`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`Could not load customers (HTTP ${response.status})`);
  return (await response.json()) as CustomerPage;
}

export function customerListQuery(filters: CustomerFilters) {
  return queryOptions({
    queryKey: customerKeys.list(filters),
    queryFn: () => fetchCustomerPage(filters),
    placeholderData: keepPreviousData,
  });
}
