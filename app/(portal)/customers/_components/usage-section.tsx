import { SkeletonRows } from '@/components/ui/skeleton';
import type { ReactNode } from 'react';
import { cardClass } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import type { Actor } from '@/lib/auth/permissions';
import { getCustomerUsage, recentUsageEvents } from '@/lib/data/customer-usage';
import { formatDateTime, plural } from '@/lib/utils';
import { UsageChart } from './usage-chart';
import { UsageDaysTable } from './usage-days-table';
import { UsageRecentEvents } from './usage-recent-events';
import { UsageRoutes } from './usage-routes';
import { usageSeries } from './usage-series';

function UsageCard({ busy, children }: { busy?: boolean; children: ReactNode }) {
  return (
    <section
      id="usage"
      aria-labelledby="usage-heading"
      aria-busy={busy || undefined}
      className={cardClass('min-w-0 scroll-mt-4 space-y-6 p-5 sm:p-6')}
    >
      <h2 id="usage-heading" className="text-base font-semibold">
        Usage
      </h2>
      {children}
    </section>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-3">
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      {children}
    </div>
  );
}

/** Stands in for the section while its counts load, so the rest of the page need not wait. */
export function UsageSectionSkeleton() {
  return (
    <UsageCard busy>
      <div className="h-64 animate-pulse rounded bg-slate-100" />
      <SkeletonRows label="Loading usage…" rows={4} />
    </UsageCard>
  );
}

function ArchivedNote() {
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Archived — events are still received and kept.
    </p>
  );
}

/**
 * The customer's usage: events per day for 30 days by event type (a chart, and the same numbers
 * as a table), the last event received, each route's events, and the latest raw events.
 */
export async function UsageSection({
  actor,
  customerId,
  archived,
}: {
  actor: Actor;
  customerId: string;
  archived: boolean;
}) {
  const [usage, recent] = await Promise.all([
    getCustomerUsage(actor, customerId),
    recentUsageEvents(actor, customerId),
  ]);

  if (usage.lastReceivedAt === null && recent.length === 0) {
    return (
      <UsageCard>
        {archived && <ArchivedNote />}
        <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center">
          <p className="font-semibold">No usage received yet</p>
          <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600">
            Usage arrives through the ingest API (<code className="font-mono text-xs">POST /v1/ingest</code>): an event
            reaches this customer when its <code className="font-mono text-xs">customer_id</code> is this customer’s
            UUID or one of its ingest aliases, or when its properties match one of its measurement mappings.
          </p>
        </div>
      </UsageCard>
    );
  }

  const series = usageSeries(usage.eventTypes);
  return (
    <UsageCard>
      {archived && <ArchivedNote />}
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">Events in the last 30 days</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{usage.total.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">Last event received</dt>
          <dd className="mt-1 text-sm">
            {usage.lastReceivedAt ? (
              <>
                <RelativeTime iso={usage.lastReceivedAt} className="font-medium" />
                <span className="block text-xs text-slate-600" aria-hidden="true">
                  {formatDateTime(usage.lastReceivedAt)}
                </span>
              </>
            ) : (
              <span className="text-slate-600">None counted yet</span>
            )}
          </dd>
        </div>
      </dl>

      <Part title="Events per day (UTC, by the event’s timestamp)">
        <figure className="min-w-0 space-y-3">
          <figcaption className="sr-only">
            {plural(usage.total, 'event')} over the last 30 days
            {usage.eventTypes.length > 0 ? `, of ${plural(usage.eventTypes.length, 'event type')}` : ''}. The table
            below lists every day.
          </figcaption>
          <UsageChart days={usage.days} series={series} />
          <details>
            <summary className="cursor-pointer text-sm font-medium text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600">
              Show as table
            </summary>
            <div className="mt-3">
              <UsageDaysTable days={usage.days} series={series} />
            </div>
          </details>
        </figure>
      </Part>

      <Part title="By route (last 30 days)">
        <UsageRoutes routes={usage.routes} />
      </Part>

      <Part title="Recent events">
        <UsageRecentEvents events={recent} />
      </Part>
    </UsageCard>
  );
}
