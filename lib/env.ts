// The portal's environment variables, read and checked in one place. Server code only: it holds
// secrets, and no file the browser loads may import it. It has no 'server-only' marker because
// db/index.ts reads it, and the scripts (db:migrate, db:seed) run db/index.ts outside Next.
//
// Read on each access, not once at load: the tests and `npm run bench` point the database
// elsewhere by changing process.env before they open it. A bad value is an error naming the
// variable; `assertEnv()` checks them all when the server starts (instrumentation.ts).
// .env.example lists every variable with what it means.
import { z } from 'zod';

/** Unset and empty are the same: the default applies. */
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const optionalString = z.preprocess(unsetIfEmpty, z.string().optional());

/** A switch that is on with `1`, off with `0` or unset; anything else is a mistake worth naming. */
const flag = z.preprocess(
  unsetIfEmpty,
  z
    .enum(['0', '1'], { error: 'use 1 (on) or 0 (off)' })
    .optional()
    .transform((v) => v === '1'),
);

/** A count of 0 (off) or more, with a default. */
const nonNegative = (fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: 'use a number, 0 or more (0 turns it off)' })
      .min(0, 'use a number, 0 or more (0 turns it off)')
      .max(1_000_000, 'use at most 1000000')
      .default(fallback),
  );

const httpUrl = z.url({ protocol: /^https?$/, error: 'use a full http:// or https:// address' });

export const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z.url({ protocol: /^postgres(ql)?$/, error: 'use a postgres:// or postgresql:// address' }).optional(),
  ),
  DATABASE_POOL_SIZE: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: 'use a whole number from 1 to 1000' })
      .int('use a whole number from 1 to 1000')
      .min(1, 'use a whole number from 1 to 1000')
      .max(1000, 'use a whole number from 1 to 1000')
      .default(10),
  ),
  PGLITE_DIR: optionalString,
  BETTER_AUTH_SECRET: z.preprocess(
    unsetIfEmpty,
    z.string().min(32, 'use at least 32 characters (openssl rand -base64 32)').optional(),
  ),
  BETTER_AUTH_URL: z.preprocess(unsetIfEmpty, httpUrl.optional()),
  BETTER_AUTH_TRUSTED_ORIGINS: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    z.array(httpUrl),
  ),
  TRUSTED_PROXY: flag,
  SEED_DEMO: flag,
  METERLINE_BENCH: flag,
  // /v1's token bucket per API key, per server process: requests per second, and the burst.
  V1_RATE_LIMIT_PER_SECOND: nonNegative(100),
  V1_RATE_LIMIT_BURST: nonNegative(1000),
  // Read by server.mjs: how long a stop waits for the requests in flight.
  SHUTDOWN_TIMEOUT_MS: nonNegative(25_000),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    super(`Invalid environment (see .env.example):\n${lines.join('\n')}`);
    this.name = 'EnvError';
  }
}

/** The checked environment of `source` (process.env by default). Throws an EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues);
  return parsed.data;
}

/** Checks every variable at once (the server's start); throws an EnvError listing the bad ones. */
export function assertEnv(): void {
  parseEnv();
}

/** The checked environment, read afresh from process.env on each access: `env.DATABASE_URL`. */
export const env: Readonly<Env> = new Proxy({} as Env, {
  get: (_target, key) => (typeof key === 'string' ? parseEnv()[key as keyof Env] : undefined),
});
