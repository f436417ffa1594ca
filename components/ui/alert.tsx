import type { Ref } from 'react';
import { cn } from '@/lib/utils';

/**
 * A live region for an error message: always in the page (so a screen reader hears the message
 * when it appears), empty and out of sight while there is none. With a `ref` and `tabIndex` the
 * caller can move focus to it.
 */
export function Alert({
  message,
  id,
  ref,
  focusable = false,
  className,
}: {
  message: string | null | undefined;
  id?: string;
  ref?: Ref<HTMLDivElement>;
  /** Focus can be moved to it (a form's message, when no field has an error to focus). */
  focusable?: boolean;
  className?: string;
}) {
  return (
    <div
      id={id}
      ref={ref}
      tabIndex={focusable ? -1 : undefined}
      role="alert"
      className={cn('empty:sr-only', className)}
    >
      {message && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>
      )}
    </div>
  );
}
