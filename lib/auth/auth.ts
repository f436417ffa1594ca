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

export const SIGN_IN_LIMIT = { window: 60, max: 5 };

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET, or (for the embedded setup, so a
 * newcomer needs no configuration) a random one kept in .data/auth-secret.
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.resolve(process.env.AUTH_SECRET_FILE ?? path.join('.data', 'auth-secret'));
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim(); // another process wrote it first
    }
  }
}

/**
 * Where the sign-in limit finds the client's address. server.mjs vouches for X-Forwarded-For (the
 * socket's address, or a trusted proxy's header); under a bare `next start` a client could send any
 * value, so none is read and every client shares one bucket: stricter, never looser.
 */
function ipAddressHeaders(): string[] {
  const vouched = (globalThis as Record<symbol, unknown>)[Symbol.for('meterline.forwardedForVouched')] === true;
  if (!vouched && process.env.NODE_ENV === 'production') {
    console.warn(
      'Not started by server.mjs: X-Forwarded-For is ignored and sign-in is limited for all clients at once.',
    );
  }
  return vouched ? ['x-forwarded-for'] : [];
}

function createAuth(db: Database) {
  return betterAuth({
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    secret: authSecret(),
    baseURL: process.env.BETTER_AUTH_URL,
    // Requests from the page's own origin (whatever host name it is reached by), plus any listed.
    trustedOrigins: (request) => [
      ...(process.env.BETTER_AUTH_TRUSTED_ORIGINS?.split(',').map((s) => s.trim()) ?? []),
      ...(request?.headers.get('host') ? [`${new URL(request.url).protocol}//${request.headers.get('host')}`] : []),
    ],
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128 },
    // Nobody signs up: admins add users (and the first-run setup adds the first admin).
    disabledPaths: ['/sign-up/email'],
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': SIGN_IN_LIMIT },
    },
    advanced: { ipAddress: { ipAddressHeaders: ipAddressHeaders() } },
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

const globalForAuth = globalThis as unknown as { meterlineAuth?: Promise<Auth> };

/** The one better-auth instance of this process, made once the database is open. */
export function getAuth(): Promise<Auth> {
  globalForAuth.meterlineAuth ??= getDb().then(createAuth);
  return globalForAuth.meterlineAuth;
}
