import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { PortalShell } from '@/components/portal-shell';
import { getActor } from '@/lib/auth/session';
import { countOpenGroups } from '@/lib/data/unmatched-usage';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  await connection(); // so that `next build` never opens the database
  // Only to choose the sections shown: each page checks the session and permission itself.
  const actor = await getActor();
  const openGroups = actor ? await countOpenGroups(actor) : null;
  return (
    <PortalShell actor={actor} openGroups={openGroups}>
      {children}
    </PortalShell>
  );
}
