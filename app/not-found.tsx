import { connection } from 'next/server';
import { ButtonLink } from '@/components/ui/button';
import { PortalShell } from '@/components/portal-shell';
import { getActor } from '@/lib/auth/session';

/** An address nothing answers: inside the portal's frame when signed in, in its bare frame otherwise. */
export default async function NotFound() {
  await connection();
  const actor = await getActor();
  return (
    <PortalShell actor={actor}>
      <div className="mx-auto max-w-lg py-16 text-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
        <p className="mt-3 text-slate-600">There is nothing at this address. It may have been mistyped.</p>
        <ButtonLink href={actor ? '/customers' : '/sign-in'} className="mt-6">
          {actor ? 'Go to customers' : 'Go to sign in'}
        </ButtonLink>
      </div>
    </PortalShell>
  );
}
