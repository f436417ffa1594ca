import type { Metadata } from 'next';
import { connection } from 'next/server';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { ButtonLink } from '@/components/ui/button';
import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { listCustomers } from '@/lib/data/customers';
import { listPricePlanOptions } from '@/lib/data/price-plans';
import { customerKeys } from '@/lib/queries/customers';
import { parseCustomerFilters } from '@/lib/validations/customer-filters';
import { CustomersTable } from '../_components/customers-table';

export const metadata: Metadata = { title: 'Customers' };

export default async function CustomersPage({ searchParams }: PageProps<'/customers'>) {
  await connection();
  const actor = await requirePageActor();
  const mayCreate = can(actor, 'customers:write');
  const filters = parseCustomerFilters(await searchParams);
  const queryClient = new QueryClient();
  const [pricePlans] = await Promise.all([
    listPricePlanOptions(actor),
    queryClient.prefetchQuery({
      queryKey: customerKeys.list(filters),
      queryFn: () => listCustomers(actor, filters),
    }),
  ]);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
          <p className="mt-1 text-sm text-slate-600">Everyone your usage is billed to.</p>
        </div>
        {mayCreate && (
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/customers/import" variant="secondary">
              Import
            </ButtonLink>
            <ButtonLink href="/customers/new">Create customer</ButtonLink>
          </div>
        )}
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CustomersTable mayCreate={mayCreate} pricePlans={pricePlans} />
      </HydrationBoundary>
    </div>
  );
}
