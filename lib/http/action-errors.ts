import 'server-only';
import { failure } from '@/lib/action-result';
import { isDatabaseUnavailable } from '@/lib/data/db-errors';
import { DATABASE_UNAVAILABLE_MESSAGE } from './unavailable';

/**
 * Runs a server action's work; a database that did not answer in time becomes the form message
 * "try again in a moment" (nothing was saved: the transaction was rolled back). Anything else
 * still throws, to be logged, and the form says the server failed.
 */
export async function unlessUnavailable<T>(work: () => Promise<T>): Promise<T | ReturnType<typeof failure>> {
  try {
    return await work();
  } catch (err) {
    if (isDatabaseUnavailable(err)) return failure(DATABASE_UNAVAILABLE_MESSAGE);
    throw err;
  }
}
