import { ActorName } from '@/components/audit/actor-name';
import { ACTION_LABELS, AuditChanges, type ValueNames } from '@/components/audit/change-list';
import { RelativeTime } from '@/components/ui/relative-time';
import type { AuditEntryRow } from '@/lib/validations/audit';

/** A customer's changes, newest first: who, when, what. */
export function CustomerHistory({ entries, names }: { entries: AuditEntryRow[]; names?: ValueNames }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">No recorded changes yet.</p>;
  return (
    <ol className="space-y-4">
      {entries.map((e) => (
        <li key={e.id} className="border-l-2 border-slate-200 pl-3">
          <p className="text-sm">
            <span className="font-semibold">{ACTION_LABELS[e.action] ?? e.action}</span> by{' '}
            <ActorName name={e.actorName} email={e.actorEmail} /> ·{' '}
            <RelativeTime iso={e.at} className="text-slate-600" />
          </p>
          <AuditChanges action={e.action} changes={e.changes} names={names} />
        </li>
      ))}
    </ol>
  );
}
