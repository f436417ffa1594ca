import type { z } from 'zod';
import { v1FieldErrors, type V1IssueCode } from './common';

// The one error of the /v1 API (its contract's table of statuses and codes). The data layer
// (lib/data/v1-*.ts) and the route wrapper (lib/http/v1.ts) throw it alike; the wrapper answers it
// as `{ message, code, request_id, field?, errors?, owner? }`. Browser-safe: no server imports.

export type V1ErrorCode =
  | 'invalid_json'
  | 'validation_failed'
  | 'invalid_cursor'
  | 'invalid_events'
  | V1IssueCode
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
export interface V1Problem {
  field?: string;
  index?: number;
  message: string;
}

/** The other customer in a conflict: UUID, Name and portal ID. */
export interface V1Owner {
  id: string;
  name: string;
  portal_id: string;
}

export interface V1ErrorDetails {
  field?: string;
  errors?: V1Problem[];
  owner?: V1Owner;
}

export class V1Error extends Error {
  readonly field?: string;
  /** Every problem; with only `field` given, that one field and the message. */
  readonly errors?: V1Problem[];
  readonly owner?: V1Owner;

  constructor(
    readonly status: number,
    readonly code: V1ErrorCode,
    /** One readable sentence; the SDK shows it as "<status> <message>". */
    message: string,
    details: V1ErrorDetails = {},
  ) {
    super(message);
    this.name = 'V1Error';
    this.field = details.field;
    this.errors = details.errors ?? (details.field ? [{ field: details.field, message }] : undefined);
    this.owner = details.owner;
  }

  /** The answer's body, without `request_id` (the wrapper adds it). */
  body(): Record<string, unknown> {
    return {
      message: this.message,
      code: this.code,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
      ...(this.owner === undefined ? {} : { owner: this.owner }),
    };
  }
}

/**
 * A 400 for a failed parse, listing every problem zod found; `field`, the message and the code
 * (`validation_failed`, or a rule's own: `not_supported`, `entity_not_supported`) name the first.
 */
export function validationFailed(error: z.ZodError): V1Error {
  const problems = v1FieldErrors(error);
  const errors = problems.map(({ field, message }) => (field ? { field, message } : { message }));
  const first = problems[0];
  if (!first) return new V1Error(400, 'validation_failed', 'The request is not valid.');
  const message = first.field ? `${first.field}: ${first.message}` : first.message;
  return new V1Error(400, first.code, message, { ...(first.field ? { field: first.field } : {}), errors });
}
