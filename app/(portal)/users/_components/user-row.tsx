'use client';

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { RelativeTime } from '@/components/ui/relative-time';
import { StackedCell, StackedRow } from '@/components/ui/table';
import { ROLES, ROLE_NAMES, type Role } from '@/lib/auth/permissions';
import { useAction } from '@/lib/hooks/use-action';
import type { UserRow as User } from '@/lib/validations/user';
import { cn } from '@/lib/utils';
import { changeUserRole, setUserActive } from '../actions';
import { SetPasswordDialog } from './set-password-dialog';

/** A cell of the row, its content centred in the line. */
function Cell(props: { label?: string; className?: string; children: ReactNode }) {
  return <StackedCell align="middle" {...props} />;
}

/** One user: who, their role (change it, then one Save), status, last sign-in, and what can be done. */
export function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const router = useRouter();
  const { pending, error, setError, run } = useAction();
  const [role, setRole] = useState<Role>(user.role);
  const errorId = useId();

  // After a save the page re-renders with the stored role: the select follows it.
  const [shownRole, setShownRole] = useState(user.role);
  if (shownRole !== user.role) {
    setShownRole(user.role);
    setRole(user.role);
  }
  const roleChanged = role !== user.role;

  const saveRole = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!roleChanged) return;
    const leavingAdmin = isSelf && user.role === 'admin' && role !== 'admin';
    if (
      leavingAdmin &&
      !window.confirm('You will no longer be able to manage users or read the audit trail. Continue?')
    ) {
      return;
    }
    run(
      async () => {
        const result = await changeUserRole(user.id, role);
        if (!result.ok) setRole(user.role); // the select shows the stored role, next to why it stays
        return result;
      },
      'The role could not be changed',
      () => void toast.success(`Role changed: ${user.email} is now ${ROLES[role]}`),
      // The users page is for admins only: someone who just left the role goes back to customers.
      leavingAdmin ? () => router.push('/customers') : undefined,
    );
  };

  const toggleActive = () =>
    run(
      () => setUserActive(user.id, !user.active),
      `The user could not be ${user.active ? 'deactivated' : 'reactivated'}`,
      () =>
        void toast.success(
          user.active ? `${user.email} deactivated: signed out everywhere` : `${user.email} reactivated`,
        ),
    );

  return (
    <StackedRow className={cn(!user.active && 'bg-slate-50 text-slate-600', roleChanged && 'bg-brand-50/60')}>
      <Cell className="pb-2 md:max-w-[22rem]">
        <div className="font-medium [overflow-wrap:anywhere] text-slate-900">
          {user.name}
          {isSelf && <span className="ml-1 font-normal text-slate-600">(you)</span>}
        </div>
        <div className="[overflow-wrap:anywhere] text-slate-600">{user.email}</div>
      </Cell>
      <Cell label="Role">
        <form onSubmit={saveRole} className="flex items-center gap-2">
          <select
            aria-label={`Role for ${user.email}`}
            aria-describedby={error ? errorId : undefined}
            value={role}
            onChange={(event) => {
              setError(null);
              setRole(event.target.value as Role);
            }}
            disabled={pending}
            className={cn(inputClass, 'w-28 py-1.5')}
          >
            {ROLE_NAMES.map((r) => (
              <option key={r} value={r}>
                {ROLES[r]}
              </option>
            ))}
          </select>
          {roleChanged && (
            <Button type="submit" disabled={pending} className="px-3 py-1.5">
              Save<span className="sr-only"> role for {user.email}</span>
            </Button>
          )}
        </form>
      </Cell>
      <Cell label="Status">{user.active ? <Badge>Active</Badge> : <Badge tone="warning">Deactivated</Badge>}</Cell>
      <Cell label="Last sign-in" className="md:whitespace-nowrap">
        {user.lastSignInAt ? <RelativeTime iso={user.lastSignInAt} /> : <span className="text-slate-600">Never</span>}
      </Cell>
      <Cell label="Added" className="md:whitespace-nowrap">
        <RelativeTime iso={user.createdAt} />
      </Cell>
      <Cell className="pt-2 md:text-right">
        {!isSelf && (
          <div className="flex flex-wrap gap-2 md:flex-nowrap md:justify-end">
            <SetPasswordDialog user={user} />
            <Button variant="secondary" onClick={toggleActive} disabled={pending} className="px-3 py-1.5">
              {user.active ? 'Deactivate' : 'Reactivate'}
              <span className="sr-only"> {user.email}</span>
            </Button>
          </div>
        )}
        <Alert id={errorId} message={error} className="mt-2 md:text-left" />
      </Cell>
    </StackedRow>
  );
}
