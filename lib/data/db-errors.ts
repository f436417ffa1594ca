import 'server-only';

interface PgErrorFields {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** drizzle wraps driver errors; the Postgres fields are on `cause` (both drivers). */
function pgFields(err: unknown): PgErrorFields {
  if (typeof err !== 'object' || err === null) return {};
  const cause = (err as { cause?: unknown }).cause;
  const source = (typeof cause === 'object' && cause !== null ? cause : err) as PgErrorFields;
  return { code: source.code, constraint: source.constraint, detail: source.detail };
}

/** The constraint a unique violation broke, or null for any other error. */
export function violatedUniqueConstraint(err: unknown): string | null {
  const { code, constraint } = pgFields(err);
  return code === '23505' ? (constraint ?? '') : null;
}

export function pgErrorCode(err: unknown): string | undefined {
  return pgFields(err).code;
}
