import type { Logger } from 'pino';
import { createLogger } from './http/request-log.mjs';

const globalForLogger = globalThis as Record<symbol, unknown>;

/** The server's logger (made by server.mjs), or, under next dev and in scripts, one on stderr. */
export function logger(): Logger {
  return (globalForLogger[Symbol.for('meterline.logger')] ??= createLogger(process.env, 2)) as Logger;
}
