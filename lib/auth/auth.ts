import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { getDb, type Database } from '@/db';
import { accounts, rateLimits, sessions, users, verifications } from '@/db/schema';
import { sharedSecret } from '@/lib/data/instance-secrets';
import { env } from '@/lib/env';
import { MAX_PASSWORD, MIN_PASSWORD } from '@/lib/validations/user';

export const SIGN_IN_LIMIT = { window: 60, max: 5 };
/** The public first-run setup action: limited like sign-in, per client address. */
export const SETUP_LIMIT = { window: 60, max: 5 };

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET, or (so that a newcomer needs no
 * configuration, and several instances on one PostgreSQL accept each other's sessions) a random
 * one kept in the database. An install that kept it in .data/auth-secret carries it over.
 */
async function authSecret(db: Database): Promise<string> {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  let earlier: string | undefined;
  try {
    earlier = fs.readFileSync(path.resolve('.data', 'auth-secret'), 'utf8').trim() || undefined;
  } catch {
    // none: the usual case
  }
  return sharedSecret(db, 'auth', earlier ?? randomBytes(32).toString('base64url'));
}

/**
 * Where the sign-in limit finds the client's address. server.mjs vouches for X-Forwarded-For (the
 * socket's address, or a trusted proxy's header); under a bare `next start` a client could send any
 * value, so none is read and every client shares one bucket: stricter, never looser.
 */
function ipAddressHeaders(): string[] {
  const vouched = forwardedHeadersVouched();
  if (!vouched && process.env.NODE_ENV === 'production') {
    console.warn(
      'Not started by server.mjs: X-Forwarded-For is ignored and sign-in is limited for all clients at once.',
    );
  }
  return vouched ? ['x-forwarded-for'] : [];
}

/** The header server.mjs vouches for (or a trusted proxy's, under TRUSTED_PROXY=1): see ipAddressHeaders. */
const forwardedHeadersVouched = () =>
  (globalThis as Record<symbol, unknown>)[Symbol.for('meterline.forwardedForVouched')] === true;

/**
 * Whether this request reached the portal over https, which decides whether the session cookie is
 * `__Secure-…; Secure` (a browser drops such a cookie on a plain-http page that is not localhost).
 * BETTER_AUTH_URL, when set, decides for every request; otherwise X-Forwarded-Proto as server.mjs
 * vouches for it ("http" from the socket, or the trusted proxy's word). Under a bare `next start`
 * nothing is believed: Secure in production, as better-auth would.
 */
export function requestUsesHttps(headers: Headers): boolean {
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) return configured.startsWith('https://');
  if (!forwardedHeadersVouched()) return process.env.NODE_ENV === 'production';
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** The portal's origin as its visitors reach it (BETTER_AUTH_URL when set), e.g. for the API's base URL. */
export function portalOrigin(headers: Headers): string {
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) return new URL(configured).origin;
  return `${requestUsesHttps(headers) ? 'https' : 'http'}://${headers.get('host') ?? 'localhost'}`;
}

/**
 * The client address that limits key on, from the headers server.mjs vouches for: one address, or
 * "unknown" (every such client shares one limit: stricter, never looser), as better-auth does.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = forwardedHeadersVouched() ? headers.get('x-forwarded-for')?.trim() : undefined;
  return forwarded && !forwarded.includes(',') && forwarded.length <= 64 ? forwarded : 'unknown';
}

function createAuth(db: Database, https: boolean, secret: string) {
  return betterAuth({
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    secret,
    baseURL: env.BETTER_AUTH_URL,
    // Requests from the page's own origin (whatever host name it is reached by), plus any listed.
    trustedOrigins: (request) => [
      ...env.BETTER_AUTH_TRUSTED_ORIGINS,
      ...(request?.headers.get('host') ? [`${new URL(request.url).protocol}//${request.headers.get('host')}`] : []),
    ],
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD, maxPasswordLength: MAX_PASSWORD },
    // Nobody signs up: admins add users (and the first-run setup adds the first admin).
    disabledPaths: ['/sign-up/email'],
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': SIGN_IN_LIMIT },
    },
    advanced: { ipAddress: { ipAddressHeaders: ipAddressHeaders() }, useSecureCookies: https },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'viewer', input: false },
        active: { type: 'boolean', required: false, defaultValue: true, input: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user gets the same answer as a wrong password.
          before: async (session, ctx) => {
            const user = await ctx?.context.internalAdapter.findUserById(session.userId);
            if (user && (user as { active?: boolean }).active === false) {
              throw new APIError('UNAUTHORIZED', { message: 'Invalid email or password' });
            }
          },
          // The Users page shows when each user last signed in; sessions end, this stays.
          after: async (session) => {
            await db
              .update(users)
              .set({ lastSignInAt: new Date(session.createdAt) })
              .where(eq(users.id, session.userId));
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { meterlineAuth?: { http?: Promise<Auth>; https?: Promise<Auth> } };

/**
 * The better-auth instance of this process for requests over https (Secure cookies) or plain http,
 * made once the database is open. Pass `requestUsesHttps(headers)` wherever a cookie is read or set.
 * A failure is not kept: a database that was down at the first request is tried again at the next.
 */
export function getAuth(https = process.env.NODE_ENV === 'production'): Promise<Auth> {
  const instances = (globalForAuth.meterlineAuth ??= {});
  const scheme = https ? 'https' : 'http';
  if (!instances[scheme]) {
    const made = getDb().then(async (db) => createAuth(db, https, await authSecret(db)));
    instances[scheme] = made;
    made.catch(() => {
      if (instances[scheme] === made) instances[scheme] = undefined;
    });
  }
  return instances[scheme];
}
