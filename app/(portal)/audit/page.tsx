import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ACTION_LABELS, ChangeList } from '@/components/audit/change-list';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { requirePageActor } from '@/lib/auth/session';
import { AUDIT_ACTIONS, auditFilters, listAuditEntries, type AuditEntryRow, type AuditFilters } from '@/lib/data/audit';
import { formatDateTime } from '@/lib/utils';

export const metadata: Metadata = { title: 'Audit trail' };

const ENTITY_LABELS: Record<string, string> = { customer: 'Customer', price_plan: 'Price plan', user: 'User' };

/** The filters (and cursor) as a query string, leaving out what is not set. */
function auditSearch(f: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : '';
}

function Control({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = `audit-filter-${label.toLowerCase()}`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function Filters({ filters }: { filters: AuditFilters }) {
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label="Filter audit entries"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]"
    >
      <Control label="Who">
        {(id) => (
          <input
            id={id}
            name="actor"
            type="search"
            defaultValue={filters.actor ?? ''}
            placeholder="Email contains…"
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
          />
        )}
      </Control>
      <Control label="Action">
        {(id) => (
          <select id={id} name="action" defaultValue={filters.action ?? ''} className={inputClass}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a] ?? a}
              </option>
            ))}
          </select>
        )}
      </Control>
      <Control label="Customer">
        {(id) => (
          <input
            id={id}
            name="customer"
            type="search"
            defaultValue={filters.customer ?? ''}
            placeholder="ID contains…"
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
          />
        )}
      </Control>
      <Control label="From">
        {(id) => <input id={id} name="from" type="date" defaultValue={filters.from ?? ''} className={inputClass} />}
      </Control>
      <Control label="To">
        {(id) => <input id={id} name="to" type="date" defaultValue={filters.to ?? ''} className={inputClass} />}
      </Control>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className={buttonClass('primary')}>
          Filter
        </button>
        <Link href="/audit" className={buttonClass('ghost')}>
          Clear
        </Link>
      </div>
    </form>
  );
}

function What({ entry }: { entry: AuditEntryRow }) {
  const kind = ENTITY_LABELS[entry.entityType] ?? entry.entityType;
  return (
    <>
      <p className="[overflow-wrap:anywhere]">
        <span className="text-slate-600">{kind}</span>{' '}
        {entry.entityType === 'customer' ? (
          <Link href={`/customers/${entry.entityId}`} className="font-mono text-brand-700 hover:underline">
            {entry.entityLabel}
          </Link>
        ) : (
          <span className={entry.entityType === 'user' ? undefined : 'font-medium'}>{entry.entityLabel}</span>
        )}
      </p>
      <ChangeList changes={entry.changes} entityType={entry.entityType} />
    </>
  );
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const actor = await requirePageActor('audit:read');
  const filters = auditFilters.parse(await searchParams);
  const { items, nextCursor } = await listAuditEntries(actor, filters);
  const filtered = Boolean(filters.actor || filters.action || filters.customer || filters.from || filters.to);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every change made in the portal: who, when and what, newest first.
        </p>
      </div>
      <Filters filters={filters} />

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold">No audit entries match.</h2>
          {(filtered || filters.cursor) && (
            <p className="mt-2 text-sm text-slate-600">
              Try fewer filters, or{' '}
              <Link href="/audit" className="text-brand-700 underline">
                show every entry
              </Link>
              .
            </p>
          )}
        </div>
      ) : (
        <div
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs"
          role="region"
          aria-label="Audit entries"
          tabIndex={0}
        >
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  When
                </th>
                <th scope="col" className="px-4 py-3">
                  Who
                </th>
                <th scope="col" className="px-4 py-3">
                  Action
                </th>
                <th scope="col" className="px-4 py-3">
                  What
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="px-4 py-3 whitespace-nowrap">
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </td>
                  <td className="max-w-[16rem] min-w-[10rem] px-4 py-3 [overflow-wrap:anywhere]">{e.actorEmail}</td>
                  <td className="px-4 py-3 font-medium whitespace-nowrap">{ACTION_LABELS[e.action] ?? e.action}</td>
                  <td className="min-w-[16rem] px-4 py-3">
                    <What entry={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
    </div>
  );
}
