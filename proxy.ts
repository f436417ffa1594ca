import { NextResponse, type NextRequest } from 'next/server';

// Runs before every page and route: security headers with a per-request CSP nonce, and an
// early turn-away of visitors with no session cookie. The real checks happen on the server
// in every page, action and route (a cookie here proves nothing).

// /v1 and /v2 are the API: a key authenticates each request there (lib/http/v1.ts), never a
// cookie, and every answer is JSON, never a redirect to sign in.
const PUBLIC_PATHS = ['/sign-in', '/setup', '/api/auth', '/api/health', '/api/ready', '/robots.txt', '/v1', '/v2'];
const MAX_RETURN_PATH = 2_000;
const SESSION_COOKIES = ['better-auth.session_token', '__Secure-better-auth.session_token'];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // Positioning of popovers sets style attributes.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    // "Try a value" runs its patterns in a worker (strict-dynamic would otherwise refuse it).
    `worker-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  let response: NextResponse;
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  if (!isPublic && !hasSession) {
    if (pathname.startsWith('/api/')) {
      response = NextResponse.json({ message: 'Sign in first.' }, { status: 401 });
    } else {
      const target = new URL('/sign-in', request.url);
      // Where to return after signing in; an address too long to carry back is dropped, not echoed.
      const back = `${pathname}${search}`;
      if (pathname !== '/' && back.length <= MAX_RETURN_PATH) target.searchParams.set('next', back);
      response = NextResponse.redirect(target);
    }
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('content-security-policy', csp);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('x-frame-options', 'DENY');
  return response;
}

export const config = {
  matcher: [
    {
      // An import's upload is streamed to its route (checked there): the proxy would buffer it whole.
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|api/customer-imports/upload).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
