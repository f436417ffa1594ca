import type { ReactNode } from 'react';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-start justify-center px-4 py-16 sm:items-center">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center justify-center gap-2">
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
          >
            M
          </span>
          <span className="text-xl font-semibold tracking-tight">Meterline</span>
        </div>
        {children}
      </div>
    </main>
  );
}
