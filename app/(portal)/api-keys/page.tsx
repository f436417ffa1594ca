import type { Metadata } from 'next';
import { connection } from 'next/server';
import { cardClass } from '@/components/ui/card';
import { requirePageActor } from '@/lib/auth/session';
import { listApiKeys } from '@/lib/data/api-keys';
import { ApiKeysTable } from './_components/api-keys-table';
import { CreateApiKeyDialog } from './_components/create-api-key-dialog';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  await connection();
  const actor = await requirePageActor('users:manage');
  const keys = await listApiKeys(actor);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Keys let programs use the portal&apos;s API at <code className="font-mono">/v1</code>, with the rights of
            the key&apos;s role. Their changes show in History as &ldquo;API key&nbsp;&lsaquo;name&rsaquo;&rdquo;. A
            revoked key is refused from its next request on.
          </p>
        </div>
        <CreateApiKeyDialog />
      </div>
      {keys.length === 0 ? (
        <section aria-label="API keys" className={cardClass('p-6 text-sm text-slate-600')}>
          <p className="font-medium text-slate-900">No API keys yet.</p>
          <p className="mt-1">Create one to let a program, such as a CRM sync or a signup flow, use the API.</p>
        </section>
      ) : (
        <ApiKeysTable keys={keys} />
      )}
    </div>
  );
}
