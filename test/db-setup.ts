import { afterAll } from 'vitest';
import { closeDatabase } from '@/db';

// Without DATABASE_URL the tests run on an in-memory PGlite; with it, on that PostgreSQL.
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = 'memory://';

afterAll(async () => {
  await closeDatabase();
});
