import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { Actor, Permission } from '@/lib/auth/permissions';
import { authorize } from '@/lib/auth/session';
import { isDatabaseUnavailable } from '@/lib/data/db-errors';
import { logger } from '@/lib/logger';
import { currentRequestId } from '@/lib/request-context';
import { DATABASE_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from './unavailable';

/** A JSON error every client can show: `{ message }`, with the status. */
export function jsonError(message: string, status: number, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ message }, { status, headers });
}

/** What a thrown error answers: 503 + Retry-After when the database did not answer, else a logged 500. */
export function errorResponse(err: unknown, request: NextRequest): NextResponse {
  if (isDatabaseUnavailable(err)) {
    return jsonError(DATABASE_UNAVAILABLE_MESSAGE, 503, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  }
  logger().error(
    { err, reqId: currentRequestId(), method: request.method, path: request.nextUrl.pathname },
    'route failed',
  );
  return jsonError('The server failed to answer this request. The problem has been logged; try again.', 500);
}

/**
 * The one way to write a route handler (apart from better-auth's): checks the caller has the
 * permission (401/403 JSON), turns anything thrown into a JSON answer with a message (503 with
 * Retry-After when the database did not answer in time, else a logged 500), and marks every answer
 * `cache-control: no-store` (they depend on the session).
 */
export function routeHandler(
  permission: Permission,
  handle: (request: NextRequest, actor: Actor) => Promise<Response> | Response,
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    let response: Response;
    try {
      const caller = await authorize(permission);
      response = caller.ok ? await handle(request, caller.actor) : jsonError(caller.message, caller.status);
    } catch (err) {
      response = errorResponse(err, request);
    }
    response.headers.set('cache-control', 'no-store');
    return response;
  };
}
