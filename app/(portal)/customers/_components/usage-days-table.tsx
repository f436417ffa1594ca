import { ScrollingTable, Th, theadClass } from '@/components/ui/table';
import type { UsageDay } from '@/lib/validations/customer-usage';
import { cn } from '@/lib/utils';
import { dayLabel, OTHER_TYPES } from './usage-series';

const count = (n: number) => n.toLocaleString('en-US');

/** The chart's numbers as a table: a day per row, newest first, a column per series and the total. */
export function UsageDaysTable({ days, series }: { days: UsageDay[]; series: string[] }) {
  const named = series.filter((s) => s !== OTHER_TYPES);
  return (
    <ScrollingTable label="Events per day">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">Events per UTC day over the last 30 days, by event type</caption>
        <thead className={cn(theadClass, 'sticky top-0')}>
          <tr>
            <Th className="px-3 py-2">Day</Th>
            {series.map((type) => (
              <Th key={type} className="min-w-[6rem] px-3 py-2 text-right [overflow-wrap:break-word] normal-case">
                {type}
              </Th>
            ))}
            <Th className="px-3 py-2 text-right">Total</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {[...days].reverse().map((d) => {
            const other = d.total - named.reduce((sum, type) => sum + (d.byType[type] ?? 0), 0);
            return (
              <tr key={d.day}>
                <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap">
                  <time dateTime={d.day}>{dayLabel(d.day)}</time>
                </th>
                {series.map((type) => (
                  <td key={type} className="px-3 py-1.5 text-right">
                    {count(type === OTHER_TYPES ? other : (d.byType[type] ?? 0))}
                  </td>
                ))}
                <td className="px-3 py-1.5 text-right font-medium">{count(d.total)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
