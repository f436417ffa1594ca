import type { UserRow as User } from '@/lib/data/users';
import { UserRow } from './user-row';

export function UsersTable({ users, actorId }: { users: User[]; actorId: string }) {
  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs"
      role="region"
      aria-label="Users"
      tabIndex={0}
    >
      <table className="w-full min-w-[52rem] text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              Name
            </th>
            <th scope="col" className="px-4 py-3">
              Email
            </th>
            <th scope="col" className="px-4 py-3">
              Role
            </th>
            <th scope="col" className="px-4 py-3">
              Status
            </th>
            <th scope="col" className="px-4 py-3">
              Added
            </th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <UserRow key={u.id} user={u} isSelf={u.id === actorId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
