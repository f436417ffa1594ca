import 'server-only';
import { DATABASE_UNAVAILABLE_DIGEST, DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/http/unavailable';

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

/** Two transactions got in each other's way; run again, one of them now goes first. */
export function isSerializationFailure(err: unknown): boolean {
  const code = pgErrorCode(err);
  return code === '40001' || code === '40P01';
}

/** Postgres codes that mean "not now" rather than "wrong". */
const TRANSIENT_CODES = new Set([
  '57014', // statement timeout (query_canceled)
  '55P03', // lock timeout (lock_not_available)
  '25P03', // idle_in_transaction_session_timeout
  '40001', // serialization failure (after our retries)
  '40P01', // deadlock (after our retries)
  '53300', // too many connections
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now (starting up, shutting down)
]);

/** Errors of the socket and of the pg client when the server is gone or does not answer. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN']);
const CLIENT_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * Whether an error means the database did not answer in time (down, frozen, restarting, a lock
 * held too long): the request may succeed if tried again, and nothing was saved.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code))) {
      return true;
    }
    if (typeof message === 'string' && CLIENT_MESSAGES.some((m) => message.startsWith(m))) return true;
    const errors = (e as { errors?: unknown }).errors; // AggregateError: every address refused
    if (Array.isArray(errors) && errors.length > 0 && errors.every(isDatabaseUnavailable)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Thrown in place of a driver error that means "try again": pages show the error boundary's
 * "the database is not answering" (by its digest), route handlers answer 503 with Retry-After.
 */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause?: unknown) {
    super(DATABASE_UNAVAILABLE_MESSAGE, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** Rethrows a "try again" error as a DatabaseUnavailableError, anything else as it is. */
export function rethrowUnavailable(err: unknown): never {
  if (isDatabaseUnavailable(err) && !(err instanceof DatabaseUnavailableError)) throw new DatabaseUnavailableError(err);
  throw err;
}

/** Runs `work`, turning a database that does not answer into a DatabaseUnavailableError. */
export async function whenAvailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    rethrowUnavailable(err);
  }
}
