'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageDay } from '@/lib/validations/customer-usage';
import { dayLabel, OTHER_TYPES, USAGE_COLORS } from './usage-series';

/**
 * Events per day as stacked bars, one colour per event type. A picture only: it is hidden from
 * screen readers (and has no keyboard stops), which read the same numbers in the table view.
 */
export function UsageChart({ days, series }: { days: UsageDay[]; series: string[] }) {
  const data = days.map((d) => {
    const row: Record<string, string | number> = { day: dayLabel(d.day) };
    let rest = d.total;
    for (const type of series) {
      if (type === OTHER_TYPES) continue;
      row[type] = d.byType[type] ?? 0;
      rest -= d.byType[type] ?? 0;
    }
    if (series.includes(OTHER_TYPES)) row[OTHER_TYPES] = rest;
    return row;
  });
  return (
    <div aria-hidden="true" className="h-64 w-full min-w-0">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11, fill: '#475569' }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#475569' }} width={56} />
          <Tooltip cursor={{ fill: '#f1f5f9' }} wrapperStyle={{ fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((type, i) => (
            <Bar
              key={type}
              dataKey={type}
              stackId="events"
              fill={USAGE_COLORS[i % USAGE_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
