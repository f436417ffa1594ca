import { Badge } from '@/components/ui/badge';
import type { RecentUsageEvent } from '@/lib/validations/customer-usage';
import { formatDateTime, plural } from '@/lib/utils';

const ROUTE_WORDS = { id: 'by ID', alias: 'by alias', mapping: 'by mapping' } as const;

/** The event as it was sent, and how it was routed. */
const eventJson = (e: RecentUsageEvent) =>
  JSON.stringify(
    {
      transaction_id: e.transactionId,
      customer_id: e.customerId,
      event_type: e.eventType,
      timestamp: e.timestamp,
      properties: e.properties,
      received_at: e.receivedAt,
      is_duplicate: e.isDuplicate,
      matched_by: e.matchedBy,
      ...(e.matchedBy !== 'id' && e.matchedKey ? { matched_key: e.matchedKey } : {}),
    },
    null,
    2,
  );

/** The latest raw events, newest first, each opening to its JSON. */
export function UsageRecentEvents({ events }: { events: RecentUsageEvent[] }) {
  if (events.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No raw events are kept for this customer (they expire after the retention window).
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        The latest {plural(events.length, 'event')}, newest first. Open one to see its JSON.
      </p>
      <ul
        className="max-h-[32rem] divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200"
        aria-label="Recent events"
        tabIndex={0}
      >
        {events.map((e) => (
          <li key={e.id}>
            <details className="group">
              <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600">
                <span aria-hidden="true" className="text-xs text-slate-500 transition-transform group-open:rotate-90">
                  ▶
                </span>
                <time dateTime={e.receivedAt} className="text-slate-600 tabular-nums">
                  {formatDateTime(e.receivedAt)}
                </time>
                <span className="font-medium [overflow-wrap:anywhere]">{e.eventType}</span>
                <span className="min-w-0 font-mono text-xs [overflow-wrap:anywhere] text-slate-600">
                  {e.transactionId}
                </span>
                {e.matchedBy && <span className="text-xs text-slate-600">{ROUTE_WORDS[e.matchedBy]}</span>}
                {e.isDuplicate && <Badge tone="warning">Duplicate, not counted</Badge>}
              </summary>
              <pre className="overflow-x-auto bg-slate-50 px-3 py-2 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap">
                {eventJson(e)}
              </pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
