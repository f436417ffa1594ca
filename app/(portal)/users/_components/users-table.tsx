import { StackedTable, Th } from '@/components/ui/table';
import type { UserRow as User } from '@/lib/validations/user';
import { UserRow } from './user-row';

/** The users, one row each; below the md breakpoint each row is a card. */
export function UsersTable({ users, actorId }: { users: User[]; actorId: string }) {
  return (
    <StackedTable
      label="Users"
      head={
        <>
          <Th>User</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th className="whitespace-nowrap">Last sign-in</Th>
          <Th>Added</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </>
      }
    >
      {users.map((u) => (
        <UserRow key={u.id} user={u} isSelf={u.id === actorId} />
      ))}
    </StackedTable>
  );
}
