'use client';

import { useEffect, useState } from 'react';
import { formatDateTime, formatRelative } from '@/lib/utils';

/**
 * "3 min. ago", with the exact UTC time on hover and for screen readers. The server renders the
 * relative time as of its own clock; the browser keeps it fresh every minute.
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const exact = formatDateTime(iso);
  return (
    <time dateTime={iso} title={exact} className={className}>
      <span aria-hidden="true" suppressHydrationWarning>
        {formatRelative(iso, now)}
      </span>
      <span className="sr-only">{exact}</span>
    </time>
  );
}
