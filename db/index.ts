import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '../lib/env';
import * as schema from './schema';
import { acquireDataFolderLock } from './pglite-lock';
import type { PoolClient } from 'pg';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'pg';
  close: () => Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export function pgliteDataDir(): string {
  const dir = env.PGLITE_DIR || path.join('.data', 'pglite');
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

/** A whole number of milliseconds from the environment; 0 turns the limit off. */
function millisFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number of milliseconds (0: no limit)`);
  return value;
}

/**
 * Time limits on PostgreSQL, so that a database that is down, frozen or locked answers "try again"
 * instead of holding requests forever (README: Running on PostgreSQL).
 */
export function pgTimeouts() {
  const statement = millisFromEnv('DATABASE_STATEMENT_TIMEOUT_MS', 15_000);
  return {
    /** Waiting for a connection: a new one to open, or a free one in the pool. */
    connect: millisFromEnv('DATABASE_CONNECT_TIMEOUT_MS', 5_000),
    /** One statement, on the server. */
    statement,
    /** Waiting for a row or table lock, on the server. */
    lock: millisFromEnv('DATABASE_LOCK_TIMEOUT_MS', 5_000),
    /** A transaction left open and idle (its client gone), on the server. */
    idleInTransaction: millisFromEnv('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    /** Waiting for any answer at all, in this process: a server that is frozen never cancels anything. */
    answer: millisFromEnv('DATABASE_ANSWER_TIMEOUT_MS', statement === 0 ? 0 : statement + 2_000),
  };
}

/**
 * A connection that waited in vain for an answer is closed, not reused: the statement may still
 * be running (or be answered later, out of turn). Closing it makes the server roll back whatever
 * its transaction had done, and the pool opens a fresh connection for the next request.
 */
function closeOnAnswerTimeout(client: PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const close = (err: unknown) => {
    if (err instanceof Error && err.message === 'Query read timeout') {
      (client as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    }
  };
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const callback = args[args.length - 1];
    if (typeof callback === 'function') {
      args[args.length - 1] = (err: unknown, ...rest: unknown[]) => {
        close(err);
        return (callback as (...a: unknown[]) => unknown)(err, ...rest);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) result.catch(close);
    return result;
  };
}

/** The advisory lock migrations run under on PostgreSQL (any constant: "meterline" in ASCII). */
const MIGRATION_LOCK = 0x6d65746572;

async function openPg(connectionString: string): Promise<DatabaseHandle> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const limits = pgTimeouts();
  const off = (ms: number) => ms || undefined;

  // Migrations get no statement limit (an index build on a large table takes its time).
  const migrationPool = new Pool({ connectionString, max: 1, connectionTimeoutMillis: off(limits.connect) });
  migrationPool.on('error', () => {}); // an idle connection that broke: the pool drops it
  try {
    // Instances starting together take turns: the first applies what is pending, the others
    // then find nothing left to do. The lock is the connection's, released when it closes.
    const client = await migrationPool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(drizzle({ client, schema }), { migrationsFolder });
    } finally {
      client.release();
    }
  } finally {
    await migrationPool.end();
  }

  const pool = new Pool({
    connectionString,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: off(limits.connect),
    statement_timeout: off(limits.statement),
    lock_timeout: off(limits.lock),
    idle_in_transaction_session_timeout: off(limits.idleInTransaction),
    query_timeout: off(limits.answer),
  });
  // An idle connection the server closed (restart, outage) errors here; the pool drops it and
  // opens another on the next request. Without a listener it would end the process.
  pool.on('error', (err) => console.warn(`PostgreSQL connection lost: ${err.message}`));
  pool.on('connect', closeOnAnswerTimeout);
  const db = drizzle({ client: pool, schema });
  return { db: db as unknown as Database, driver: 'pg', close: () => pool.end() };
}

export function openDatabase(): Promise<DatabaseHandle> {
  const url = env.DATABASE_URL;
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

// The transaction a piece of work runs in (lib/data/transaction.ts `inTransaction`): inside it,
// getDb() answers the transaction, so every read and write of the work joins it, and an inner
// inTransaction becomes a savepoint. On globalThis, like the client: one scope per process.
const globalForScope = globalThis as unknown as { meterlineTxScope?: AsyncLocalStorage<Database> };
export const transactionScope = (globalForScope.meterlineTxScope ??= new AsyncLocalStorage<Database>());

/** The database, or the transaction the caller runs in (see `transactionScope`). */
export async function getDb(): Promise<Database> {
  return transactionScope.getStore() ?? (await getDatabase()).db;
}

/** Closes the process's database (scripts and tests; the server keeps it open). */
export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.meterlineDb;
  globalForDb.meterlineDb = undefined;
  if (handle) await (await handle).close();
}
