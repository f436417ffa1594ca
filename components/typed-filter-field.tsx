'use client';

import type { ComponentProps } from 'react';
import { TextField } from '@/components/ui/field';
import { useTypedParam } from '@/lib/hooks/use-typed-param';
import { cn } from '@/lib/utils';

/**
 * A list's text filter (a search box): the view changes once typing pauses (`useTypedParam`), and
 * Back or a shared link sets the box again. Escape empties it.
 */
export function TypedFilterField({
  value,
  onApply,
  className,
  ...props
}: { value: string | undefined; onApply: (text: string) => void } & Omit<
  ComponentProps<typeof TextField>,
  'value' | 'onChange' | 'onKeyDown' | 'type'
>) {
  const [text, setText] = useTypedParam(value, onApply);
  return (
    <TextField
      type="search"
      className={cn('min-w-0', className)}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && text) {
          e.preventDefault();
          setText('');
        }
      }}
      autoComplete="off"
      spellCheck={false}
      {...props}
    />
  );
}
