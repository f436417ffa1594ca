import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PageLayout } from '@/components/page-layout';
import { ButtonLink } from '@/components/ui/button';
import { requirePageActor } from '@/lib/auth/session';
import { getCustomerImport } from '@/lib/data/customer-imports';
import { customerId } from '@/lib/validations/customer';
import { IMPORT_MODES } from '@/lib/validations/customer-import';
import { formatDateTime } from '@/lib/utils';
import { ImportProgress } from '../_components/import-progress';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage({ params }: { params: Promise<{ importId: string }> }) {
  await connection();
  const actor = await requirePageActor('customers:write');
  const { importId } = await params;
  if (!customerId.safeParse(importId).success) notFound();
  const state = await getCustomerImport(actor, importId);
  if (!state) notFound();
  const { job } = state;
  return (
    <PageLayout
      title={`Import of ${job.fileName}`}
      description={`${IMPORT_MODES[job.mode]}${job.validOnly ? ', valid rows only' : ''}. Started by ${job.actorName ?? job.actorEmail} on ${formatDateTime(job.createdAt)}. It goes on if you close this page.`}
      action={
        <ButtonLink href="/customers/imports" variant="secondary">
          Past imports
        </ButtonLink>
      }
    >
      <ImportProgress initial={state} />
    </PageLayout>
  );
}
