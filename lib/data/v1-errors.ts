/** The customer that holds a value another asked for: UUID, Name and portal ID. */
export interface V1Owner {
  id: string;
  name: string;
  portal_id: string;
}

/** Every code of the /v1 contract's errors, and the status each answers. */
const STATUS = {
  invalid_json: 400,
  validation_failed: 400,
  invalid_cursor: 400,
  invalid_events: 400,
  // 400 for a known field Meterline does not support; a route outside the contract is a 404 (`status`).
  not_supported: 400,
  entity_not_supported: 400,
  invalid_idempotency_key: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  ingest_alias_taken: 409,
  external_id_taken: 409,
  billing_provider_configured: 409,
  custom_field_value_taken: 409,
  idempotency_key_in_progress: 409,
  request_too_large: 413,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type V1ErrorCode = keyof typeof STATUS;
export type V1ErrorStatus = (typeof STATUS)[V1ErrorCode];

/** One problem of a request: its field as a path (`ingest_aliases[2]`), or an ingest event's index. */
export interface V1ErrorItem {
  field?: string;
  index?: number;
  message: string;
}

/**
 * The one refusal of the /v1 API, thrown (or returned) by data functions and route handlers alike;
 * nothing is saved when it is thrown out of a transaction. The route wrapper (lib/http/v1.ts)
 * answers `status` with `{ message, code, request_id, field?, errors?, owner? }`. The status
 * follows from the code (`not_supported` takes `status: 404` for a route outside the contract).
 */
export class V1Error extends Error {
  readonly status: V1ErrorStatus;
  readonly field?: string;
  readonly errors?: V1ErrorItem[];
  readonly owner?: V1Owner;

  constructor(
    readonly code: V1ErrorCode,
    /** One readable sentence; the SDK shows it as "<status> <message>". */
    message: string,
    details: { field?: string; errors?: V1ErrorItem[]; owner?: V1Owner; status?: 404 } = {},
  ) {
    super(message);
    this.name = 'V1Error';
    this.status = details.status ?? STATUS[code];
    this.field = details.field;
    this.errors = details.errors ?? (details.field ? [{ field: details.field, message }] : undefined);
    this.owner = details.owner;
  }

  /** The answer's JSON body (the wrapper adds `request_id`). */
  body(): Record<string, unknown> {
    const { field, errors, owner } = this;
    return {
      message: this.message,
      code: this.code,
      ...(field !== undefined && { field }),
      ...(errors !== undefined && { errors }),
      ...(owner !== undefined && { owner }),
    };
  }
}

/** A rule broken that only the data layer can see (a 51st custom field, an id of another customer). */
export const invalid = (field: string, message: string) =>
  new V1Error('validation_failed', `${field}: ${message}`, { field, errors: [{ field, message }] });

export const notFound = (what = 'customer') => new V1Error('not_found', `No such ${what}`);

export const ownerOf = (c: { id: string; name: string; displayName: string }): V1Owner => ({
  id: c.id,
  name: c.displayName,
  portal_id: c.name,
});

/** `customer "Example, Inc." (ID example-inc, 8d3f…)`, as conflict messages name an owner. */
export const describeOwner = (o: V1Owner) => `customer ${JSON.stringify(o.name)} (ID ${o.portal_id}, ${o.id})`;
