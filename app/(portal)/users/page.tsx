import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requirePageActor } from '@/lib/auth/session';
import { listUsers } from '@/lib/data/users';
import { AddUserForm } from './_components/add-user-form';
import { UsersTable } from './_components/users-table';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await connection();
  const actor = await requirePageActor('users:manage');
  const users = await listUsers(actor);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Who can sign in to the portal, and what their role lets them do. A deactivated user is signed out at once.
        </p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <UsersTable users={users} actorId={actor.id} />
        <AddUserForm />
      </div>
    </div>
  );
}
