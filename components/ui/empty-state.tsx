import type { ReactNode } from 'react';

/** What a list shows when it has nothing to show: a heading and, below it, what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children && <p className="mt-2 text-sm text-slate-600">{children}</p>}
    </div>
  );
}
