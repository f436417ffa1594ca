import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { ScrollingTable, Th, theadClass } from '@/components/ui/table';
import type { UsageRouteCount } from '@/lib/validations/customer-usage';
import { cn, plural } from '@/lib/utils';

/** Up to this many silent routes are rows of the table; past it they are one collapsed list. */
const SILENT_ROWS = 25;

function RouteName({ route: r }: { route: UsageRouteCount }) {
  if (r.matchedBy === 'id') return <span>By customer ID</span>;
  return (
    <span>
      <span className="text-slate-600">{r.matchedBy === 'alias' ? 'Alias ' : 'Mapping '}</span>
      <span className="font-mono text-xs [overflow-wrap:anywhere]">{r.key}</span>
      {!r.current && (
        <Badge className="ml-1.5" tone="neutral">
          Removed
        </Badge>
      )}
    </span>
  );
}

const NO_EVENTS = 'No events in 30 days';

function RouteRow({ route: r }: { route: UsageRouteCount }) {
  return (
    <tr className="align-top">
      <td className="px-3 py-2">
        <RouteName route={r} />
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{r.events.toLocaleString('en-US')}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        {r.lastReceivedAt ? <RelativeTime iso={r.lastReceivedAt} /> : <Badge tone="warning">{NO_EVENTS}</Badge>}
      </td>
    </tr>
  );
}

/**
 * Each way events reach the customer (its ID, each mapping, each alias) with its events and last
 * event over 30 days. Silent aliases are marked; when there are many (a customer can hold 2,000)
 * they are one collapsed list of names rather than a row each.
 */
export function UsageRoutes({ routes }: { routes: UsageRouteCount[] }) {
  const active = routes.filter((r) => r.events > 0);
  const silent = routes.filter((r) => r.events === 0);
  const aliases = routes.filter((r) => r.matchedBy === 'alias' && r.current);
  const silentAliases = aliases.filter((r) => r.events === 0);
  const collapse = silent.length > SILENT_ROWS;
  return (
    <div className="space-y-3">
      {aliases.length > 0 && (
        <p className="text-sm text-slate-600">
          {aliases.length - silentAliases.length} of {plural(aliases.length, 'ingest alias', 'ingest aliases')} received
          events in the last 30 days.
        </p>
      )}
      <ScrollingTable label="Events by route">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Events in the last 30 days by customer ID, mapping and ingest alias</caption>
          <thead className={cn(theadClass, 'sticky top-0')}>
            <tr>
              <Th className="px-3 py-2">Route</Th>
              <Th className="px-3 py-2 text-right">Events</Th>
              <Th className="px-3 py-2">Last event</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(collapse ? active : [...active, ...silent]).map((r) => (
              <RouteRow key={`${r.matchedBy}:${r.key}`} route={r} />
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      {collapse && (
        <details className="rounded-md border border-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600">
            {NO_EVENTS}: {plural(silent.length, 'route')}
          </summary>
          <ul
            className="flex max-h-80 flex-wrap gap-1.5 overflow-y-auto border-t border-slate-200 p-3"
            aria-label={NO_EVENTS}
            tabIndex={0}
          >
            {silent.map((r) => (
              <li
                key={`${r.matchedBy}:${r.key}`}
                className="max-w-full rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-900"
              >
                <RouteName route={r} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
