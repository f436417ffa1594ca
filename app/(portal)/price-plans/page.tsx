import type { Metadata } from 'next';
import { connection } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { listPricePlans } from '@/lib/data/price-plans';
import { AddPricePlanDialog } from './_components/price-plan-form';
import { PricePlansTable } from './_components/price-plans-table';

export const metadata: Metadata = { title: 'Price plans' };

export default async function PricePlansPage() {
  await connection();
  const actor = await requirePageActor();
  const plans = await listPricePlans(actor);
  const mayEdit = can(actor, 'customers:write');

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Price plans</h1>
          <p className="mt-1 text-sm text-slate-600">
            The plans customers can be subscribed to. An archived plan stays on the customers that have it and is
            offered to no other.
          </p>
        </div>
        {mayEdit && <AddPricePlanDialog />}
      </div>
      <PricePlansTable plans={plans} mayEdit={mayEdit} />
    </div>
  );
}
