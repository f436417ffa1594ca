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
 * Where a `StackedTable` turns from cards into a table: md (768 px) by default; xl (1280 px) for
 * one with too many columns for the page beside the sidebar below that (the inbox's eight). Its
 * rows and cells are given the same `from`. (Whole class names: Tailwind finds them in the source.)
 */
export type StackFrom = 'md' | 'xl';

const STACK = {
  md: {
    table: 'md:table',
    thead: 'md:not-sr-only md:table-header-group',
    tbody: 'md:table-row-group md:divide-slate-100',
    row: 'md:table-row md:p-0',
    cell: 'md:table-cell md:px-4 md:py-3',
    top: 'md:align-top',
    middle: 'md:align-middle',
    label:
      'max-md:before:w-24 max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-medium max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]',
  },
  xl: {
    table: 'xl:table',
    thead: 'xl:not-sr-only xl:table-header-group',
    tbody: 'xl:table-row-group xl:divide-slate-100',
    row: 'xl:table-row xl:p-0',
    cell: 'xl:table-cell xl:px-4 xl:py-3',
    top: 'xl:align-top',
    middle: 'xl:align-middle',
    label:
      'max-xl:before:w-24 max-xl:before:shrink-0 max-xl:before:text-xs max-xl:before:font-medium max-xl:before:text-slate-600 max-xl:before:content-[attr(data-label)]',
  },
} as const;

/**
 * A table that is a table from the md breakpoint (or `from`) up and a card per row below it (each
 * cell then shows its column's name, see `StackedCell`). The roles are spelled out (role="table",
 * "row", "cell") because a table laid out as blocks loses them in some browsers.
 */
export function StackedTable({
  label,
  columns,
  from = 'md',
  children,
}: {
  label: string;
  columns: ReadonlyArray<Column | false>;
  from?: StackFrom;
  children: ReactNode;
}) {
  const stack = STACK[from];
  return (
    <section aria-label={label} className={cardClass()}>
      <table role="table" className={cn('block w-full text-left text-sm', stack.table)}>
        <thead role="rowgroup" className={cn('sr-only', stack.thead, theadClass)}>
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
        <tbody role="rowgroup" className={cn('block divide-y divide-slate-200', stack.tbody)}>
          {children}
        </tbody>
      </table>
    </section>
  );
}

/** A row of a `StackedTable`: a card below md (or its table's `from`). */
export function StackedRow({ className, from = 'md', ...props }: ComponentProps<'tr'> & { from?: StackFrom }) {
  return <tr role="row" className={cn('block px-4 py-3', STACK[from].row, className)} {...props} />;
}

/**
 * A cell of a `StackedTable`; on a phone-sized screen its column's name (`label`) stands before it
 * (CSS, not text). Without a label it is a block of its own there (the row's title, its buttons).
 */
export function StackedCell({
  label,
  align = 'top',
  from = 'md',
  className,
  children,
}: {
  label?: string;
  align?: 'top' | 'middle';
  from?: StackFrom;
  className?: string;
  children?: ReactNode;
}) {
  const stack = STACK[from];
  return (
    <td
      role="cell"
      data-label={label}
      className={cn(
        stack.cell,
        align === 'top' ? stack.top : stack.middle,
        label ? cn('flex gap-3 py-1', align === 'middle' && 'items-center', stack.label) : 'block',
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
