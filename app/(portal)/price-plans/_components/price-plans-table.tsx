import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { PricePlanRow } from '@/lib/data/price-plans';
import { cn, plural } from '@/lib/utils';
import { PricePlanActions } from './price-plan-actions';

const th = 'px-4 py-3 font-semibold';
const cardLabel =
  'max-md:before:w-24 max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-medium max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]';
const cell = 'flex gap-3 py-1 md:table-cell md:px-4 md:py-3 md:align-top';

/** A cell; on a phone-sized screen (a card) its column's name stands before it (CSS, not text). */
function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td role="cell" data-label={label} className={cn(cell, label && cardLabel, className)}>
      {children}
    </td>
  );
}

/** The customers on a plan, archived ones included: the same set the count counts. */
export const planCustomersHref = (key: string) => `/customers?${new URLSearchParams({ plan: key, status: 'all' })}`;

/**
 * The plans, one row each; below the md breakpoint each row is a card. The roles are spelled out
 * (role="table", "row", "cell") because a table laid out as blocks loses them in some browsers.
 */
export function PricePlansTable({ plans, mayEdit }: { plans: PricePlanRow[]; mayEdit: boolean }) {
  if (plans.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
        <h2 className="text-lg font-semibold">No price plans yet</h2>
        <p className="mt-2 text-sm text-slate-600">
          {mayEdit ? 'Add the first one, then subscribe customers to it.' : 'An editor can add the first one.'}
        </p>
      </div>
    );
  }

  return (
    <section aria-label="Price plans" className="rounded-lg border border-slate-200 bg-white shadow-xs">
      <table role="table" className="block w-full text-left text-sm md:table">
        <thead
          role="rowgroup"
          className="sr-only border-b border-slate-200 bg-slate-50 md:not-sr-only md:table-header-group"
        >
          <tr role="row" className="text-xs tracking-wide text-slate-600 uppercase">
            <th role="columnheader" scope="col" className={th}>
              Key
            </th>
            <th role="columnheader" scope="col" className={`${th} whitespace-nowrap`}>
              Display name
            </th>
            <th role="columnheader" scope="col" className={th}>
              Description
            </th>
            <th role="columnheader" scope="col" className={`${th} md:text-right`}>
              Customers
            </th>
            {mayEdit && (
              <th role="columnheader" scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-200 md:table-row-group md:divide-slate-100">
          {plans.map((p) => (
            <tr
              key={p.name}
              role="row"
              className={cn('block px-4 py-3 md:table-row md:p-0', p.archivedAt && 'bg-slate-50 text-slate-600')}
            >
              <Cell label="Key" className="font-mono [overflow-wrap:anywhere] md:max-w-[14rem] md:min-w-[10rem]">
                {p.name}
              </Cell>
              <Cell label="Display name" className="md:max-w-[16rem] md:min-w-[9rem]">
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  {p.displayName}
                  {p.archivedAt && (
                    <Badge tone="warning" className="ml-2">
                      Archived
                    </Badge>
                  )}
                </span>
              </Cell>
              <Cell label="Description" className="text-slate-700 md:min-w-[12rem]">
                <span className="min-w-0 [overflow-wrap:anywhere] whitespace-pre-line">
                  {p.description ?? <span className="text-slate-600">—</span>}
                </span>
              </Cell>
              <Cell label="Customers" className="tabular-nums md:text-right">
                <Link
                  href={planCustomersHref(p.name)}
                  aria-label={`${plural(p.customerCount, 'customer')} on ${p.displayName}`}
                  className="text-brand-700 underline-offset-2 hover:underline"
                >
                  {p.customerCount.toLocaleString('en-US')}
                </Link>
              </Cell>
              {mayEdit && (
                <td role="cell" className="block pt-2 md:table-cell md:px-4 md:py-3 md:text-right md:align-top">
                  <PricePlanActions plan={p} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
