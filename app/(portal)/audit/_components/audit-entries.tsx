import Link from 'next/link';
import { ActorName } from '@/components/audit/actor-name';
import { ACTION_LABELS, AuditChanges, type ValueNames } from '@/components/audit/change-list';
import { cardClass } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { Td, Th, theadClass } from '@/components/ui/table';
import type { AuditEntryRow } from '@/lib/validations/audit';

const ENTITY_LABELS: Record<string, string> = {
  customer: 'Customer',
  price_plan: 'Price plan',
  user: 'User',
  api_key: 'API key',
  custom_field_key: 'Custom field key',
};

/** What changed: the thing (a link to a customer), then its fields. */
function What({ entry, names }: { entry: AuditEntryRow; names: ValueNames }) {
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
      <AuditChanges action={entry.action} changes={entry.changes} entityType={entry.entityType} names={names} />
    </>
  );
}

const actionLabel = (e: AuditEntryRow) => ACTION_LABELS[e.action] ?? e.action;

/**
 * The entries, newest first: a table where there is room for its four columns, a card per entry on
 * narrow screens (the What column, the one that matters, is never pushed off the side).
 */
export function AuditEntries({ items, names }: { items: AuditEntryRow[]; names: ValueNames }) {
  return (
    <>
      <div
        className={cardClass('hidden overflow-x-auto lg:block')}
        role="region"
        aria-label="Audit entries"
        tabIndex={0}
      >
        <table className="w-full table-fixed text-left text-sm">
          <colgroup>
            <col className="w-32" />
            <col className="w-52" />
            <col className="w-36" />
            <col />
          </colgroup>
          <thead className={theadClass}>
            <tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>Action</Th>
              <Th>What</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((e) => (
              <tr key={e.id} className="align-top">
                <Td className="text-slate-700">
                  <RelativeTime iso={e.at} />
                </Td>
                <Td>
                  <ActorName name={e.actorName} email={e.actorEmail} stacked />
                </Td>
                <Td className="font-medium">{actionLabel(e)}</Td>
                <Td className="min-w-0">
                  <What entry={e} names={names} />
                </Td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ol aria-label="Audit entries" className="space-y-3 lg:hidden">
        {items.map((e) => (
          <li key={e.id} className={cardClass('p-4 text-sm')}>
            <p className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="font-semibold">{actionLabel(e)}</span>
              <RelativeTime iso={e.at} className="text-slate-600" />
            </p>
            <p className="mt-0.5">
              <span className="text-slate-600">by</span> <ActorName name={e.actorName} email={e.actorEmail} />
            </p>
            <div className="mt-2">
              <What entry={e} names={names} />
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
