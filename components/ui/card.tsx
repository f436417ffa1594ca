import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

/** The white, bordered panel the portal sets its content on; `className` adds padding, layout… */
export function cardClass(className?: string): string {
  return cn('rounded-lg border border-slate-200 bg-white shadow-xs', className);
}

export function Card({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cardClass(className)} {...props} />;
}

export function CardSection({ className, ...props }: ComponentProps<'section'>) {
  return <section className={cardClass(className)} {...props} />;
}
