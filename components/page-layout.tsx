import type { ReactNode } from 'react';

/**
 * A portal page that lists things (users, API keys, price plans, the audit trail): its heading,
 * a line on what it is for, the page's one action beside them (e.g. an "Add …" button), then the
 * content.
 */
export function PageLayout({
  title,
  description,
  action,
  children,
}: {
  title: string;
  description: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p>
        </div>
        {action}
      </div>
      {children}
    </div>
  );
}
