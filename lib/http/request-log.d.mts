import type { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface RequestContext {
  id: string;
  actor?: string;
}
export function createLogger(environment?: Record<string, string | undefined>, fd?: number): Logger;
export const requestContext: AsyncLocalStorage<RequestContext>;
export function requestIdOf(req: IncomingMessage, trustProxy: boolean): string;
export function logWhenDone(logger: Logger, req: IncomingMessage, res: ServerResponse, context: RequestContext): void;
