import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requirePageActor } from '@/lib/auth/session';
import { listUsers } from '@/lib/data/users';
import { AddUserDialog } from './_components/add-user-form';
import { UsersTable } from './_components/users-table';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await connection();
  const actor = await requirePageActor('users:manage');
  const users = await listUsers(actor);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
          <p className="mt-1 text-sm text-slate-600">
            Who can sign in to the portal, and what their role lets them do. A deactivated user is signed out at once.
          </p>
        </div>
        <AddUserDialog />
      </div>
      <UsersTable users={users} actorId={actor.id} />
    </div>
  );
}
