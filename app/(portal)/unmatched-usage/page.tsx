import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ButtonLink } from '@/components/ui/button';
import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { listUnmatchedGroups } from '@/lib/data/unmatched-usage';
import { inboxFilters, inboxSearch } from '@/lib/validations/unmatched-usage';
import { InboxToolbar } from './_components/inbox-toolbar';
import { UnmatchedGroupsTable } from './_components/unmatched-groups-table';

export const metadata: Metadata = { title: 'Unmatched usage' };

export default async function UnmatchedUsagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const actor = await requirePageActor();
  const filters = inboxFilters.parse(await searchParams);
  const { items, nextCursor, prevCursor } = await listUnmatchedGroups(actor, filters);
  const mayEdit = can(actor, 'customers:write');
  const view = { status: filters.status, q: filters.q };

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight">Unmatched usage</h1>
        <p className="mt-1 text-sm text-slate-600">
          Events that matched no customer, grouped by the customer ID they carried, most recent first. Add an identifier
          as a customer&apos;s ingest alias to route its events there, or ignore it.
        </p>
      </div>
      <InboxToolbar filters={filters} />

      <UnmatchedGroupsTable
        groups={items}
        mayEdit={mayEdit}
        empty={
          <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <h2 className="text-lg font-semibold">
              {filters.q ? 'No unmatched usage matches this search' : 'No unmatched usage'}
            </h2>
            <p className="mt-2 text-sm text-slate-600">
              {filters.q ? (
                <>
                  Try another part of the identifier, or{' '}
                  <Link
                    href={`/unmatched-usage${inboxSearch({ status: filters.status })}`}
                    className="text-brand-700 underline"
                  >
                    show every group
                  </Link>
                  .
                </>
              ) : filters.status === 'open' ? (
                'Every event received so far reached a customer.'
              ) : (
                'No group has been ignored.'
              )}
            </p>
          </div>
        }
      />

      {(nextCursor || prevCursor) && (
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-end gap-2">
          {prevCursor && (
            <ButtonLink
              variant="secondary"
              href={`/unmatched-usage${inboxSearch({ ...view, cursor: prevCursor, dir: 'prev' })}`}
            >
              Newer groups
            </ButtonLink>
          )}
          {nextCursor && (
            <ButtonLink variant="secondary" href={`/unmatched-usage${inboxSearch({ ...view, cursor: nextCursor })}`}>
              Older groups
            </ButtonLink>
          )}
        </nav>
      )}
    </div>
  );
}
