import { z } from 'zod';
import { fieldPath, UNICODE_MESSAGE, v1Text } from './common';
import { V1Error } from './errors';

// POST /v1/ingest and POST /v1/events/search (the contract's §7). Browser-safe.

export const MAX_INGEST_EVENTS = 100;
export const MAX_SEARCH_TRANSACTION_IDS = 100;
/** How far back an event's timestamp may lie, and how long a transaction_id deduplicates. */
export const USAGE_DEDUP_DAYS = 34;
/** How far ahead of its receipt an event's timestamp may lie. */
export const USAGE_FUTURE_DAYS = 1;
/** An event's properties, as JSON text: at most this many bytes (the whole body is at most 1 MiB). */
export const MAX_PROPERTIES_BYTES = 64 * 1024;
/** How deeply an event's properties may nest objects and arrays. */
export const MAX_PROPERTIES_DEPTH = 32;

const DAY_MS = 24 * 60 * 60 * 1000;

/** RFC 3339: a full date and time, seconds required, with `Z` or a numeric offset. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** The instant an RFC 3339 timestamp names, or null when it is not one (Feb 30, hour 24, offset +25:00…). */
export function parseRfc3339(value: string): Date | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = m[7] ? Number(m[7].slice(1, 4).padEnd(3, '0')) : 0;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return null;
  }
  const zone = m[8]!;
  if (zone === 'Z' || zone === 'z') return check;
  const [offsetHours, offsetMinutes] = zone.slice(1).split(':').map(Number) as [number, number];
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000 * (zone[0] === '-' ? -1 : 1);
  return new Date(local - offset);
}

/** Why a properties value cannot be stored, or null: NUL characters, broken Unicode, too deep. */
function propertiesProblem(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') {
    if (value.includes('\0')) return 'must not contain NUL characters';
    if (!value.isWellFormed()) return UNICODE_MESSAGE;
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_PROPERTIES_DEPTH) return `may nest at most ${MAX_PROPERTIES_DEPTH} levels`;
  const entries = Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const problem = propertiesProblem(key, depth + 1) ?? propertiesProblem(child, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** A text field of an event: trimmed, 1–128 code points, no NUL, valid Unicode. */
const eventText = v1Text(128);

/** One usage event, as ingest takes it. */
export const usageEventInput = z.object({
  transaction_id: eventText.meta({ description: 'The deduplication key' }),
  customer_id: eventText.meta({ description: "A customer's id or one of its ingest aliases" }),
  event_type: eventText,
  timestamp: z
    .string()
    .transform((value, ctx) => {
      const at = parseRfc3339(value);
      if (!at) {
        ctx.addIssue({ code: 'custom', message: 'must be an RFC 3339 timestamp with Z or an offset' });
        return z.NEVER;
      }
      const now = Date.now();
      if (at.getTime() < now - USAGE_DEDUP_DAYS * DAY_MS) {
        ctx.addIssue({ code: 'custom', message: `must not be more than ${USAGE_DEDUP_DAYS} days in the past` });
        return z.NEVER;
      }
      if (at.getTime() > now + USAGE_FUTURE_DAYS * DAY_MS) {
        ctx.addIssue({ code: 'custom', message: `must not be more than ${USAGE_FUTURE_DAYS} day in the future` });
        return z.NEVER;
      }
      return at;
    })
    .meta({
      description: `RFC 3339 with Z or an offset; at most ${USAGE_DEDUP_DAYS} days before and ${USAGE_FUTURE_DAYS} day after receipt`,
    }),
  properties: z
    .record(z.string(), z.unknown())
    .superRefine((properties, ctx) => {
      const problem = propertiesProblem(properties);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
        return;
      }
      if (new TextEncoder().encode(JSON.stringify(properties)).length > MAX_PROPERTIES_BYTES) {
        ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_PROPERTIES_BYTES / 1024} KiB as JSON` });
      }
    })
    .default({})
    .meta({ description: `Any JSON object without NUL characters, at most ${MAX_PROPERTIES_BYTES / 1024} KiB` }),
});
export type UsageEventInput = z.output<typeof usageEventInput>;

/** POST /v1/ingest: the body is the array of events itself. */
export const ingestBody = z
  .array(usageEventInput)
  .max(MAX_INGEST_EVENTS, `at most ${MAX_INGEST_EVENTS} events`)
  .meta({ description: `0–${MAX_INGEST_EVENTS} events, stored all or none` });

/**
 * The answer to an ingest body that failed its parse: `validation_failed` when the body itself is
 * wrong (not an array, over 100 events), else `invalid_events` listing every problem of every bad
 * event as `{index, field, message}`.
 */
export function invalidEvents(error: z.ZodError): V1Error {
  const whole = error.issues.find((issue) => issue.path.length === 0);
  if (whole) {
    const message = whole.code === 'invalid_type' ? 'the body must be a JSON array of events' : whole.message;
    return new V1Error(400, 'validation_failed', message, { errors: [{ message }] });
  }
  const errors = error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    const field = fieldPath(rest);
    return { index: Number(index), ...(field ? { field } : {}), message: missing ? 'is required' : issue.message };
  });
  const indexes = [...new Set(errors.map((e) => e.index))];
  const first = errors[0]!;
  const more = indexes.length > 1 ? ` (and ${indexes.length - 1} more event${indexes.length > 2 ? 's' : ''})` : '';
  const message = `Event ${first.index}: ${first.field ? `${first.field} ` : ''}${first.message}${more}; nothing was stored.`;
  return new V1Error(400, 'invalid_events', message, { errors });
}

/** POST /v1/events/search */
export const searchEventsBody = z.object({
  transactionIds: z
    .array(v1Text(128))
    .min(1, 'at least one transaction ID')
    .max(MAX_SEARCH_TRANSACTION_IDS, `at most ${MAX_SEARCH_TRANSACTION_IDS} transaction IDs`),
});
export type SearchEventsBody = z.output<typeof searchEventsBody>;

/** A stored event, as search answers it and as the unmatched-usage inbox keeps its sample. */
export const usageEventObject = z.object({
  id: z.uuid(),
  transaction_id: z.string(),
  customer_id: z.string().meta({ description: 'As sent' }),
  event_type: z.string(),
  timestamp: z.iso.datetime().meta({ description: 'RFC 3339, UTC, milliseconds' }),
  properties: z.record(z.string(), z.unknown()),
  is_duplicate: z.boolean(),
  matched_customer: z
    .object({ id: z.uuid(), name: z.string() })
    .optional()
    .meta({ description: 'The customer it was routed to (name = its Name); absent while unmatched' }),
  processed_at: z.iso.datetime().meta({ description: 'When it was stored' }),
});
export type V1UsageEvent = z.output<typeof usageEventObject>;

/** The answer of search: a bare array, in request order, then order of receipt. */
export const searchEventsAnswer = z.array(usageEventObject);
