import type { ReactNode } from 'react';
import { Logo } from '@/components/logo';
import { KeyboardShortcuts } from '@/components/keyboard-shortcuts';
import { SidebarNav } from '@/components/sidebar-nav';
import { UserMenu } from '@/components/user-menu';
import { can, type Actor } from '@/lib/auth/permissions';
import type { OpenGroupsCount } from '@/lib/validations/unmatched-usage';

/** The portal's frame: sidebar, who is signed in, the keyboard shortcuts, and the page. */
export function PortalShell({
  actor,
  openGroups = null,
  children,
}: {
  actor: Actor | null;
  /** How many unmatched-usage groups are open, for the sidebar. */
  openGroups?: OpenGroupsCount | null;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0">
        <Logo className="px-5 py-4" />
        {actor && <SidebarNav role={actor.role} openGroups={openGroups} />}
        {actor && <UserMenu actor={actor} />}
        {actor && <KeyboardShortcuts mayEdit={can(actor, 'customers:write')} />}
      </header>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-8">
        {children}
      </main>
    </div>
  );
}
