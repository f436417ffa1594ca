import { z } from 'zod';
import type { UsageUnmatchedReason } from '@/db/schema/usage';
import { filterText } from './text';

// The unmatched-usage inbox's shapes, filters and inputs: browser-safe, shared by the data layer,
// the server actions and the page.

/** An identifier is an event's customer_id: 1–128 characters (see the ingest contract). */
export const MAX_IDENTIFIER_LENGTH = 128;
/** Search text longer than an identifier can be is cut. */
export const MAX_INBOX_SEARCH = MAX_IDENTIFIER_LENGTH;
export const INBOX_PAGE_SIZE = 50;
/** The sidebar counts open groups up to this many, then says "1,000+". */
export const OPEN_GROUPS_COUNT_CAP = 1000;

export const INBOX_STATUSES = { open: 'Open', ignored: 'Ignored' } as const;
export type InboxStatus = keyof typeof INBOX_STATUSES;

export const UNMATCHED_REASONS: Record<UsageUnmatchedReason, string> = {
  no_customer: 'No customer',
  ambiguous_mapping: 'Ambiguous mapping',
};

/**
 * What two identifiers share when they differ only in case, spaces, `-`, `_` or `.`: "Acme Corp",
 * "acme-corp" and "ACME_CORP" all come to "acmecorp". The data layer compares it in SQL
 * (SUGGESTION_KEY_PATTERN); this is the same rule, for tests and the browser.
 */
export const suggestionKey = (s: string) => s.toLowerCase().replace(/[\s._-]+/g, '');
/** `suggestionKey`'s characters to strip, as a PostgreSQL regular expression. */
export const SUGGESTION_KEY_PATTERN = '[[:space:]._-]+';

/** An existing customer an identifier looks like: its ID, or one of its ingest aliases. */
export interface InboxSuggestion {
  customerId: string;
  customerName: string;
  displayName: string;
  archived: boolean;
  /** How it looks like the identifier: the customer's ID, or an alias it holds. */
  via: 'id' | 'alias';
  /** The ID or alias that looks like the identifier ("did you mean acme_corp?"). */
  value: string;
}

/** One identifier's held events, as the inbox lists them. */
export interface UnmatchedGroupRow {
  identifier: string;
  events: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
  eventTypes: string[];
  sampleEvent: Record<string, unknown>;
  reason: UsageUnmatchedReason;
  ignoredAt: string | null;
  suggestion: InboxSuggestion | null;
}

export interface UnmatchedGroupPage {
  items: UnmatchedGroupRow[];
  nextCursor: string | null;
  prevCursor: string | null;
}

export interface OpenGroupsCount {
  value: number;
  /** More than OPEN_GROUPS_COUNT_CAP: `value` is the cap. */
  capped: boolean;
}

/** What "Add as alias to…" did: the customer, and how many held events it now has (and counts). */
export interface AddedAlias {
  customerId: string;
  customerName: string;
  /** False when the customer already held the alias: only the held events were routed. */
  aliasAdded: boolean;
  movedEvents: number;
  countedEvents: number;
}

/** The inbox's view, from its URL: a value that makes no sense is left out, never an error. */
export const inboxFilters = z.object({
  status: z.enum(['open', 'ignored']).default('open').catch('open'),
  q: filterText(MAX_INBOX_SEARCH),
  cursor: z.string().max(1024).optional().catch(undefined),
  dir: z.enum(['next', 'prev']).default('next').catch('next'),
});
export type InboxFilters = z.output<typeof inboxFilters>;

/** The view as a query string, leaving out the defaults: "" or "?status=ignored&q=acme". */
export function inboxSearch(f: Partial<InboxFilters>): string {
  const params = new URLSearchParams();
  if (f.status && f.status !== 'open') params.set('status', f.status);
  if (f.q) params.set('q', f.q);
  if (f.cursor) {
    params.set('cursor', f.cursor);
    if (f.dir === 'prev') params.set('dir', 'prev');
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** An identifier as an action receives it: any text an event could have carried. */
export const unmatchedIdentifier = z
  .string({ error: 'Choose a group' })
  .min(1, 'Choose a group')
  .max(MAX_IDENTIFIER_LENGTH, 'Choose a group')
  .refine((v) => !v.includes('\0'), 'Choose a group');

export const addAsAliasInput = z.object({
  identifier: unmatchedIdentifier,
  customerId: z.uuid('Choose a customer'),
});

export const ignoreGroupInput = z.object({
  identifier: unmatchedIdentifier,
  ignored: z.boolean(),
});
