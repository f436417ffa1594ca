'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { Th } from '@/components/ui/table';
import { sameValue } from '@/lib/same-value';
import type { ChangedBy } from '@/lib/validations/audit';
import { BILLING_PROVIDERS, type BillingProvider } from '@/lib/validations/billing-providers';
import { countryName } from '@/lib/validations/countries';
import { CUSTOMER_FIELD_LABELS, type CustomerFormValues } from '@/lib/validations/customer';

function item(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    if ('key' in v) return `${String(v.key)}=${String((v as { value?: unknown }).value)}`;
    if ('value' in v) return String(v.value);
    if ('label' in v) return `${String(v.label)}: ${String((v as { valueRegex?: unknown }).valueRegex)}`;
    if ('billingProvider' in v) {
      const p = v as { billingProvider: string; deliveryMethod?: string; configuration?: Record<string, unknown> };
      const settings = Object.entries({ delivery: p.deliveryMethod, ...p.configuration })
        .map(([k, val]) => `${k}: ${String(val)}`)
        .join(', ');
      return `${BILLING_PROVIDERS[p.billingProvider as BillingProvider] ?? p.billingProvider} (${settings})`;
    }
  }
  return JSON.stringify(v);
}

function show(field: keyof CustomerFormValues, value: unknown): string {
  if (value === '' || value === null || value === undefined) return '—';
  if (field === 'country' && typeof value === 'string') return countryName(value) ?? value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    const text = value.map(item).join(', ');
    return text.length > 240 ? `${text.slice(0, 240)}… (${value.length} in all)` : text;
  }
  return String(value);
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** What differs between the version an editor started from and the one saved since. */
export function changedFields(before: CustomerFormValues, after: CustomerFormValues): FieldChange[] {
  return (Object.keys(CUSTOMER_FIELD_LABELS) as (keyof CustomerFormValues)[])
    .filter((key) => !sameValue(before[key], after[key]))
    .map((key) => ({
      field: CUSTOMER_FIELD_LABELS[key],
      before: show(key, before[key]),
      after: show(key, after[key]),
    }));
}

/** Who saved first, as the heading names them. */
function who(changedBy: ChangedBy | null): string {
  if (!changedBy) return 'Someone else';
  if (changedBy.isYou) return 'You, in another tab,';
  return changedBy.name ? `${changedBy.name} (${changedBy.email})` : changedBy.email;
}

export function ConflictView({
  changes,
  savedAt,
  changedBy,
  onLoadTheirs,
  onKeepMine,
}: {
  changes: FieldChange[];
  savedAt: string;
  changedBy: ChangedBy | null;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="conflict-heading" ref={heading} tabIndex={-1} className="text-base font-semibold">
        {who(changedBy)} saved this customer while you were editing
      </h2>
      <p>
        {changedBy?.isYou ? 'That version was saved' : 'Their version was saved'} <RelativeTime iso={savedAt} />.{' '}
        {changedBy?.isYou ? 'The edits in this tab were not saved.' : 'Nothing of yours was saved.'}{' '}
        {changes.length === 0 ? 'No field you see here changed.' : 'Changed since you opened it:'}
      </p>
      {changes.length > 0 && (
        <div
          className="overflow-x-auto rounded border border-amber-200 bg-white"
          tabIndex={0}
          role="region"
          aria-label="Changes"
        >
          <table className="w-full text-left text-sm">
            <thead className="bg-amber-100/60 text-xs uppercase">
              <tr>
                <Th className="px-3 py-2">Field</Th>
                <Th className="px-3 py-2">When you opened it</Th>
                <Th className="px-3 py-2">Now</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-amber-100">
              {changes.map((c) => (
                <tr key={c.field} className="align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {c.field}
                  </th>
                  <td className="px-3 py-2 [overflow-wrap:anywhere]">{c.before}</td>
                  <td className="px-3 py-2 [overflow-wrap:anywhere]">{c.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button onClick={onLoadTheirs}>Reload their version</Button>
        <Button variant="secondary" onClick={onKeepMine}>
          Keep my edits
        </Button>
      </div>
      <p className="text-xs">
        “Reload their version” discards your edits. “Keep my edits” keeps your form as it is; saving it then replaces
        their changes listed above.
      </p>
    </section>
  );
}
