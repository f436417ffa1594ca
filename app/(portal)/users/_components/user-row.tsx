'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import { ROLES, ROLE_NAMES, type Role } from '@/lib/auth/permissions';
import type { UserRow as User } from '@/lib/data/users';
import { cn, formatDateTime } from '@/lib/utils';
import { changeUserRole, setUserActive } from '../actions';

const UNREACHABLE = 'The server did not answer. Check your connection and try again.';

/** One user: their role (change and save), their status (deactivate or reactivate), and what went wrong. */
export function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [role, setRole] = useState<Role>(user.role);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const errorId = useId();

  // After a save the page re-renders with the stored role: the select follows it.
  const [shownRole, setShownRole] = useState(user.role);
  if (shownRole !== user.role) {
    setShownRole(user.role);
    setRole(user.role);
  }

  const run = (action: () => Promise<ActionResult<{ id: string }>>, success: string, after?: () => void) => {
    setError(null);
    setDone('');
    startTransition(async () => {
      let result: ActionResult<{ id: string }>;
      try {
        result = await action();
      } catch {
        setError(UNREACHABLE);
        return;
      }
      if (!result.ok) {
        setError(
          result.fieldErrors ? Object.values(result.fieldErrors).flat().join(' ') || result.message : result.message,
        );
        return;
      }
      setDone(success);
      // Keeps `pending` true until the page shows the new state.
      startTransition(() => (after ? after() : router.refresh()));
    });
  };

  const saveRole = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (role === user.role) {
      setError(null);
      setDone(`${user.email} is already ${ROLES[role]}.`);
      return;
    }
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
      `${user.email} is now ${ROLES[role]}.`,
      // The users page is for admins only: someone who just left the role goes back to customers.
      leavingAdmin ? () => router.push('/customers') : undefined,
    );
  };

  const toggleActive = () =>
    run(
      () => setUserActive(user.id, !user.active),
      user.active ? `${user.email} deactivated: signed out everywhere.` : `${user.email} reactivated.`,
    );

  return (
    <tr className={cn('align-top', !user.active && 'bg-slate-50 text-slate-600')}>
      <td className="max-w-[14rem] min-w-[8rem] px-4 py-3 [overflow-wrap:anywhere]">
        {user.name}
        {isSelf && <span className="ml-1 text-slate-600">(you)</span>}
      </td>
      <td className="max-w-[18rem] min-w-[10rem] px-4 py-3 [overflow-wrap:anywhere]">{user.email}</td>
      <td className="px-4 py-3">
        <form onSubmit={saveRole} className="flex items-center gap-2">
          <select
            aria-label={`Role for ${user.email}`}
            aria-describedby={error ? errorId : undefined}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            disabled={pending}
            className={cn(inputClass, 'w-auto py-1.5')}
          >
            {ROLE_NAMES.map((r) => (
              <option key={r} value={r}>
                {ROLES[r]}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={pending} className="py-1.5">
            Save<span className="sr-only"> role for {user.email}</span>
          </Button>
        </form>
      </td>
      <td className="px-4 py-3">{user.active ? <Badge>Active</Badge> : <Badge tone="warning">Deactivated</Badge>}</td>
      <td className="px-4 py-3 whitespace-nowrap">
        <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
      </td>
      <td className="min-w-[12rem] px-4 py-3">
        {!isSelf && (
          <Button variant="secondary" onClick={toggleActive} disabled={pending} className="py-1.5">
            {user.active ? 'Deactivate' : 'Reactivate'}
            <span className="sr-only"> {user.email}</span>
          </Button>
        )}
        <div id={errorId} role="alert" className="empty:sr-only">
          {error && (
            <p className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>
          )}
        </div>
        <div role="status" className="empty:sr-only">
          {done && <p className="mt-2 text-sm text-green-800">{done}</p>}
        </div>
      </td>
    </tr>
  );
}
