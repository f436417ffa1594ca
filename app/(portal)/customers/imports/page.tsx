import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PageLayout } from '@/components/page-layout';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { StackedCell, StackedRow, StackedTable } from '@/components/ui/table';
import { requirePageActor } from '@/lib/auth/session';
import { listCustomerImports } from '@/lib/data/customer-imports';
import { formatDateTime } from '@/lib/utils';
import { IMPORT_STATUSES } from '@/lib/validations/customer-import';

export const metadata: Metadata = { title: 'Past imports' };

const n = (v: number) => v.toLocaleString('en-US');

export default async function ImportsPage() {
  await connection();
  const actor = await requirePageActor('customers:write');
  const imports = await listCustomerImports(actor);
  return (
    <PageLayout
      title="Past imports"
      description="CSV imports of customers, newest first (the latest 100): who ran them, when, and what they did."
      action={<ButtonLink href="/customers/import">Import customers</ButtonLink>}
    >
      {imports.length === 0 ? (
        <EmptyState title="No imports yet">Import customers from a CSV file to see it here.</EmptyState>
      ) : (
        <StackedTable label="Imports" columns={['File', 'Who', 'When', 'Status', 'Rows', 'Result', 'Errors']}>
          {imports.map((job) => {
            const errors = job.status === 'checked' || job.status === 'uploaded' ? job.errorRows : job.failed;
            return (
              <StackedRow key={job.id}>
                <StackedCell className="font-medium [overflow-wrap:anywhere]">
                  <Link className="text-brand-700 underline" href={`/customers/imports/${job.id}`}>
                    {job.fileName}
                  </Link>
                </StackedCell>
                <StackedCell label="Who" className="[overflow-wrap:anywhere]">
                  {job.actorName ?? job.actorEmail}
                </StackedCell>
                <StackedCell label="When">{formatDateTime(job.createdAt)}</StackedCell>
                <StackedCell label="Status">{IMPORT_STATUSES[job.status]}</StackedCell>
                <StackedCell label="Rows" className="tabular-nums">
                  {n(job.totalRows)}
                </StackedCell>
                <StackedCell label="Result" className="tabular-nums">
                  {n(job.created)} created, {n(job.updated)} updated, {n(job.unchanged)} unchanged
                </StackedCell>
                <StackedCell label="Errors" className="tabular-nums">
                  {errors > 0 ? (
                    <a className="text-brand-700 underline" href={`/api/customer-imports/errors?id=${job.id}`} download>
                      {n(errors)} (CSV)
                    </a>
                  ) : (
                    '0'
                  )}
                </StackedCell>
              </StackedRow>
            );
          })}
        </StackedTable>
      )}
    </PageLayout>
  );
}
