import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requirePageActor } from '@/lib/auth/session';
import { listPricePlanOptions, selectablePricePlans } from '@/lib/data/price-plans';
import { CustomerForm } from '../_components/customer-form';
import { BackLink } from '../_components/back-link';

export const metadata: Metadata = { title: 'Create customer' };

export default async function NewCustomerPage() {
  await connection();
  const actor = await requirePageActor('customers:write');
  const pricePlans = selectablePricePlans(await listPricePlanOptions(actor));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <BackLink href="/customers">Customers</BackLink>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Create customer</h1>
      </div>
      <CustomerForm mode="create" pricePlans={pricePlans} />
    </div>
  );
}
