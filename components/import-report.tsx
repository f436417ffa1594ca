import { ScrollingTable, Td, Th, theadClass } from '@/components/ui/table';
import {
  IMPORT_ERRORS_SHOWN,
  type CustomerImportRow,
  type CustomerImportState,
} from '@/lib/validations/customer-import';

const n = (v: number) => v.toLocaleString('en-US');

/** An import's counts: what the dry run found, or what the import did. */
export function ImportCounts({ job, phase }: { job: CustomerImportRow; phase: 'check' | 'apply' }) {
  const items: [string, number][] =
    phase === 'check'
      ? [
          ['To create', job.toCreate],
          ['To update', job.toUpdate],
          ['Unchanged', job.toLeave],
          ['With errors', job.errorRows],
        ]
      : [
          ['Created', job.created],
          ['Updated', job.updated],
          ['Unchanged', job.unchanged],
          ['Not imported (errors)', job.failed],
        ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-md border border-slate-200 px-3 py-2">
          <dt className="text-xs font-medium text-slate-600">{label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{n(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The first errors of an import, with the link to all of them as CSV. */
export function ImportErrors({ state }: { state: CustomerImportState }) {
  if (state.errors.length === 0) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold">Errors</h3>
        <a
          className="text-sm font-medium text-brand-700 underline"
          href={`/api/customer-imports/errors?id=${state.job.id}`}
          download
        >
          Download every error (CSV)
        </a>
      </div>
      {state.errors.length >= IMPORT_ERRORS_SHOWN && (
        <p className="text-sm text-slate-600">The first {IMPORT_ERRORS_SHOWN} errors; the download has them all.</p>
      )}
      <ScrollingTable label="Errors">
        <table className="w-full text-left text-sm">
          <thead className={theadClass}>
            <tr>
              <Th>Row</Th>
              <Th>Column</Th>
              <Th>Message</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {state.errors.map((e, i) => (
              <tr key={i}>
                <Td className="tabular-nums">{e.rowNumber}</Td>
                <Td className="[overflow-wrap:anywhere]">{e.column || '—'}</Td>
                <Td className="[overflow-wrap:anywhere]">{e.message}</Td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </div>
  );
}
