import { NextResponse } from 'next/server';
import { getAuth, requestUsesHttps } from '@/lib/auth/auth';

/**
 * The better-auth endpoints that the portal's pages call over HTTP; every other one (update-user,
 * change-email, change-password, delete-user, list-sessions, revoke-*, reset-password,
 * verify-email, link-social…) answers 404 and changes nothing. Profiles, roles and passwords
 * change only through the portal's own actions, which check the caller and write the audit.
 * Server code calls better-auth directly (auth.api), not through this handler.
 */
const OPEN_ENDPOINTS: Record<string, ReadonlySet<string>> = {
  GET: new Set(['/get-session']), // the sign-in form asks whether the browser kept the cookie
  POST: new Set(['/sign-in/email']), // rate-limited
};

function isOpen(request: Request): boolean {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, '').replace(/\/+$/, '');
  return OPEN_ENDPOINTS[request.method]?.has(path) ?? false;
}

async function handle(request: Request) {
  if (!isOpen(request)) return NextResponse.json({ message: 'Not found.' }, { status: 404 });
  return (await getAuth(requestUsesHttps(request.headers))).handler(request);
}

export const GET = handle;
export const POST = handle;
