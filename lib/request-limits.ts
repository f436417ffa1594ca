/**
 * The largest request body the app reads: JSON to a route handler, or a server action's arguments
 * (next.config.js sets serverActions.bodySizeLimit to the same '2mb'). The largest customer the
 * form accepts is about 1.7 MB as JSON (2,000 aliases of control characters, each six bytes in
 * JSON); a unit test keeps it under this limit.
 */
export const MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;

/** The largest body a /v1 request may carry (its contract: 1 MiB); larger is a 413, never parsed. */
export const MAX_V1_BODY_BYTES = 1024 * 1024;
