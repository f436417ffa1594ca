// One JSON line per request (pino), with a request id that is also the answer's X-Request-Id.
// server.mjs runs each request inside `requestContext`, so the app can name who made it
// (lib/request-context.ts) and log under its id. Nothing of the request but its method, path
// (without the query string) and status is written: never headers, cookies, bodies or keys.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The JSON logger (pino) on stdout, or on `fd` (scripts log to stderr: their stdout is their answer). */
export function createLogger(environment = process.env, fd = 1) {
  const level = LEVELS.includes(environment.LOG_LEVEL ?? '') ? environment.LOG_LEVEL : 'info';
  const pretty = environment.LOG_FORMAT === 'pretty';
  const options = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  if (pretty) {
    const prettyOptions = { ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l', destination: fd };
    return pino({ ...options, transport: { target: 'pino-pretty', options: prettyOptions } });
  }
  return pino(options, pino.destination({ fd, sync: true }));
}

/** The store of the request being served: `{ id, actor? }`. On globalThis: the app's modules read it. */
export const requestContext = (globalThis[Symbol.for('meterline.requestContext')] ??= new AsyncLocalStorage());

const FORWARDED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's id: a trusted proxy's X-Request-Id when it looks like one, else a new one. */
export function requestIdOf(req, trustProxy) {
  const sent = req.headers['x-request-id'];
  return trustProxy && typeof sent === 'string' && FORWARDED_ID.test(sent) ? sent : randomUUID();
}

/** Logs `req` once its answer is sent (or the client went away), with who made it and how long it took. */
export function logWhenDone(logger, req, res, context) {
  const started = process.hrtime.bigint();
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    const entry = {
      reqId: context.id,
      method: req.method,
      path: (req.url ?? '/').split('?')[0].slice(0, 512),
      status: res.writableFinished ? res.statusCode : 499,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      ...(context.actor ? { actor: context.actor } : {}),
    };
    const level = entry.status >= 500 ? 'error' : 'info';
    logger[level](entry, 'request');
  };
  res.once('finish', done);
  res.once('close', done);
}
