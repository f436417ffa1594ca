import type { ComponentProps, ReactNode } from 'react';
import { cardClass } from '@/components/ui/card';
import { cn } from '@/lib/utils';

/** A column's heading. The role is spelled out: a table laid out as blocks loses it in some browsers. */
export function Th({ className, ...props }: ComponentProps<'th'>) {
  return <th role="columnheader" scope="col" className={cn('px-4 py-3 font-semibold', className)} {...props} />;
}

/** The heading row's look: small capitals on grey, under a line. */
export const theadClass =
  'border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase';

/** A `StackedTable` column: its heading, or `{ label, hidden }` for one only screen readers hear (e.g. "Actions"). */
export type Column = string | { label: string; hidden?: boolean; className?: string };

/**
 * A table that is a table from the md breakpoint up and a card per row below it (each cell then
 * shows its column's name, see `StackedCell`). The roles are spelled out (role="table", "row",
 * "cell") because a table laid out as blocks loses them in some browsers.
 */
export function StackedTable({
  label,
  columns,
  children,
}: {
  label: string;
  columns: ReadonlyArray<Column | false>;
  children: ReactNode;
}) {
  return (
    <section aria-label={label} className={cardClass()}>
      <table role="table" className="block w-full text-left text-sm md:table">
        <thead role="rowgroup" className={cn('sr-only md:not-sr-only md:table-header-group', theadClass)}>
          <tr role="row">
            {columns.map((column) => {
              if (column === false) return null;
              const { label, hidden, className } = typeof column === 'string' ? { label: column } : column;
              return (
                <Th key={label} className={cn('whitespace-nowrap', className)}>
                  {hidden ? <span className="sr-only">{label}</span> : label}
                </Th>
              );
            })}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-200 md:table-row-group md:divide-slate-100">
          {children}
        </tbody>
      </table>
    </section>
  );
}

/** A row of a `StackedTable`: a card below md. */
export function StackedRow({ className, ...props }: ComponentProps<'tr'>) {
  return <tr role="row" className={cn('block px-4 py-3 md:table-row md:p-0', className)} {...props} />;
}

const cardLabel =
  'max-md:before:w-24 max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-medium max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]';

/**
 * A cell of a `StackedTable`; on a phone-sized screen its column's name (`label`) stands before it
 * (CSS, not text). Without a label it is a block of its own there (the row's title, its buttons).
 */
export function StackedCell({
  label,
  align = 'top',
  className,
  children,
}: {
  label?: string;
  align?: 'top' | 'middle';
  className?: string;
  children?: ReactNode;
}) {
  return (
    <td
      role="cell"
      data-label={label}
      className={cn(
        'md:table-cell md:px-4 md:py-3',
        align === 'top' ? 'md:align-top' : 'md:align-middle',
        label ? cn('flex gap-3 py-1', align === 'middle' && 'items-center', cardLabel) : 'block',
        className,
      )}
    >
      {children}
    </td>
  );
}

/** A plain table's cell. */
export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-4 py-3', className)} {...props} />;
}

/** A table too long or wide for its place: it scrolls in its own box, which the keyboard can reach. */
export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      className="max-h-96 overflow-auto rounded-md border border-slate-200"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
