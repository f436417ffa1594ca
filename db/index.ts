import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDataFolderLock } from './pglite-lock';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'pg';
  close: () => Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export function pgliteDataDir(): string {
  const dir = process.env.PGLITE_DIR || path.join('.data', 'pglite');
  return dir.startsWith('memory://') ? dir : path.resolve(dir);
}

async function openPglite(): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dataDir = pgliteDataDir();
  let release = () => {};
  if (!dataDir.startsWith('memory://')) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    release = acquireDataFolderLock(dataDir);
  }
  try {
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Database,
      driver: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

async function openPg(connectionString: string): Promise<DatabaseHandle> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const db = drizzle({ client: pool, schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Database, driver: 'pg', close: () => pool.end() };
}

export function openDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  return url ? openPg(url) : openPglite();
}

// Next evaluates a module more than once in one process: keep the one client on globalThis.
const globalForDb = globalThis as unknown as { meterlineDb?: Promise<DatabaseHandle> };

/** The one database of this process, opened (and migrated) on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.meterlineDb) {
    globalForDb.meterlineDb = openDatabase().catch((err) => {
      globalForDb.meterlineDb = undefined;
      throw err;
    });
  }
  return globalForDb.meterlineDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Closes the process's database (scripts and tests; the server keeps it open). */
export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.meterlineDb;
  globalForDb.meterlineDb = undefined;
  if (handle) await (await handle).close();
}
