import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { StackedCell as Cell, StackedRow, StackedTable } from '@/components/ui/table';
import type { PricePlanRow } from '@/lib/validations/price-plan';
import { cn, plural } from '@/lib/utils';
import { PricePlanActions } from './price-plan-actions';

/** The customers on a plan, archived ones included: the same set the count counts. */
export const planCustomersHref = (key: string) => `/customers?${new URLSearchParams({ plan: key, status: 'all' })}`;

/** The plans, one row each; below the md breakpoint each row is a card. */
export function PricePlansTable({ plans, mayEdit }: { plans: PricePlanRow[]; mayEdit: boolean }) {
  if (plans.length === 0) {
    return (
      <EmptyState title="No price plans yet">
        {mayEdit ? 'Add the first one, then subscribe customers to it.' : 'An editor can add the first one.'}
      </EmptyState>
    );
  }

  return (
    <StackedTable
      label="Price plans"
      columns={[
        'Key',
        'Display name',
        'Description',
        { label: 'Customers', className: 'md:text-right' },
        mayEdit && { label: 'Actions', hidden: true },
      ]}
    >
      {plans.map((p) => (
        <StackedRow key={p.name} className={cn(p.archivedAt && 'bg-slate-50 text-slate-600')}>
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
            <Cell className="pt-2 md:text-right">
              <PricePlanActions plan={p} />
            </Cell>
          )}
        </StackedRow>
      ))}
    </StackedTable>
  );
}
