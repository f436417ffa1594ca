import Link from 'next/link';
import type { ReactNode } from 'react';

/** The link above a page's heading back to where it was opened from: "← Customers". */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-sm text-brand-700 hover:underline">
      ← {children}
    </Link>
  );
}
