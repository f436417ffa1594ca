import type { z } from 'zod';

// The errors of the /v1 API (its contract's table of statuses and codes). A handler throws (or
// returns) a V1Error; lib/http/v1.ts turns it into the JSON answer
// `{ message, code, request_id, field?, errors?, owner? }`.

export type V1ErrorCode =
  | 'invalid_json'
  | 'validation_failed'
  | 'invalid_cursor'
  | 'invalid_events'
  | 'not_supported'
  | 'entity_not_supported'
  | 'invalid_idempotency_key'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'ingest_alias_taken'
  | 'external_id_taken'
  | 'billing_provider_configured'
  | 'custom_field_value_taken'
  | 'idempotency_key_in_progress'
  | 'request_too_large'
  | 'idempotency_key_reused'
  | 'rate_limited'
  | 'internal_error'
  | 'service_unavailable';

/** One problem of a request: the field as a path (`ingest_aliases[2]`), or an event's index (ingest). */
export interface V1FieldError {
  field?: string;
  index?: number;
  message: string;
}

/** The other customer in a conflict. */
export interface V1Owner {
  id: string;
  name: string;
  portal_id: string;
}

export class V1Error extends Error {
  constructor(
    readonly status: number,
    readonly code: V1ErrorCode,
    /** One readable sentence; the SDK shows it as "<status> <message>". */
    message: string,
    readonly details: { field?: string; errors?: V1FieldError[]; owner?: V1Owner } = {},
  ) {
    super(message);
    this.name = 'V1Error';
  }

  /** The answer's body, without `request_id` (the wrapper adds it). */
  body(): Record<string, unknown> {
    return { message: this.message, code: this.code, ...this.details };
  }
}

/** `ingest_aliases[2]`, `custom_fields.region`: a zod issue's path as the contract writes it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A 400 `validation_failed` listing every problem zod found; `field` and the message name the first. */
export function validationFailed(error: z.ZodError): V1Error {
  const errors = error.issues.map((issue) => {
    const field = fieldPath(issue.path);
    return field ? { field, message: issue.message } : { message: issue.message };
  });
  const first = errors[0] ?? { message: 'The request is not valid.' };
  const message = 'field' in first && first.field ? `${first.field}: ${first.message}` : first.message;
  return new V1Error(400, 'validation_failed', message, {
    ...('field' in first && first.field ? { field: first.field } : {}),
    errors,
  });
}
