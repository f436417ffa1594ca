'use client';

import { useId, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { RelativeTime } from '@/components/ui/relative-time';
import type { ActionResult } from '@/lib/action-result';
import { ROLES, ROLE_NAMES, type Role } from '@/lib/auth/permissions';
import type { UserRow as User } from '@/lib/data/users';
import { cn } from '@/lib/utils';
import { changeUserRole, setUserActive } from '../actions';
import { SetPasswordDialog } from './set-password-dialog';

const UNREACHABLE = 'The server did not answer. Check your connection and try again.';

const cardLabel =
  'max-md:before:w-24 max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-medium max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]';
const cell = 'flex items-center gap-3 py-1 md:table-cell md:px-4 md:py-3 md:align-middle';

/** A cell; on a phone-sized screen (a card) its column's name stands before it (CSS, not text). */
function Cell({ label, className, children }: { label?: string; className?: string; children: ReactNode }) {
  return (
    <td role="cell" data-label={label} className={cn(cell, label && cardLabel, className)}>
      {children}
    </td>
  );
}

/** One user: who, their role (change it, then one Save), status, last sign-in, and what can be done. */
export function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [role, setRole] = useState<Role>(user.role);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  // After a save the page re-renders with the stored role: the select follows it.
  const [shownRole, setShownRole] = useState(user.role);
  if (shownRole !== user.role) {
    setShownRole(user.role);
    setRole(user.role);
  }
  const roleChanged = role !== user.role;

  const run = (action: () => Promise<ActionResult<{ id: string }>>, success: string, after?: () => void) => {
    setError(null);
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
      toast.success(success);
      // Keeps `pending` true until the page shows the new state.
      startTransition(() => (after ? after() : router.refresh()));
    });
  };

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
      `Role changed: ${user.email} is now ${ROLES[role]}`,
      // The users page is for admins only: someone who just left the role goes back to customers.
      leavingAdmin ? () => router.push('/customers') : undefined,
    );
  };

  const toggleActive = () =>
    run(
      () => setUserActive(user.id, !user.active),
      user.active ? `${user.email} deactivated: signed out everywhere` : `${user.email} reactivated`,
    );

  return (
    <tr
      role="row"
      className={cn(
        'block px-4 py-3 md:table-row md:p-0',
        !user.active && 'bg-slate-50 text-slate-600',
        roleChanged && 'bg-brand-50/60',
      )}
    >
      <td role="cell" className="block pb-2 md:table-cell md:max-w-[22rem] md:px-4 md:py-3 md:align-middle">
        <div className="font-medium [overflow-wrap:anywhere] text-slate-900">
          {user.name}
          {isSelf && <span className="ml-1 font-normal text-slate-600">(you)</span>}
        </div>
        <div className="[overflow-wrap:anywhere] text-slate-600">{user.email}</div>
      </td>
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
      <td role="cell" className="block pt-2 md:table-cell md:px-4 md:py-3 md:text-right md:align-middle">
        {!isSelf && (
          <div className="flex flex-wrap gap-2 md:flex-nowrap md:justify-end">
            <SetPasswordDialog user={user} />
            <Button variant="secondary" onClick={toggleActive} disabled={pending} className="px-3 py-1.5">
              {user.active ? 'Deactivate' : 'Reactivate'}
              <span className="sr-only"> {user.email}</span>
            </Button>
          </div>
        )}
        <div id={errorId} role="alert" className="empty:sr-only md:text-left">
          {error && (
            <p className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>
          )}
        </div>
      </td>
    </tr>
  );
}
