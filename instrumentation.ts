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
    console.error(err.message);
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
}
