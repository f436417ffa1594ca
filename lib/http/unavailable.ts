// What the app says when the database does not answer in time (down, frozen, or a lock held too
// long). Browser-safe: the error boundaries read the digest, forms show the message.

/** The digest of a DatabaseUnavailableError: error boundaries can tell it from a real failure. */
export const DATABASE_UNAVAILABLE_DIGEST = 'meterline-database-unavailable';

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering; try again in a moment.';

/** Seconds a client is asked to wait before trying again (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;
