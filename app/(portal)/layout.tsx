import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { PortalShell } from '@/components/portal-shell';
import { getActor } from '@/lib/auth/session';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  await connection(); // so that `next build` never opens the database
  // Only to choose the sections shown: each page checks the session and permission itself.
  const actor = await getActor();
  return <PortalShell actor={actor}>{children}</PortalShell>;
}
