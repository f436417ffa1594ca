import { StackedTable } from '@/components/ui/table';
import type { UserRow as User } from '@/lib/validations/user';
import { UserRow } from './user-row';

/** The users, one row each; below the md breakpoint each row is a card. */
export function UsersTable({ users, actorId }: { users: User[]; actorId: string }) {
  return (
    <StackedTable
      label="Users"
      columns={['User', 'Role', 'Status', 'Last sign-in', 'Added', { label: 'Actions', hidden: true }]}
    >
      {users.map((u) => (
        <UserRow key={u.id} user={u} isSelf={u.id === actorId} />
      ))}
    </StackedTable>
  );
}
