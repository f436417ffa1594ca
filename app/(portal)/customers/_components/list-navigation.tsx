'use client';

import type { MouseEvent, ReactNode } from 'react';
import { customerFiltersToSearch, type CustomerFilters } from '@/lib/validations/customer-filters';

const listHref = (filters: CustomerFilters) => `/customers${customerFiltersToSearch(filters)}`;

/**
 * Shows another view of the list without a server render: the table reads the URL and React
 * Query fetches from /api/customers. `replace` for changes made while typing, so Back skips
 * each keystroke.
 */
export function showView(filters: CustomerFilters, { replace = false } = {}) {
  const href = listHref(filters);
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
}

/** A new view starts at its first page. */
export const firstPage = (filters: CustomerFilters): CustomerFilters => ({
  ...filters,
  cursor: undefined,
  dir: 'next',
});

/** A link to another view of the list; a new tab still gets a full page. */
export function ListLink({
  filters,
  className,
  children,
  ...rest
}: {
  filters: CustomerFilters;
  className?: string;
  children: ReactNode;
  'aria-current'?: 'page';
  'aria-label'?: string;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    showView(filters);
  };
  return (
    <a href={listHref(filters)} onClick={onClick} className={className} {...rest}>
      {children}
    </a>
  );
}
