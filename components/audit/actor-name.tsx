import type { AuditActorName } from '@/lib/validations/audit';
import { cn } from '@/lib/utils';

/**
 * Who acted, by name with their email beside it (or below, `stacked`); the email alone once the
 * user is gone.
 */
export function ActorName({ name, email, stacked = false }: AuditActorName & { stacked?: boolean }) {
  if (!name) return <span className="[overflow-wrap:anywhere]">{email}</span>;
  return (
    <span className={cn('[overflow-wrap:anywhere]', stacked && 'flex flex-col')}>
      <span className="font-medium text-slate-900">{name}</span>{' '}
      <span className={cn('text-slate-600', stacked && 'text-xs')}>{stacked ? email : `(${email})`}</span>
    </span>
  );
}
