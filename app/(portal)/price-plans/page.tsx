import type { Metadata } from 'next';
import { connection } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { listPricePlans } from '@/lib/data/price-plans';
import { PricePlanForm } from './_components/price-plan-form';
import { PricePlansTable } from './_components/price-plans-table';

export const metadata: Metadata = { title: 'Price plans' };

export default async function PricePlansPage() {
  await connection();
  const actor = await requirePageActor();
  const plans = await listPricePlans(actor);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Price plans</h1>
        <p className="mt-1 text-sm text-slate-600">The plans customers can be subscribed to, by display name.</p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <PricePlansTable plans={plans} />
        {can(actor, 'customers:write') && <PricePlanForm />}
      </div>
    </div>
  );
}
