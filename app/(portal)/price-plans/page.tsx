import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PageLayout } from '@/components/page-layout';
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
    <PageLayout
      title="Price plans"
      description="The plans customers can be subscribed to. An archived plan stays on the customers that have it and is offered to no other."
      action={mayEdit && <AddPricePlanDialog />}
    >
      <PricePlansTable plans={plans} mayEdit={mayEdit} />
    </PageLayout>
  );
}
