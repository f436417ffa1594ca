import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { cardClass } from '@/components/ui/card';
import { docOperations } from '@/lib/api-docs';
import { portalOrigin } from '@/lib/auth/auth';
import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { V1_GENERAL_ERRORS } from '@/lib/validations/v1/openapi';
import { CodeBlock } from './_components/code-block';
import { OperationSection } from './_components/operation-section';
import { ErrorList } from './_components/prose';

export const metadata: Metadata = { title: 'API' };

export default async function ApiDocsPage() {
  const actor = await requirePageActor('customers:read');
  const baseUrl = portalOrigin(await headers());
  const operations = docOperations();
  const groups = [...new Set(operations.map((op) => op.tag))];
  const setup = [
    "import Metronome from '@metronome/sdk';",
    '',
    `const client = new Metronome({ baseURL: '${baseUrl}', bearerToken: process.env.METERLINE_API_KEY });`,
  ].join('\n');

  return (
    <div className="mx-auto max-w-6xl min-w-0 space-y-8">
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">API</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Programs manage customers through the portal&apos;s API at <code className="font-mono">/v1</code>, which
          speaks Metronome&apos;s customer API: the official <code className="font-mono">@metronome/sdk</code> works
          unchanged. Every request carries an API key{' '}
          {can(actor, 'users:manage') ? (
            <>
              (made on the{' '}
              <Link href="/api-keys" className="font-medium text-brand-700 underline">
                API keys
              </Link>{' '}
              page)
            </>
          ) : (
            '(an admin makes one on the API keys page)'
          )}{' '}
          as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>, and may do what the key&apos;s role
          may. The machine-readable description is <code className="font-mono">GET /v1/openapi.json</code> (OpenAPI 3.1,
          any key).
        </p>
      </div>

      <section aria-labelledby="setup-heading" className={cardClass('min-w-0 space-y-3 p-4 sm:p-6')}>
        <h2 id="setup-heading" className="text-lg font-semibold">
          Set up
        </h2>
        <p className="text-sm text-slate-700">
          Base URL: <code className="font-mono break-all">{baseUrl}</code> (the SDK adds <code>/v1/…</code>). Send an{' '}
          <code className="font-mono">Idempotency-Key</code> with a POST to make a retry safe: the same key and request
          answer the first answer again for 24 hours.
        </p>
        <CodeBlock code={setup} label="SDK setup" />
      </section>

      <section aria-labelledby="errors-heading" className={cardClass('min-w-0 space-y-3 p-4 sm:p-6')}>
        <h2 id="errors-heading" className="text-lg font-semibold">
          Errors every call can answer
        </h2>
        <p className="text-sm text-slate-700">
          Errors are JSON with a readable <code>message</code> and a stable <code>code</code>; a refused request changes
          nothing.
        </p>
        <ErrorList errors={V1_GENERAL_ERRORS} />
      </section>

      <nav aria-label="Endpoints" className={cardClass('p-4 sm:p-6')}>
        <h2 className="text-lg font-semibold">Endpoints</h2>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
          {operations.map((op) => (
            <li key={op.id} className="min-w-0">
              <a href={`#${op.id}`} className="text-brand-700 underline">
                {op.summary}
              </a>{' '}
              <span className="block font-mono text-xs wrap-anywhere text-slate-600">
                {op.method} {op.path}
              </span>
            </li>
          ))}
        </ul>
      </nav>

      {groups.map((group) => (
        <section key={group} aria-labelledby={`group-${group}`} className="min-w-0 space-y-4">
          <h2 id={`group-${group}`} className="text-xl font-semibold">
            {group}
          </h2>
          {operations
            .filter((op) => op.tag === group)
            .map((op) => (
              <OperationSection key={op.id} op={op} baseUrl={baseUrl} />
            ))}
        </section>
      ))}
    </div>
  );
}
