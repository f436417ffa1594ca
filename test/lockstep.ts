import { Client } from 'pg';

/**
 * On PostgreSQL, makes concurrent writes meet at one table: a third session holds `table` in share
 * mode until `waiters` of the writes wait to write it, then lets them go at once. (It must be a
 * table each write writes: a write that only reads it waits for nothing, and the gate would wait
 * forever.) PGlite runs one transaction at a time, so there the writes simply start together.
 */
export async function lockstep<T>(
  table: string,
  writes: () => Promise<T>[],
  waiters = 2,
): Promise<PromiseSettledResult<T>[]> {
  if (!process.env.DATABASE_URL) return Promise.allSettled(writes());
  const gate = new Client({ connectionString: process.env.DATABASE_URL });
  await gate.connect();
  try {
    await gate.query('begin');
    await gate.query(`lock table ${table} in share mode`);
    const settled = Promise.allSettled(writes());
    for (const started = Date.now(); ;) {
      if (Date.now() - started > 20_000) throw new Error(`the writes never all waited at ${table}`);
      const { rows } = await gate.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
         where c.relname = $1 and not l.granted`,
        [table],
      );
      if (rows[0]!.n >= waiters) break;
    }
    await gate.query('commit');
    return await settled;
  } finally {
    await gate.end();
  }
}
