'use client';

import { useQuery } from '@tanstack/react-query';
import { ImportCounts, ImportErrors } from '@/components/import-report';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { useAction } from '@/lib/hooks/use-action';
import { customerImportQuery } from '@/lib/queries/customer-imports';
import { IMPORT_STATUSES, isImportActive, type CustomerImportState } from '@/lib/validations/customer-import';
import { cancelImport } from '../../import/actions';

const n = (v: number) => v.toLocaleString('en-US');

/** "2 min 5 s", "40 s". */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** An import's progress while its job runs (polled), then what it did. */
export function ImportProgress({ initial }: { initial: CustomerImportState }) {
  const { data } = useQuery(customerImportQuery(initial.job.id, initial));
  const { job } = data;
  const cancel = useAction();
  const active = isImportActive(job.status);
  const total = job.totalRows;
  const percent = total === 0 ? 100 : Math.floor((job.rowsDone / total) * 100);
  // Both times are the server's: the browser's clock may differ.
  const elapsed =
    job.startedAt && job.heartbeatAt
      ? (new Date(job.heartbeatAt).getTime() - new Date(job.startedAt).getTime()) / 1000
      : 0;
  const rate = elapsed > 0 ? job.rowsDone / elapsed : 0;
  const left = rate > 0 ? (total - job.rowsDone) / rate : null;

  return (
    <CardSection aria-labelledby="progress-heading" className="space-y-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="progress-heading" className="text-lg font-semibold">
          {IMPORT_STATUSES[job.status]}
          {job.cancelRequested && active ? ' (cancelling…)' : ''}
        </h2>
        {active && !job.cancelRequested && (
          <Button
            type="button"
            variant="secondary"
            disabled={cancel.pending}
            onClick={() => cancel.run(() => cancelImport({ importId: job.id }), 'The import could not be cancelled')}
          >
            Cancel import
          </Button>
        )}
      </div>
      <div>
        <div
          role="progressbar"
          aria-label="Rows imported"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={job.rowsDone}
          aria-valuetext={`${n(job.rowsDone)} of ${n(total)} rows`}
          className="h-3 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <p className="mt-2 text-sm text-slate-700 tabular-nums" aria-live="polite">
          {n(job.rowsDone)} of {n(total)} rows ({percent}%)
          {active && rate > 0 && ` · ${n(Math.round(rate))} rows/s · about ${duration(left ?? 0)} left`}
        </p>
      </div>
      {job.status === 'cancelled' && (
        <p className="text-sm text-slate-800">
          The import was cancelled. The {n(job.rowsDone)} rows written before it stopped stay imported; the others were
          not. Upload the same file again to import the rest: customers already imported are matched by ID.
        </p>
      )}
      {job.status === 'failed' && (
        <p className="text-sm text-slate-800">
          The import stopped on an error. The {n(job.rowsDone)} rows written before it stopped stay imported.
        </p>
      )}
      <ImportCounts job={job} phase="apply" />
      <ImportErrors state={data} />
      <Alert message={cancel.error} />
    </CardSection>
  );
}
