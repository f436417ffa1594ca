import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PageLayout } from '@/components/page-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageActor } from '@/lib/auth/session';
import { listApiKeys } from '@/lib/data/api-keys';
import { ApiKeysTable } from './_components/api-keys-table';
import { CreateApiKeyDialog } from './_components/create-api-key-dialog';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  await connection();
  const keys = await listApiKeys(await requirePageActor('users:manage'));
  return (
    <PageLayout
      title="API keys"
      description={
        <>
          Keys let programs use the portal&apos;s API at <code className="font-mono">/v1</code>, with the rights of the
          key&apos;s role. Their changes show in History as &ldquo;API key&nbsp;&lsaquo;name&rsaquo;&rdquo;. A revoked
          key is refused from its next request on.
        </>
      }
      action={<CreateApiKeyDialog />}
    >
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet">
          Create one to let a program, such as a CRM sync or a signup flow, use the API.
        </EmptyState>
      ) : (
        <ApiKeysTable keys={keys} />
      )}
    </PageLayout>
  );
}
