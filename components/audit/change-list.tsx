import type { AuditChange } from '@/lib/data/audit';
import { ROLES } from '@/lib/auth/permissions';
import { CUSTOMER_FIELD_LABELS } from '@/lib/validations/customer';

/** How each audit action reads in the portal. */
export const ACTION_LABELS: Record<string, string> = {
  'customer.create': 'Created',
  'customer.update': 'Edited',
  'customer.archive': 'Archived',
  'customer.unarchive': 'Unarchived',
  'price_plan.create': 'Price plan added',
  'price_plan.update': 'Price plan edited',
  'price_plan.archive': 'Price plan archived',
  'price_plan.unarchive': 'Price plan unarchived',
  'user.create': 'User added',
  'user.update': 'User changed',
  'user.password': 'Password set',
};

const FIELD_LABELS: Record<string, string> = {
  ...CUSTOMER_FIELD_LABELS,
  archivedAt: 'Archived',
  role: 'Role',
  active: 'Status',
  sessions: 'Sessions',
};

/** Where an entity names a field as its own form does ("Key" on a price plan, not "ID"). */
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  price_plan: { name: 'Key', displayName: 'Display name' },
  user: { name: 'Name' },
};

/** Values that read better as the portal shows them elsewhere ("Admin", "Deactivated"). */
const FIELD_VALUES: Record<string, (value: unknown) => string | undefined> = {
  role: (v) => (typeof v === 'string' && v in ROLES ? ROLES[v as keyof typeof ROLES] : undefined),
  active: (v) => (v === true ? 'Active' : v === false ? 'Deactivated' : undefined),
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    const parts = value.map((v) => {
      if (typeof v === 'string') return v;
      if (v && typeof v === 'object' && 'billingProvider' in v) return String(v.billingProvider);
      if (v && typeof v === 'object' && 'label' in v)
        return `${String(v.label)}: ${String((v as { valueRegex?: string }).valueRegex)}`;
      return JSON.stringify(v);
    });
    const text = parts.join(', ');
    return text.length > 300 ? `${text.slice(0, 300)}… (${value.length} in all)` : text;
  }
  if (typeof value === 'object') {
    const text = Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    return text.length > 300 ? `${text.slice(0, 300)}…` : text || '—';
  }
  return String(value);
}

const showField = (field: string, value: unknown) => FIELD_VALUES[field]?.(value) ?? show(value);

const LIST_CHANGE = new Set(['ingestAliases', 'secondaryEmails', 'tags', 'measurementMappings', 'billingProviders']);

/** An audit entry's changes, field by field: "Role: Viewer → Admin". */
export function ChangeList({ changes, entityType = 'customer' }: { changes: AuditChange[]; entityType?: string }) {
  if (changes.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
      {changes.map((c, i) => {
        const label = ENTITY_FIELD_LABELS[entityType]?.[c.field] ?? FIELD_LABELS[c.field] ?? c.field;
        if (LIST_CHANGE.has(c.field) && Array.isArray(c.old) && Array.isArray(c.new)) {
          return (
            <li key={i} className="[overflow-wrap:anywhere]">
              <span className="font-medium">{label}</span>
              {c.new.length > 0 && <> added {show(c.new)}</>}
              {c.new.length > 0 && c.old.length > 0 && ';'}
              {c.old.length > 0 && <> removed {show(c.old)}</>}
            </li>
          );
        }
        return (
          <li key={i} className="[overflow-wrap:anywhere]">
            <span className="font-medium">{label}</span>: {showField(c.field, c.old)} → {showField(c.field, c.new)}
          </li>
        );
      })}
    </ul>
  );
}
