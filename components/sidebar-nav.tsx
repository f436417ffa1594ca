'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

const sections = [
  { href: '/customers', label: 'Customers' },
  { href: '/price-plans', label: 'Price plans' },
];

export function SidebarNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="px-3 pb-3 md:pb-0">
      <ul className="flex gap-1 md:flex-col">
        {sections.map((s) => {
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
