import 'server-only';
import { transactionScope, type Database } from '@/db';
import { isSerializationFailure } from './db-errors';

/** How many times a transaction runs before a deadlock or serialization failure is given up on. */
const ATTEMPTS = 5;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one transaction, and runs it again when PostgreSQL broke a deadlock or a
 * serialization conflict by aborting it (40P01, 40001): nothing of the aborted run was kept, and
 * one of the two transactions now goes first. `work` must do nothing outside the database.
 * Every write of the data layer goes through here.
 *
 * Called inside another inTransaction's work (a /v1 request with an Idempotency-Key runs its
 * handler in one, to store the answer with the write), it joins that transaction as a savepoint:
 * a failure rolls back only its own part, and the outer transaction runs it again if needed.
 * Inside, `getDb()` answers the transaction, so the work's reads join it too.
 */
export async function inTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  const outer = transactionScope.getStore();
  const run = (t: unknown) => transactionScope.run(t as Database, () => work(t as Database));
  if (outer) return outer.transaction(run);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(run);
    } catch (err) {
      if (attempt >= ATTEMPTS || !isSerializationFailure(err)) throw err;
      await pause(Math.random() * 20 * attempt); // apart, so they do not collide again
    }
  }
}
