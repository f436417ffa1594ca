import type { PGlite } from '@electric-sql/pglite';
import { acquireDataFolderLock, DataFolderInUseError } from '../db/pglite-lock';

/**
 * Runs `work` while this process holds the PGlite folder's lock; `open` opens the folder (or
 * loads a dump into it). A folder the portal holds is refused with a message saying what to do.
 */
export async function withPgliteFolder<T>(
  folder: string,
  work: (open: (loadDataDir?: Blob) => Promise<PGlite>) => Promise<T>,
): Promise<T> {
  let release: () => void;
  try {
    release = acquireDataFolderLock(folder);
  } catch (err) {
    if (err instanceof DataFolderInUseError) {
      throw new Error(
        `${err.message} PGlite serves one process at a time: stop the portal, run this again, then start it.`,
      );
    }
    throw err;
  }
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    return await work((loadDataDir) => PGlite.create(folder, { extensions: { pg_trgm }, loadDataDir }));
  } finally {
    release();
  }
}
