import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PageLayout } from '@/components/page-layout';
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
    <PageLayout
      title="Users"
      description="Who can sign in to the portal, and what their role lets them do. A deactivated user is signed out at once."
      action={<AddUserDialog />}
    >
      <UsersTable users={users} actorId={actor.id} />
    </PageLayout>
  );
}
