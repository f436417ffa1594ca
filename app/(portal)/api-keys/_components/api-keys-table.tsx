import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { StackedCell, StackedRow, StackedTable } from '@/components/ui/table';
import { ROLES } from '@/lib/auth/permissions';
import type { ApiKeyRow } from '@/lib/validations/api-key';
import { RevokeApiKeyButton } from './revoke-api-key-button';

/** The keys, newest first; below the md breakpoint each row is a card. */
export function ApiKeysTable({ keys }: { keys: ApiKeyRow[] }) {
  return (
    <StackedTable
      label="API keys"
      columns={[
        'Name',
        'Role',
        'Prefix',
        'Created by',
        'Created',
        'Last used',
        { label: 'Status and actions', hidden: true },
      ]}
    >
      {keys.map((key) => (
        <StackedRow key={key.id} className={key.revokedAt ? 'bg-slate-50 text-slate-600' : undefined}>
          <StackedCell
            align="middle"
            className="pb-2 font-medium [overflow-wrap:anywhere] text-slate-900 md:max-w-[18rem]"
          >
            {key.name}
          </StackedCell>
          <StackedCell align="middle" label="Role">
            {ROLES[key.role]}
          </StackedCell>
          <StackedCell align="middle" label="Prefix">
            <code className="font-mono text-xs">{key.prefix}…</code>
          </StackedCell>
          <StackedCell align="middle" label="Created by" className="[overflow-wrap:anywhere]">
            {key.createdByEmail ?? <span className="text-slate-600">Shell</span>}
          </StackedCell>
          <StackedCell align="middle" label="Created" className="md:whitespace-nowrap">
            <RelativeTime iso={key.createdAt} />
          </StackedCell>
          <StackedCell align="middle" label="Last used" className="md:whitespace-nowrap">
            {key.lastUsedAt ? <RelativeTime iso={key.lastUsedAt} /> : <span className="text-slate-600">Never</span>}
          </StackedCell>
          <StackedCell align="middle" className="pt-2 md:text-right">
            {key.revokedAt ? (
              <span className="inline-flex items-center gap-2 md:justify-end">
                <Badge tone="warning">Revoked</Badge>
                <RelativeTime iso={key.revokedAt} className="text-xs" />
              </span>
            ) : (
              <RevokeApiKeyButton id={key.id} name={key.name} />
            )}
          </StackedCell>
        </StackedRow>
      ))}
    </StackedTable>
  );
}
