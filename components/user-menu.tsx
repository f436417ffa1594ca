import { signOut } from '@/lib/actions/auth';
import { ROLES, type Actor } from '@/lib/auth/permissions';

/** Who is signed in, with their role, and the sign-out button. */
export function UserMenu({ actor }: { actor: Actor }) {
  return (
    <div className="space-y-2 border-t border-slate-200 px-5 py-4 text-sm">
      <p className="[overflow-wrap:anywhere]">
        <span className="block font-medium">{actor.name}</span>
        <span className="text-slate-600">{actor.email}</span>
      </p>
      <p className="text-xs text-slate-600">Role: {ROLES[actor.role]}</p>
      <form action={signOut}>
        <button type="submit" className="text-sm font-medium text-brand-700 hover:underline">
          Sign out
        </button>
      </form>
    </div>
  );
}
