import { z } from 'zod';
import { BILLING_PROVIDERS, type BillingProvider } from './billing-provider-names';
import { filterText } from './text';

// The customer list's view (search, filters, sort, page), apart from the record's schema so the
// list page does not ship the record's rules.

export const MAX_TAG_LENGTH = 64;

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

export const CUSTOMER_STATUSES = { active: 'Active', archived: 'Archived', all: 'All' } as const;

export const CUSTOMER_SORTS = { created: 'Created', id: 'ID', name: 'Name', usage: 'Last usage' } as const;
export type CustomerSort = keyof typeof CUSTOMER_SORTS;

/** Search text longer than this is cut; nobody types more to find a customer. */
export const MAX_SEARCH_LENGTH = 200;

/** Newest first by default (creation, last usage); IDs and Names read A to Z. */
export const defaultOrder = (sort: CustomerSort) => (sort === 'created' || sort === 'usage' ? 'desc' : 'asc');

/** The list's view, as it stands in the URL (and the API route's query string). */
export const customerFilters = z
  .object({
    q: filterText(MAX_SEARCH_LENGTH),
    status: z.enum(['active', 'archived', 'all']).default('active').catch('active'),
    plan: filterText(100),
    provider: z
      .enum(Object.keys(BILLING_PROVIDERS) as [BillingProvider, ...BillingProvider[]])
      .optional()
      .catch(undefined),
    tag: filterText(MAX_TAG_LENGTH),
    sort: z.enum(['created', 'id', 'name', 'usage']).default('created').catch('created'),
    order: z.enum(['asc', 'desc']).optional().catch(undefined),
    cursor: z.string().max(2048).optional().catch(undefined),
    dir: z.enum(['next', 'prev']).default('next').catch('next'),
    limit: z.coerce
      .number()
      .int()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
      .default(DEFAULT_PAGE_SIZE)
      .catch(DEFAULT_PAGE_SIZE),
  })
  .transform((f) => ({ ...f, order: f.order ?? defaultOrder(f.sort) }));

export type CustomerFilters = z.output<typeof customerFilters>;

const FILTER_KEYS = ['q', 'status', 'plan', 'provider', 'tag', 'sort', 'order', 'cursor', 'dir', 'limit'] as const;

/** Reads filters from URLSearchParams or a Next `searchParams` object. */
export function parseCustomerFilters(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): CustomerFilters {
  const get = (key: string) => {
    const v = params instanceof URLSearchParams ? params.get(key) : params[key];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  return customerFilters.parse(Object.fromEntries(FILTER_KEYS.map((k) => [k, get(k)])));
}

/** The query string for a view; defaults are left out so URLs stay short. */
export function customerFiltersToSearch(f: CustomerFilters): string {
  const q = new URLSearchParams();
  if (f.q) q.set('q', f.q);
  if (f.status !== 'active') q.set('status', f.status);
  if (f.plan) q.set('plan', f.plan);
  if (f.provider) q.set('provider', f.provider);
  if (f.tag) q.set('tag', f.tag);
  if (f.sort !== 'created') q.set('sort', f.sort);
  if (f.order !== defaultOrder(f.sort)) q.set('order', f.order);
  if (f.cursor) {
    q.set('cursor', f.cursor);
    if (f.dir !== 'next') q.set('dir', f.dir);
  }
  if (f.limit !== DEFAULT_PAGE_SIZE) q.set('limit', String(f.limit));
  const s = q.toString();
  return s ? `?${s}` : '';
}
