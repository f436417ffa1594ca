'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { can, type Permission, type Role } from '@/lib/auth/permissions';
import { cn } from '@/lib/utils';
import type { OpenGroupsCount } from '@/lib/validations/unmatched-usage';

const sections: { href: string; label: string; permission?: Permission }[] = [
  { href: '/customers', label: 'Customers' },
  { href: '/unmatched-usage', label: 'Unmatched usage' },
  { href: '/price-plans', label: 'Price plans' },
  { href: '/users', label: 'Users', permission: 'users:manage' },
  { href: '/api-keys', label: 'API keys', permission: 'users:manage' },
  { href: '/api-docs', label: 'API' },
  { href: '/audit', label: 'Audit', permission: 'audit:read' },
];

/** "12", or "1,000+" past the count's cap. */
const shownCount = (count: OpenGroupsCount) => `${count.value.toLocaleString('en-US')}${count.capped ? '+' : ''}`;

/**
 * The portal's sections; those a role may not use are left out (the pages check again). Unmatched
 * usage shows how many groups are open.
 */
export function SidebarNav({ role, openGroups }: { role?: Role | null; openGroups?: OpenGroupsCount | null }) {
  const pathname = usePathname();
  const visible = sections.filter((s) => !s.permission || (role && can({ role }, s.permission)));
  return (
    <nav aria-label="Sections" className="px-3 pb-3 md:pb-0">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {visible.map((s) => {
          const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
          const count = s.href === '/unmatched-usage' && openGroups && openGroups.value > 0 ? openGroups : null;
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? 'page' : undefined}
                aria-label={
                  count ? `${s.label}, ${shownCount(count)} ${count.value === 1 ? 'group' : 'groups'}` : undefined
                }
                className={cn(
                  'flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm font-medium',
                  current ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100',
                )}
              >
                {s.label}
                {count && (
                  <span
                    aria-hidden="true"
                    className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 tabular-nums"
                  >
                    {shownCount(count)}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
