'use client';

import { PageError } from '@/components/page-error';

// Errors of the portal's layout and of the sign-in and setup pages (the database down, mostly).
export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="px-4 py-16">
      <PageError {...props} />
    </main>
  );
}
