import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requirePageActor } from '@/lib/auth/session';
import { getCustomer } from '@/lib/data/customers';
import { listPricePlanOptions, selectablePricePlans } from '@/lib/data/price-plans';
import { toCustomerFormValues } from '@/lib/validations/customer';
import { CustomerForm } from '../../_components/customer-form';
import { BackLink } from '../../_components/back-link';

export const metadata: Metadata = { title: 'Edit customer' };

export default async function EditCustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  await connection();
  const actor = await requirePageActor('customers:write');
  const [customer, pricePlans] = await Promise.all([
    getCustomer(actor, (await params).customerId),
    listPricePlanOptions(actor),
  ]);
  if (!customer) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <BackLink href={`/customers/${customer.id}`}>{customer.displayName}</BackLink>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words">Edit {customer.displayName}</h1>
        {customer.archivedAt && (
          <p className="mt-2 text-sm text-amber-800">
            This customer is archived; edits are kept while it stays archived.
          </p>
        )}
      </div>
      <CustomerForm
        key={customer.version}
        mode="edit"
        customerId={customer.id}
        version={customer.version}
        initialValues={toCustomerFormValues(customer)}
        pricePlans={selectablePricePlans(pricePlans, customer.pricePlanName)}
      />
    </div>
  );
}
