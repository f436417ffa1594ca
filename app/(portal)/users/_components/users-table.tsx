import type { UserRow as User } from '@/lib/data/users';
import { UserRow } from './user-row';

const th = 'px-4 py-3 font-semibold';

/**
 * The users, one row each; below the md breakpoint each row is a card. The roles are spelled out
 * (role="table", "row", "cell") because a table laid out as blocks loses them in some browsers.
 */
export function UsersTable({ users, actorId }: { users: User[]; actorId: string }) {
  return (
    <section aria-label="Users" className="rounded-lg border border-slate-200 bg-white shadow-xs">
      <table role="table" className="block w-full text-left text-sm md:table">
        <thead
          role="rowgroup"
          className="sr-only border-b border-slate-200 bg-slate-50 md:not-sr-only md:table-header-group"
        >
          <tr role="row" className="text-xs tracking-wide text-slate-600 uppercase">
            <th role="columnheader" scope="col" className={th}>
              User
            </th>
            <th role="columnheader" scope="col" className={th}>
              Role
            </th>
            <th role="columnheader" scope="col" className={th}>
              Status
            </th>
            <th role="columnheader" scope="col" className={`${th} whitespace-nowrap`}>
              Last sign-in
            </th>
            <th role="columnheader" scope="col" className={th}>
              Added
            </th>
            <th role="columnheader" scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-200 md:table-row-group md:divide-slate-100">
          {users.map((u) => (
            <UserRow key={u.id} user={u} isSelf={u.id === actorId} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
