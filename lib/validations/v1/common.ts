import { z } from 'zod';
import { CUSTOM_FIELD_KEY_PATTERN, MAX_ALIAS_LENGTH, MAX_ALIASES, MAX_CUSTOM_FIELDS } from '../customer';

// The rules /v1 shares between its endpoints. /v1 counts code points, as Metronome does (the
// portal counts characters as people see them). Each schema here only checks and shapes input;
// z.toJSONSchema({ io: 'input' }) turns it into the OpenAPI document's request schemas.

/** Codes other than validation_failed that an issue can carry in `params.code`. */
export type V1IssueCode = 'not_supported' | 'entity_not_supported';

/** The first `max + 1` code points of `value` at most: enough to tell whether it is over `max`. */
function codePoints(value: string, max: number): string[] {
  const points: string[] = [];
  for (const point of value) {
    points.push(point);
    if (points.length > max) break;
  }
  return points;
}

/** Whether `value` has more than `max` code points; looks at no more than 2 × max units. */
export function overCodePoints(value: string, max: number): boolean {
  if (value.length <= max) return false;
  if (value.length > 2 * max) return true;
  return codePoints(value, max).length > max;
}

/** The first `max` code points of `value` (a surrogate pair is never split). */
export function cutCodePoints(value: string, max: number): string {
  if (value.length <= max) return value;
  return codePoints(value, max).slice(0, max).join('');
}

// JSON may spell a lone surrogate ("\ud800"), which is no Unicode text: the database's JSONB (the
// audit trail, custom fields, configurations) refuses it, so it is refused here, naming the field.
export const UNICODE_MESSAGE = 'must be valid Unicode text (a lone surrogate such as \\ud800 is not)';
const isWellFormed = (v: string) => v.isWellFormed();

/** Any string, as long as it is valid Unicode. */
export const v1String = z.string().refine(isWellFormed, UNICODE_MESSAGE);

/** A string: trimmed, no NUL, 1–max code points. */
export function v1Text(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .refine((v) => !v.includes('\0'), 'must not contain NUL characters')
    .refine(isWellFormed, UNICODE_MESSAGE)
    .refine((v) => !overCodePoints(v, max), `at most ${max} characters`)
    .meta({ maxLength: max });
}

export const MAX_V1_NAME = 160;

/** A name: trimmed, blank refused, cut to 160 code points then trimmed again (never refused for length). */
export const v1Name = z
  .string()
  .trim()
  .min(1, 'must not be blank')
  .refine((v) => !v.includes('\0'), 'must not contain NUL characters')
  .refine(isWellFormed, UNICODE_MESSAGE)
  .transform((v) => cutCodePoints(v, MAX_V1_NAME).trim())
  .meta({ description: 'Trimmed; over 160 characters (code points) it is cut to the first 160' });

export const v1Uuid = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.uuid('must be a UUID'))
  .meta({ description: 'A UUID' });

export const v1ExternalId = v1Text(128);

/** Ingest aliases: at most 2,000, each trimmed and 1–128, no repeats (after trimming). */
export const v1IngestAliases = z
  .array(v1Text(MAX_ALIAS_LENGTH))
  .max(MAX_ALIASES, `at most ${MAX_ALIASES} ingest aliases`)
  .superRefine((aliases, ctx) => {
    const seen = new Map<string, number>();
    aliases.forEach((alias, i) => {
      const first = seen.get(alias);
      if (first === undefined) seen.set(alias, i);
      else ctx.addIssue({ code: 'custom', path: [i], message: `repeats ingest_aliases[${first}]` });
    });
  })
  .meta({ description: 'Each trimmed, no repeats; an alias held by another customer is a conflict' });

export const MAX_CUSTOM_FIELD_KEY = 40;
export const MAX_CUSTOM_FIELD_VALUE = 200;

export const v1CustomFieldKey = z
  .string()
  .min(1, 'must not be blank')
  .max(MAX_CUSTOM_FIELD_KEY, `at most ${MAX_CUSTOM_FIELD_KEY} characters`)
  .regex(CUSTOM_FIELD_KEY_PATTERN, 'use only A–Z a–z 0–9 _ - .');

export const v1CustomFieldValue = z
  .string()
  .trim()
  .refine((v) => !v.includes('\0'), 'must not contain NUL characters')
  .refine(isWellFormed, UNICODE_MESSAGE)
  .refine((v) => !overCodePoints(v, MAX_CUSTOM_FIELD_VALUE), `at most ${MAX_CUSTOM_FIELD_VALUE} characters`)
  .meta({ maxLength: MAX_CUSTOM_FIELD_VALUE });

// zod's records never copy a key named `__proto__` to their output (assigning it would replace the
// object's prototype), yet it is a valid custom-field key, here as in the portal. It crosses the
// record escaped: a NUL put before it, and before any key that already starts with NUL, so that no
// two keys meet (a key with a NUL is refused whatever its escape).
const KEY_ESCAPE = '\0';
const escapeKey = (key: string) => (key === '__proto__' || key.startsWith(KEY_ESCAPE) ? KEY_ESCAPE + key : key);
const unescapeKey = (key: string) => (key.startsWith(KEY_ESCAPE) ? key.slice(1) : key);
const needsEscape = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).some((key) => escapeKey(key) !== key);

const customFieldRecord = z
  .record(z.string(), v1CustomFieldValue)
  .superRefine((fields, ctx) => {
    const keys = Object.keys(fields);
    if (keys.length > MAX_CUSTOM_FIELDS) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_CUSTOM_FIELDS} keys` });
    }
    for (const key of keys.slice(0, MAX_CUSTOM_FIELDS + 1)) {
      const problem = v1CustomFieldKey.safeParse(unescapeKey(key)); // the path keeps it escaped, as zod's own do
      if (!problem.success) {
        ctx.addIssue({ code: 'custom', path: [key], message: `key ${problem.error.issues[0]?.message}` });
      }
    }
  })
  .meta({
    propertyNames: { pattern: '^[A-Za-z0-9_.-]{1,40}$' },
    maxProperties: MAX_CUSTOM_FIELDS,
    description: 'Keys of A–Z a–z 0–9 _ - . (1–40); values trimmed, at most 200 characters',
  });

/** Custom fields as /v1 sends them: at most 50 keys (the data layer checks the merged result too). */
export const v1CustomFields = z
  .preprocess(
    (value) =>
      needsEscape(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeKey(k), v])) : value,
    customFieldRecord,
  )
  .transform((fields) =>
    Object.keys(fields).some((key) => key.startsWith(KEY_ESCAPE))
      ? (Object.fromEntries(Object.entries(fields).map(([k, v]) => [unescapeKey(k), v])) as Record<string, string>)
      : fields,
  );

/** `entity`: only "customer". */
export const v1Entity = z
  .string()
  .superRefine((v, ctx) => {
    if (v !== 'customer') {
      ctx.addIssue({
        code: 'custom',
        message: 'only "customer" is supported',
        params: { code: 'entity_not_supported' },
      });
    }
  })
  .meta({ description: 'Must be "customer"' });

/** A known field Meterline does not support: present (and not null/empty where said) → not_supported. */
export function notSupported(message: string, allowed: (v: unknown) => boolean = (v) => v === undefined) {
  return z
    .unknown()
    .optional()
    .superRefine((v, ctx) => {
      if (!allowed(v)) ctx.addIssue({ code: 'custom', message, params: { code: 'not_supported' } });
    })
    .meta({ description: 'Not supported: leave it out (400 not_supported)' });
}

/** One problem, with its field as a path (`ingest_aliases[2]`, `custom_fields.region`). */
export interface V1FieldError {
  field: string;
  message: string;
  /** validation_failed unless the rule says otherwise. */
  code: 'validation_failed' | V1IssueCode;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    const name = typeof part === 'string' ? unescapeKey(part) : String(part); // a custom-field key's value
    return out ? `${out}.${name}` : name;
  }, '');
}

/** Every problem of a failed parse, in order; the first names the answer's `field` and `code`. */
export function v1FieldErrors(error: z.ZodError): V1FieldError[] {
  return error.issues.map((issue) => {
    const code = (issue as { params?: { code?: V1IssueCode } }).params?.code;
    const field = fieldPath(issue.path);
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    const message = missing ? 'is required' : issue.message;
    return { field, message, code: code ?? 'validation_failed' };
  });
}
