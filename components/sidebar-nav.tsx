'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { can, type Permission, type Role } from '@/lib/auth/permissions';
import { cn } from '@/lib/utils';

const sections: { href: string; label: string; permission?: Permission }[] = [
  { href: '/customers', label: 'Customers' },
  { href: '/price-plans', label: 'Price plans' },
  { href: '/users', label: 'Users', permission: 'users:manage' },
  { href: '/api-keys', label: 'API keys', permission: 'users:manage' },
  { href: '/api-docs', label: 'API' },
  { href: '/audit', label: 'Audit', permission: 'audit:read' },
];

/** The portal's sections; those a role may not use are left out (the pages check again). */
export function SidebarNav({ role }: { role?: Role | null }) {
  const pathname = usePathname();
  const visible = sections.filter((s) => !s.permission || (role && can({ role }, s.permission)));
  return (
    <nav aria-label="Sections" className="px-3 pb-3 md:pb-0">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {visible.map((s) => {
          const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'block rounded-md px-3 py-2 text-sm font-medium',
                  current ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100',
                )}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
