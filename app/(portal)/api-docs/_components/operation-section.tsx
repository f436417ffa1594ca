import { Badge } from '@/components/ui/badge';
import { cardClass } from '@/components/ui/card';
import { StackedCell, StackedRow, StackedTable } from '@/components/ui/table';
import { curlExample, sdkExample, type DocOperation } from '@/lib/api-docs';
import { ROLES, type Role } from '@/lib/auth/permissions';
import { CodeBlock } from './code-block';
import { ErrorList, Prose } from './prose';

/** One endpoint of the API, as the OpenAPI document describes it. */
export function OperationSection({ op, baseUrl }: { op: DocOperation; baseUrl: string }) {
  const headingId = `${op.id}-heading`;
  return (
    <section id={op.id} aria-labelledby={headingId} className={cardClass('min-w-0 scroll-mt-6 space-y-4 p-4 sm:p-6')}>
      <div className="space-y-2">
        <h3 id={headingId} className="text-lg font-semibold text-slate-900">
          {op.summary}
        </h3>
        <p className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
          <Badge tone={op.method === 'GET' ? 'success' : 'info'}>{op.method}</Badge>
          <code className="font-mono break-all text-slate-900">{op.path}</code>
        </p>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          <div className="flex gap-1">
            <dt>Least role:</dt>
            <dd className="font-medium text-slate-900">{ROLES[op.role as Role] ?? op.role}</dd>
          </div>
          <div className="flex min-w-0 gap-1">
            <dt>SDK:</dt>
            <dd className="min-w-0 font-mono break-all text-slate-900">client.v1.{op.sdk}</dd>
          </div>
        </dl>
        <p className="max-w-3xl text-sm text-slate-700">
          <Prose text={op.description} />
        </p>
      </div>

      <div className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-900">Request</h4>
        {op.fields.length === 0 ? (
          <p className="text-sm text-slate-600">No parameters.</p>
        ) : (
          <StackedTable label={`${op.summary}: request fields`} columns={['Field', 'Type', 'Required', 'Rule']}>
            {op.fields.map((f) => (
              <StackedRow key={f.name}>
                <StackedCell className="font-mono text-xs wrap-anywhere text-slate-900 md:w-1/4">{f.name}</StackedCell>
                <StackedCell label="Type" className="font-mono text-xs wrap-anywhere">
                  {f.type}
                </StackedCell>
                <StackedCell label="Required">{f.required ? 'Yes' : 'No'}</StackedCell>
                <StackedCell label="Rule" className="text-slate-700">
                  {/* one flex item: the cell is a flex row on a phone */}
                  <span className="min-w-0 wrap-break-word">{f.rule ? <Prose text={f.rule} /> : '—'}</span>
                </StackedCell>
              </StackedRow>
            ))}
          </StackedTable>
        )}
      </div>

      <div className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-900">Response (200)</h4>
        <CodeBlock code={op.response} label={`${op.summary}: response shape`} />
      </div>

      <div className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-900">Errors of this call</h4>
        {op.errors.length === 0 ? (
          <p className="text-sm text-slate-600">Only the errors every call can answer (above).</p>
        ) : (
          <ErrorList errors={op.errors} />
        )}
      </div>

      <div className="grid min-w-0 gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-2">
          <h4 className="text-sm font-semibold text-slate-900">curl</h4>
          <CodeBlock code={curlExample(op, baseUrl)} label={`${op.summary}: curl example`} />
        </div>
        <div className="min-w-0 space-y-2">
          <h4 className="text-sm font-semibold text-slate-900">@metronome/sdk</h4>
          <CodeBlock code={sdkExample(op)} label={`${op.summary}: SDK example`} />
        </div>
      </div>
    </section>
  );
}
