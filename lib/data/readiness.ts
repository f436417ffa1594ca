import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rowsOf } from './raw-rows';

/** How long the readiness check waits for the database before it answers "not ready". */
const READY_TIMEOUT_MS = 2_000;

export type Readiness = { ready: true } | { ready: false; reason: string };

/** When this build's newest migration was generated: drizzle records it as the migration's created_at. */
function newestMigrationOfThisBuild(): number {
  const journal = path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json');
  const { entries } = JSON.parse(fs.readFileSync(journal, 'utf8')) as { entries: { when: number }[] };
  return Math.max(...entries.map((e) => e.when));
}

async function check(): Promise<Readiness> {
  const db = await getDb();
  const [found] = await rowsOf<{ newest: string | null }>(
    db.execute(sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`),
  );
  const newest = Number(found?.newest ?? 0);
  if (newest < newestMigrationOfThisBuild()) {
    return { ready: false, reason: "The database's migrations are behind this build." };
  }
  return { ready: true };
}

/** Whether this process can serve: the database answers a query, and this build's migrations are applied. */
export async function checkReadiness(): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: `The database did not answer within ${READY_TIMEOUT_MS} ms.` }),
      READY_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check().catch((): Readiness => ({ ready: false, reason: 'The database is not answering.' })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
