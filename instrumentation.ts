// Runs once when the server starts (never during `next build`, which does not call what it sets).
// A bad environment variable stops the server here, with a message naming the variable. server.mjs
// then opens the database through this before it listens, so that a PGlite folder held by another
// process stops the server at once, with the message, instead of failing every request.

export interface DatabaseOpenFailure {
  /** Nothing will change by waiting: the server must stop (PGlite: folder in use, or unreadable). */
  fatal: boolean;
  message: string;
}

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertEnv, EnvError } = await import('@/lib/env');
  try {
    assertEnv();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message); // before any logger: the environment it reads is what failed
    process.exit(1);
  }
  const open = async (): Promise<DatabaseOpenFailure | null> => {
    const { getDatabase } = await import('./db');
    try {
      await getDatabase();
      return null;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // PostgreSQL may come up later: requests answer "try again" until it does.
      return { fatal: !process.env.DATABASE_URL, message };
    }
  };
  (globalThis as Record<symbol, unknown>)[Symbol.for('meterline.openDatabase')] = open;
  // server.mjs closes the database through this when it stops (SIGTERM, SIGINT).
  (globalThis as Record<symbol, unknown>)[Symbol.for('meterline.closeDatabase')] = async () => {
    const { closeDatabase } = await import('./db');
    await closeDatabase();
  };
  // Raw usage events past USAGE_RETENTION_DAYS: deleted hourly, in small batches.
  const { scheduleUsageCleanup } = await import('@/lib/data/usage-retention');
  scheduleUsageCleanup();
  // CSV imports whose job was running when a server stopped go on where they were.
  const { scheduleImportResume } = await import('@/lib/data/customer-imports');
  scheduleImportResume();
}

/** A page or route that failed on the server: logged with its digest (the error page's "Reference") and request id. */
export async function onRequestError(
  err: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string },
) {
  const { logger } = await import('@/lib/logger');
  const { DATABASE_UNAVAILABLE_DIGEST } = await import('@/lib/http/unavailable');
  const digest = (err as { digest?: unknown } | null)?.digest;
  const entry = {
    err,
    digest,
    reqId: request.headers['x-request-id'],
    method: request.method,
    path: request.path.split('?')[0],
    route: context.routePath,
  };
  if (digest === DATABASE_UNAVAILABLE_DIGEST) logger().warn(entry, 'the database did not answer');
  else logger().error(entry, 'request failed');
}
