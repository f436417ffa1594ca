import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { failure } from '@/lib/action-result';
import { whenAvailable } from '@/lib/data/db-errors';
import { noteRequestActor } from '@/lib/request-context';
import { getAuth, requestUsesHttps } from './auth';
import { can, ROLE_NAMES, type Actor, type Permission, type Role } from './permissions';

/**
 * The signed-in, active user of this request, or null. Read once per request: the layout, the
 * page and its metadata share one session lookup (React `cache`, scoped to one server render).
 */
export const getActor = cache(async function getActor(): Promise<Actor | null> {
  const requestHeaders = await headers();
  // The first database call of nearly every request: a database that does not answer shows here.
  const session = await whenAvailable(async () =>
    (await getAuth(requestUsesHttps(requestHeaders))).api.getSession({ headers: requestHeaders }),
  );
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; active?: boolean };
  if (user.active === false) return null;
  const role = (ROLE_NAMES as string[]).includes(user.role ?? '') ? (user.role as Role) : 'viewer';
  noteRequestActor(`user ${user.email}`);
  return { id: user.id, email: user.email, name: user.name, role };
});

/** For pages: sends anonymous visitors to sign in, and refuses a role without the permission. */
export async function requirePageActor(permission: Permission = 'customers:read'): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  if (!can(actor, permission)) forbidden();
  return actor;
}

type Refusal = { ok: false; message: string; status: 401 | 403 };

/** For server actions and route handlers: the actor, or the refusal to return as is. */
export async function authorize(permission: Permission): Promise<{ ok: true; actor: Actor } | Refusal> {
  const actor = await getActor();
  if (!actor) return { ...failure('Your session has ended. Sign in again to continue.'), status: 401 };
  if (!can(actor, permission)) return { ...failure('Your role does not allow this.'), status: 403 };
  return { ok: true, actor };
}
