import type { V1FieldError } from '@/lib/validations/v1/common';

/** The customer that holds a value another asked for: UUID, Name and portal ID. */
export interface V1Owner {
  id: string;
  name: string;
  portal_id: string;
}

/** What the data layer refuses for /v1, by the contract's codes. */
export type V1ErrorCode =
  | 'validation_failed'
  | 'invalid_cursor'
  | 'not_found'
  | 'ingest_alias_taken'
  | 'external_id_taken'
  | 'custom_field_value_taken'
  | 'billing_provider_configured';

const STATUS: Record<V1ErrorCode, 400 | 404 | 409> = {
  validation_failed: 400,
  invalid_cursor: 400,
  not_found: 404,
  ingest_alias_taken: 409,
  external_id_taken: 409,
  custom_field_value_taken: 409,
  billing_provider_configured: 409,
};

/**
 * A refusal of a /v1 data function, thrown out of its transaction (so nothing is saved): the
 * route layer answers `status` with `{ message, code, field, errors, owner }`.
 */
export class V1Error extends Error {
  readonly status: 400 | 404 | 409;
  readonly field?: string;
  readonly errors?: Omit<V1FieldError, 'code'>[];
  readonly owner?: V1Owner;

  constructor(
    readonly code: V1ErrorCode,
    message: string,
    details: { field?: string; errors?: Omit<V1FieldError, 'code'>[]; owner?: V1Owner } = {},
  ) {
    super(message);
    this.name = 'V1Error';
    this.status = STATUS[code];
    this.field = details.field;
    this.errors = details.errors ?? (details.field ? [{ field: details.field, message }] : undefined);
    this.owner = details.owner;
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
