// What the usage chart and its table view share: which event types get a series of their own.

/** How many event types get a colour of their own; the rest are summed as OTHER_TYPES. */
export const CHART_TYPES = 7;
export const OTHER_TYPES = 'Other types';

/** Distinct at a glance and at least 3:1 against white. */
export const USAGE_COLORS = ['#2563eb', '#15803d', '#b45309', '#7e22ce', '#be123c', '#0e7490', '#4b5563', '#854d0e'];

/** The series shown: the busiest CHART_TYPES event types, then the rest as one. */
export function usageSeries(eventTypes: string[]): string[] {
  if (eventTypes.length <= CHART_TYPES + 1) return eventTypes;
  return [...eventTypes.slice(0, CHART_TYPES), OTHER_TYPES];
}

const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Nov 3" for a YYYY-MM-DD UTC day. */
export const dayLabel = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
