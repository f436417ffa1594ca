import type { AsyncLocalStorage } from 'node:async_hooks';

// The request server.mjs is serving (lib/http/request-log.mjs): its id, and who made it, for the
// request's log line. Outside server.mjs (next dev, tests, scripts) there is none, and these do nothing.

interface RequestContext {
  id: string;
  actor?: string;
}

const store = () =>
  (globalThis as Record<symbol, unknown>)[Symbol.for('meterline.requestContext')] as
    AsyncLocalStorage<RequestContext> | undefined;

/** The id of the request being served (its X-Request-Id), if server.mjs serves it. */
export function currentRequestId(): string | undefined {
  return store()?.getStore()?.id;
}

/** Names who made the request being served in its log line: "user <email>" or "API key <name>". */
export function noteRequestActor(actor: string): void {
  const context = store()?.getStore();
  if (context) context.actor = actor;
}
