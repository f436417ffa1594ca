'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';

/**
 * A view (filters, search) kept in the URL: `replace(next)` puts it there (in a transition, without
 * scrolling); `latest` is the view as last set, so a change applied after typing pauses never
 * brings back a value changed meanwhile. `href` must not change between renders.
 */
export function useUrlView<T>(view: T, href: (view: T) => string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  }, [view]);
  const [replace] = useState(() => (next: T) => {
    latest.current = next;
    startTransition(() => router.replace(href(next), { scroll: false }));
  });
  return { pending, latest, replace };
}
