import { cn } from '@/lib/utils';

/** The portal's mark and name: large on the sign-in pages, smaller in the sidebar. */
export function Logo({ large = false, className }: { large?: boolean; className?: string }) {
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <span
        aria-hidden="true"
        className={cn(
          'grid place-items-center rounded-md bg-brand-600 text-sm font-bold text-white',
          large ? 'size-8' : 'size-7',
        )}
      >
        M
      </span>
      <span className={cn('font-semibold tracking-tight', large ? 'text-xl' : 'text-lg')}>Meterline</span>
    </div>
  );
}
