import { ACTION_LABELS, ChangeList } from '@/components/audit/change-list';
import type { AuditEntryRow } from '@/lib/data/audit';
import { formatDateTime } from '@/lib/utils';

/** A customer's changes, newest first: who, when, what. */
export function CustomerHistory({ entries }: { entries: AuditEntryRow[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">No recorded changes yet.</p>;
  return (
    <ol className="space-y-4">
      {entries.map((e) => (
        <li key={e.id} className="border-l-2 border-slate-200 pl-3">
          <p className="text-sm">
            <span className="font-semibold">{ACTION_LABELS[e.action] ?? e.action}</span> by{' '}
            <span className="[overflow-wrap:anywhere]">{e.actorEmail}</span> ·{' '}
            <time dateTime={e.at} className="text-slate-600">
              {formatDateTime(e.at)}
            </time>
          </p>
          {e.action === 'customer.update' && <ChangeList changes={e.changes} />}
        </li>
      ))}
    </ol>
  );
}
