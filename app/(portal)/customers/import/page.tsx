import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PageLayout } from '@/components/page-layout';
import { ButtonLink } from '@/components/ui/button';
import { requirePageActor } from '@/lib/auth/session';
import { ImportWizard } from './_components/import-wizard';

export const metadata: Metadata = { title: 'Import customers' };

export default async function ImportCustomersPage() {
  await connection();
  await requirePageActor('customers:write');
  return (
    <PageLayout
      title="Import customers"
      description="Create or update many customers from a CSV file. Every row is checked first; nothing is written until you start the import."
      action={
        <ButtonLink href="/customers/imports" variant="secondary">
          Past imports
        </ButtonLink>
      }
    >
      <ImportWizard />
    </PageLayout>
  );
}
