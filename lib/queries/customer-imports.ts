import { queryOptions } from '@tanstack/react-query';
import { isImportActive, type CustomerImportState } from '@/lib/validations/customer-import';

export const customerImportKeys = {
  all: ['customer-imports'] as const,
  one: (id: string) => [...customerImportKeys.all, id] as const,
};

/** An import's state, polled each second while its job may still change it. */
export function customerImportQuery(id: string, initial: CustomerImportState) {
  return queryOptions({
    queryKey: customerImportKeys.one(id),
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/customer-imports/status?id=${id}`, { signal });
      if (!response.ok) throw new Error(`Could not load the import (HTTP ${response.status})`);
      return (await response.json()) as CustomerImportState;
    },
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isImportActive(query.state.data.job.status) ? 1000 : false),
  });
}
