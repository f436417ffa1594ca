'use client';

import { Button } from '@/components/ui/button';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/http/unavailable';

/** What an error boundary shows: "the database is not answering" apart from a real failure. */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const unavailable = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">
        {unavailable ? 'The database is not answering' : 'Something went wrong'}
      </h1>
      <p className="mt-2 text-sm text-slate-600">
        {unavailable
          ? 'We could not load this page because the database did not answer in time. Try again in a moment.'
          : 'We could not load this page. The problem has been logged; try again in a moment.'}
      </p>
      {error.digest && !unavailable && <p className="mt-2 text-xs text-slate-600">Reference: {error.digest}</p>}
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
