import { Fragment } from 'react';
import { ROLES } from '@/lib/auth/permissions';
import { formatDateTime, plural } from '@/lib/utils';
import type { AuditChange } from '@/lib/validations/audit';
import { BILLING_PROVIDERS, DELIVERY_METHODS, STRIPE_COLLECTION_METHODS } from '@/lib/validations/billing-providers';
import { countryName } from '@/lib/validations/countries';
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
  'api_key.create': 'API key created',
  'api_key.revoke': 'API key revoked',
  'custom_field_key.add': 'Custom field key registered',
  'custom_field_key.update': 'Custom field key changed',
  'custom_field_key.remove': 'Custom field key removed',
  'unmatched_usage.ignore': 'Unmatched usage ignored',
  'unmatched_usage.unignore': 'Unmatched usage unignored',
};

/** Names the stored codes stand for, where the page knows them (price plans: key → display name). */
export interface ValueNames {
  pricePlans?: Record<string, string>;
}

const FIELD_LABELS: Record<string, string> = {
  ...CUSTOMER_FIELD_LABELS,
  archivedAt: 'Archived',
  role: 'Role',
  active: 'Status',
  sessions: 'Sessions',
  prefix: 'Prefix',
  revoked: 'Revoked',
  enforceUniqueness: 'Unique values',
  ignored: 'Ignored',
};

/** Where an entity names a field as its own form does ("Key" on a price plan, not "ID"). */
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  price_plan: { name: 'Key', displayName: 'Display name' },
  user: { name: 'Name' },
  api_key: { name: 'Name' },
};

/** A billing provider's settings, under the labels its form uses. */
const SETTING_LABELS: Record<string, string> = {
  deliveryMethod: 'Delivery',
  stripe_customer_id: 'Stripe customer ID',
  stripe_collection_method: 'Collection method',
  aws_customer_id: 'AWS customer ID',
  aws_product_code: 'Product code',
  aws_region: 'Region',
  aws_is_subscription_product: 'Subscription product',
  azure_subscription_id: 'Azure subscription ID',
  gcp_customer_id: 'GCP customer ID',
  netsuite_customer_id: 'NetSuite customer ID',
};

const MAX_TEXT = 300;
const EMPTY = '—';
const cut = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);
const labelOf = (labels: Record<string, string>, code: unknown) =>
  typeof code === 'string' ? (labels[code] ?? code) : String(code);

type Provider = { billingProvider: string; deliveryMethod?: string; configuration?: Record<string, unknown> };
const isProvider = (v: unknown): v is Provider => Boolean(v && typeof v === 'object' && 'billingProvider' in v);

const SETTING_ORDER = Object.keys(SETTING_LABELS);
const settingRank = (key: string) => (SETTING_ORDER.includes(key) ? SETTING_ORDER.indexOf(key) : SETTING_ORDER.length);

/** A provider's settings in its form's order (JSONB keeps its own), as label → readable value. */
function settings(p: Provider): [string, string][] {
  return Object.entries({ deliveryMethod: p.deliveryMethod, ...p.configuration })
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => settingRank(a) - settingRank(b))
    .map(([key, v]) => [
      SETTING_LABELS[key] ?? key.replaceAll('_', ' '),
      key === 'deliveryMethod'
        ? labelOf(DELIVERY_METHODS, v)
        : key === 'stripe_collection_method'
          ? labelOf(STRIPE_COLLECTION_METHODS, v)
          : plain(v),
    ]);
}

const providerName = (p: Provider) => labelOf(BILLING_PROVIDERS, p.billingProvider);

/** A value as people read it elsewhere in the portal: names, not codes; dates, not timestamps. */
function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    const parts = value.map((v) => {
      if (isProvider(v))
        return `${providerName(v)} (${settings(v)
          .map(([k, s]) => `${k}: ${s}`)
          .join(', ')})`;
      if (v && typeof v === 'object' && 'label' in v)
        return `${String(v.label)}: ${String((v as { valueRegex?: string }).valueRegex)}`;
      return plain(v);
    });
    const text = parts.join(', ');
    return text.length > MAX_TEXT ? `${cut(text)} (${value.length} in all)` : text;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? EMPTY : cut(entries.map(([k, v]) => `${k}: ${plain(v)}`).join(', '));
  }
  return String(value);
}

const isoDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d\d-\d\dT/.test(v);

/** Fields whose codes read as names. */
function showField(field: string, value: unknown, names: ValueNames): string {
  switch (field) {
    case 'role':
      return typeof value === 'string' && value in ROLES ? ROLES[value as keyof typeof ROLES] : plain(value);
    case 'active':
      return value === true ? 'Active' : value === false ? 'Deactivated' : plain(value);
    case 'country':
      return typeof value === 'string' && value ? (countryName(value) ?? value) : plain(value);
    case 'pricePlanName':
      return typeof value === 'string' && value ? (names.pricePlans?.[value] ?? value) : plain(value);
    case 'archivedAt':
      return isoDate(value) ? formatDateTime(value as string) : plain(value);
    default:
      return plain(value);
  }
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Custom fields, key by key: "tier: gold → platinum; added region: EU; removed owner". */
function customFieldChanges(oldValue: unknown, newValue: unknown): string {
  const before = asRecord(oldValue);
  const after = asRecord(newValue);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (!(key in before)) parts.push(`added ${key}: ${plain(value)}`);
    else if (before[key] !== value) parts.push(`${key}: ${plain(before[key])} → ${plain(value)}`);
  }
  for (const key of Object.keys(before)) if (!(key in after)) parts.push(`removed ${key}`);
  return cut(parts.join('; ')) || EMPTY;
}

/**
 * Billing providers: one that was replaced by a new configuration of itself reads as its changed
 * settings ("AWS Marketplace: Region eu-west-1 → us-east-1"), not as removed and added again.
 */
function providerChanges(removed: unknown[], added: unknown[]): string {
  const before = new Map(removed.filter(isProvider).map((p) => [p.billingProvider, p]));
  const parts: string[] = [];
  for (const p of added.filter(isProvider)) {
    const old = before.get(p.billingProvider);
    if (!old) {
      parts.push(`added ${plain([p])}`);
      continue;
    }
    before.delete(p.billingProvider);
    const was = new Map(settings(old));
    const changed = settings(p)
      .filter(([k, v]) => was.get(k) !== v)
      .map(([k, v]) => `${k} ${was.get(k) ?? EMPTY} → ${v}`);
    parts.push(`${providerName(p)}: ${changed.join(', ') || 'settings changed'}`);
  }
  for (const p of before.values()) parts.push(`removed ${providerName(p)}`);
  return cut(parts.join('; '));
}

const LIST_CHANGE = new Set(['ingestAliases', 'secondaryEmails', 'tags', 'measurementMappings', 'billingProviders']);

function fieldLabel(field: string, entityType: string) {
  return ENTITY_FIELD_LABELS[entityType]?.[field] ?? FIELD_LABELS[field] ?? field;
}

/** One change as a sentence, without its label. */
function describe(c: AuditChange, names: ValueNames): string {
  if (c.old === 'reordered' && c.new === 'reordered') return 'reordered';
  if (c.field === 'customFields') return customFieldChanges(c.old, c.new);
  if (LIST_CHANGE.has(c.field) && Array.isArray(c.old) && Array.isArray(c.new)) {
    if (c.field === 'billingProviders') return providerChanges(c.old, c.new);
    const parts = [];
    if (c.new.length > 0) parts.push(`added ${plain(c.new)}`);
    if (c.old.length > 0) parts.push(`removed ${plain(c.old)}`);
    return parts.join('; ');
  }
  return `${showField(c.field, c.old, names)} → ${showField(c.field, c.new, names)}`;
}

/** Archiving reads as a sentence with its date: "Had been archived since 29 Nov 2026, 16:07 UTC". */
function archiveSentence(c: AuditChange, names: ValueNames): string | null {
  if (c.field !== 'archivedAt') return null;
  if (c.new) return `Archived on ${showField('archivedAt', c.new, names)}`;
  if (isoDate(c.old)) return `Had been archived since ${showField('archivedAt', c.old, names)}`;
  return 'Had been archived';
}

/** An audit entry's changes, and how to name their fields and values. */
interface ChangesProps {
  changes: AuditChange[];
  /** Whose fields: 'customer' (the default), 'price_plan', 'user'. */
  entityType?: string;
  names?: ValueNames;
}

/** An audit entry's changes, field by field: "Role: Viewer → Admin". */
export function ChangeList({ changes, entityType = 'customer', names = {} }: ChangesProps) {
  if (changes.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
      {changes.map((c, i) => (
        <li key={i} className="[overflow-wrap:anywhere]">
          {archiveSentence(c, names) ?? (
            <>
              <span className="font-medium">{fieldLabel(c.field, entityType)}</span>: {describe(c, names)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** What a new record was made with, folded: "Created with 14 fields", each "Label: value" inside. */
export function CreatedFields({
  action,
  changes,
  entityType = 'customer',
  names = {},
}: ChangesProps & { action: string }) {
  if (changes.length === 0) return null;
  return (
    <details className="group mt-1 text-sm">
      <summary className="w-fit cursor-pointer rounded text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
        {ACTION_LABELS[action] ?? action} with {plural(changes.length, 'field')}
      </summary>
      <dl className="mt-2 grid gap-x-3 gap-y-1 text-slate-700 sm:grid-cols-[max-content_minmax(0,1fr)]">
        {/* dt and dd directly in the dl: no wrapper, so nothing here reads as a detail page's item. */}
        {changes.map((c) => (
          <Fragment key={c.field}>
            <dt className="font-medium">{fieldLabel(c.field, entityType)}</dt>
            <dd className="mb-1 [overflow-wrap:anywhere] sm:mb-0">{showField(c.field, c.new, names)}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}

/** An entry's details: folded for a new record, field by field for a change. */
export function AuditChanges(props: {
  action: string;
  changes: AuditChange[];
  entityType?: string;
  names?: ValueNames;
}) {
  // A CSV import names its file in a line of its own (lib/data/customer-imports.ts), not as a field.
  const source = props.changes.find((c) => c.field === 'import');
  const changes = source ? props.changes.filter((c) => c !== source) : props.changes;
  const body = props.action.endsWith('.create') ? (
    <CreatedFields {...props} changes={changes} />
  ) : (
    <ChangeList {...props} changes={changes} />
  );
  if (!source) return body;
  return (
    <>
      <p className="mt-1 text-sm [overflow-wrap:anywhere] text-slate-700">
        Imported from <span className="font-medium">{String(source.new)}</span>
      </p>
      {body}
    </>
  );
}
