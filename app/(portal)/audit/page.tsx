import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PageLayout } from '@/components/page-layout';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageActor } from '@/lib/auth/session';
import { listAuditEntries } from '@/lib/data/audit';
import { pricePlanNames } from '@/lib/data/price-plans';
import { auditFilters, auditSearch } from '@/lib/validations/audit';
import { AuditEntries } from './_components/audit-entries';
import { AuditFiltersBar } from './_components/audit-filters';

export const metadata: Metadata = { title: 'Audit trail' };

export default async function AuditPage({ searchParams }: PageProps<'/audit'>) {
  await connection();
  const actor = await requirePageActor('audit:read');
  const filters = auditFilters.parse(await searchParams);
  const [{ items, nextCursor }, planNames] = await Promise.all([
    listAuditEntries(actor, filters),
    pricePlanNames(actor),
  ]);
  const filtered = Boolean(filters.actor || filters.action || filters.customer || filters.from || filters.to);

  return (
    <PageLayout title="Audit trail" description="Every change made in the portal: who, when and what, newest first.">
      <AuditFiltersBar filters={filters} />

      {items.length === 0 ? (
        <EmptyState title="No audit entries match.">
          {(filtered || filters.cursor) && (
            <>
              Try fewer filters, or{' '}
              <Link href="/audit" className="text-brand-700 underline">
                show every entry
              </Link>
              .
            </>
          )}
        </EmptyState>
      ) : (
        <AuditEntries items={items} names={{ pricePlans: planNames }} />
      )}

      {(nextCursor || filters.cursor) && (
        <nav aria-label="Pages" className="flex items-center justify-end gap-2">
          {filters.cursor && (
            <ButtonLink variant="secondary" href={`/audit${auditSearch({ ...filters, cursor: undefined })}`}>
              Newest entries
            </ButtonLink>
          )}
          {nextCursor && (
            <ButtonLink variant="secondary" href={`/audit${auditSearch({ ...filters, cursor: nextCursor })}`}>
              Older entries
            </ButtonLink>
          )}
        </nav>
      )}
    </PageLayout>
  );
}
