import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

type Tone = 'neutral' | 'warning' | 'info' | 'success';

const tones: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-300',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300',
  info: 'bg-brand-50 text-brand-800 ring-brand-100',
  success: 'bg-green-50 text-green-800 ring-green-200',
};

/** A short status word next to a value ("Archived"). */
export function Badge({ tone = 'neutral', className, ...props }: ComponentProps<'span'> & { tone?: Tone }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}

/** A customer's tag as the portal shows it (list, detail page): a chip; `className` adds its width. */
export const tagChipClass = (className?: string) =>
  cn('rounded-md bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800', className);
